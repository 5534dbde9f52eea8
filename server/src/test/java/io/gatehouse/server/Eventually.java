package io.gatehouse.server;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Repeats a probe until its answer is the one wanted, for effects that take a moment: RBAC and
 * admission policies reloaded from the store, authorization config reloads, token caches.
 */
final class Eventually {

  /** Long enough for the one-second reloads under a loaded machine. */
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration PAUSE = Duration.ofMillis(100);

  private Eventually() {}

  /** Returns the first answer of {@code probe} that is {@code done}, or the last one after 10 s. */
  static <T> T until(Supplier<T> probe, Predicate<? super T> done) {
    return until(probe, done, DEFAULT_TIMEOUT, PAUSE);
  }

  /**
   * Returns the first answer of {@code probe} that is {@code done}, or the last one once {@code
   * timeout} has passed, probing every {@code pause}. Never throws for a probe that is not done;
   * the caller asserts on the answer.
   */
  static <T> T until(Supplier<T> probe, Predicate<? super T> done, Duration timeout,
      Duration pause) {
    long deadline = System.nanoTime() + timeout.toNanos();
    T answer = probe.get();
    while (!done.test(answer) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      answer = probe.get();
    }
    return answer;
  }

  /** Returns the first result of {@code probe} with exit code 0, or the last one after 10 s. */
  static Kubectl.Result succeeds(Supplier<Kubectl.Result> probe) {
    return until(probe, r -> r.exitCode() == 0);
  }
}
