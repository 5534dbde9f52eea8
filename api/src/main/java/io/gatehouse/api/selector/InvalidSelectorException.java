package io.gatehouse.api.selector;

/** A label selector that upstream's conversion rejects; the message is upstream's text. */
public final class InvalidSelectorException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with upstream's {@code message}. */
  public InvalidSelectorException(String message) {
    super(message, null, false, false);
  }
}
