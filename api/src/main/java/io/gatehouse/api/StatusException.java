package io.gatehouse.api;

/**
 * An expected API failure carrying its {@link Status}. Unchecked; the one exception type request
 * handling turns into an API response.
 */
public final class StatusException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Status status;

  /** Creates an exception for {@code status}. */
  public StatusException(Status status) {
    super(status.message(), null, false, false);
    this.status = status;
  }

  /** Returns the status. */
  public Status status() {
    return status;
  }

  /** Returns a 400 Bad Request with {@code message}. */
  public static StatusException badRequest(String message) {
    return new StatusException(new Status(message, StatusReason.BAD_REQUEST, null, 400));
  }

  /** Returns a 500 Internal Error with {@code message}. */
  public static StatusException internal(String message) {
    return new StatusException(
        new Status("Internal error occurred: " + message, StatusReason.INTERNAL_ERROR, null, 500));
  }
}
