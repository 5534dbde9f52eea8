package io.gatehouse.cel.library;

import dev.cel.common.CelErrorCode;
import dev.cel.common.exceptions.CelRuntimeException;

/**
 * A failure of a standard or library function whose message is cel-go's (or Kubernetes') exact
 * text; the runtime error translator passes it through unchanged. cel-java reads the
 * message of the cause, so the text travels as the cause's message.
 */
final class StandardFunctionException extends CelRuntimeException {

  private static final long serialVersionUID = 1L;

  StandardFunctionException(String message) {
    super(new Text(message), CelErrorCode.INVALID_ARGUMENT);
  }

  @Override
  public String getMessage() {
    return getCause().getMessage();
  }

  /** Carries the text without a class name prefix. */
  private static final class Text extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Text(String message) {
      super(message, null, false, false);
    }
  }
}
