package io.gatehouse.server;

/**
 * Handles one request completely, as Go's {@code http.Handler}; filters wrap the next handler.
 * Implementations are thread-safe and may block (they run on virtual threads). Expected failures
 * are thrown as {@link io.gatehouse.api.StatusException}; anything else is a bug that the recovery
 * filter turns into a 500.
 */
@FunctionalInterface
interface ApiHandler {

  /** Returns the response to {@code request}. */
  ApiResponse handle(ApiRequest request);
}
