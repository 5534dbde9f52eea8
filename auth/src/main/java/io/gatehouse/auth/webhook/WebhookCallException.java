package io.gatehouse.auth.webhook;

/**
 * A webhook call that failed: transport error, timeout, HTTP error status or an undecodable body.
 * The message is client-go's wording where Gatehouse knows it.
 */
final class WebhookCallException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final boolean retriable;

  WebhookCallException(String message, boolean retriable) {
    super(message, null, false, false);
    this.retriable = retriable;
  }

  /**
   * Whether upstream's {@code DefaultShouldRetry} retries it: connection resets, 500, 504, 429 and
   * any answer with {@code Retry-After}.
   */
  boolean retriable() {
    return retriable;
  }
}
