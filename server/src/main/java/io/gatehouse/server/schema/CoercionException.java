package io.gatehouse.server.schema;

/**
 * A custom object that cannot be coerced to its schema's shape (an embedded resource's {@code
 * apiVersion} or {@code kind} that is not a string): upstream's decoder fails with the carried
 * error, which the API server answers with 400.
 */
public final class CoercionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The error, with path and value. */
  private final transient FieldError error;

  /** Wraps {@code error}. */
  public CoercionException(FieldError error) {
    super(error.message(), null, false, false);
    this.error = error;
  }

  /** Returns the error. */
  public FieldError error() {
    return error;
  }
}
