package io.gatehouse.server;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the requests that reach the handler chain, so that background work can tell an idle
 * server from a busy one ({@link HeapTrimmer}). Counting costs one uncontended {@link LongAdder}
 * increment per request. Thread-safe.
 */
final class RequestCounter {

  private final LongAdder requests = new LongAdder();

  /** Returns {@code next} counting each request before handing it on. */
  ApiHandler counting(ApiHandler next) {
    return request -> {
      requests.increment();
      return next.handle(request);
    };
  }

  /** Returns the number of requests counted so far. */
  long count() {
    return requests.sum();
  }
}
