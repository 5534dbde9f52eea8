package io.gatehouse.cel.library;

/**
 * A failed {@code <string>.format(list)}: cel-go's message and, for static validation, the
 * expression the failure is reported at. Never escapes this package.
 */
final class FormatException extends RuntimeException {

  /** Report at the {@code format} call rather than at one argument. */
  static final long AT_CALL = -1;

  private final long exprId;

  FormatException(String message, long exprId) {
    super(message, null, false, false);
    this.exprId = exprId;
  }

  FormatException(String message) {
    this(message, AT_CALL);
  }

  /** Returns this failure prefixed with {@code context}, reported at the same expression. */
  FormatException wrap(String context) {
    return new FormatException(context + ": " + getMessage(), exprId);
  }

  long exprId() {
    return exprId;
  }
}
