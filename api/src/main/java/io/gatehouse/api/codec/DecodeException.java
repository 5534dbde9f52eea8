package io.gatehouse.api.codec;

/** A decoding failure at a 1-based line of the input; internal to the codec. */
final class DecodeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int line;

  DecodeException(int line, String reason) {
    super(reason, null, false, false);
    this.line = line;
  }

  int line() {
    return line;
  }
}
