package io.gatehouse.server;

import io.gatehouse.api.StatusException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outermost filter: a {@link StatusException} from anywhere inside becomes its {@code Status}
 * response; any other exception is a bug, logged with a request id and answered with 500 and
 * upstream's panic text ({@code WithPanicRecovery}). Thread-safe.
 */
final class RecoveryFilter implements ApiHandler {

  static final String PANIC_TEXT =
      "This request caused apiserver to panic. Look in the logs for details.";

  private static final Logger LOG = LoggerFactory.getLogger(RecoveryFilter.class);
  private static final AtomicLong REQUEST_IDS = new AtomicLong();

  private final ApiHandler next;

  RecoveryFilter(ApiHandler next) {
    this.next = next;
  }

  @Override
  public ApiResponse handle(ApiRequest request) {
    try {
      return next.handle(request);
    } catch (StatusException e) {
      return ApiResponse.status(e.status());
    } catch (RuntimeException | LinkageError | AssertionError e) {
      LOG.atError()
          .setMessage("Request failed")
          .addKeyValue("requestID", REQUEST_IDS.incrementAndGet())
          .addKeyValue("method", request.method())
          .addKeyValue("URI", request.requestUri())
          .setCause(e)
          .log();
      return ApiResponse.error(500, PANIC_TEXT);
    }
  }
}
