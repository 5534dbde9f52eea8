package io.gatehouse.server;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * A work queue in the manner of client-go's rate-limited queue: items added while already
 * waiting are not queued twice, and an item that failed comes back after an exponential delay
 * ({@code base * 2^(failures-1)}, at most {@code max}) until it is {@linkplain #forget
 * forgotten}. Not thread-safe: confined to one consumer thread.
 *
 * @param <T> the items, compared with {@code equals}
 */
final class RetryQueue<T> {

  private static final int IMMEDIATE_RETRIES = 5;

  private record Delayed<T>(T item, long dueNanos) {}

  private final LinkedHashSet<T> ready = new LinkedHashSet<>();
  private final PriorityQueue<Delayed<T>> delayed =
      new PriorityQueue<>((a, b) -> Long.compare(a.dueNanos(), b.dueNanos()));
  private final Map<T, Integer> failures = new HashMap<>();
  private final Duration base;
  private final Duration max;
  private final LongSupplier nanoTime;

  RetryQueue(Duration base, Duration max, LongSupplier nanoTime) {
    this.base = base;
    this.max = max;
    this.nanoTime = nanoTime;
  }

  /** Queues {@code item} now. */
  void add(T item) {
    ready.add(item);
  }

  /**
   * Queues {@code item} again at once, for a transient failure (a write conflict); after {@value
   * #IMMEDIATE_RETRIES} such failures in a row it waits for its backoff delay instead.
   */
  void addSoon(T item) {
    if (failures.getOrDefault(item, 0) < IMMEDIATE_RETRIES) {
      failures.merge(item, 1, Integer::sum);
      ready.add(item);
    } else {
      addRateLimited(item);
    }
  }

  /** Queues {@code item} after its next backoff delay. */
  void addRateLimited(T item) {
    int n = failures.merge(item, 1, Integer::sum);
    long delay = base.toNanos() << Math.min(n - 1, 30);
    delay = delay <= 0 ? max.toNanos() : Math.min(delay, max.toNanos());
    delayed.add(new Delayed<>(item, nanoTime.getAsLong() + delay));
  }

  /** Resets the backoff of {@code item}. */
  void forget(T item) {
    failures.remove(item);
  }

  /** Takes the next item that is due, or returns null. */
  @Nullable T poll() {
    long now = nanoTime.getAsLong();
    while (!delayed.isEmpty() && delayed.peek().dueNanos() <= now) {
      ready.add(delayed.poll().item());
    }
    Iterator<T> it = ready.iterator();
    if (!it.hasNext()) {
      return null;
    }
    T item = it.next();
    it.remove();
    return item;
  }

  /** How long until an item is due: zero when one is, empty when nothing is queued. */
  Optional<Duration> untilNext() {
    if (!ready.isEmpty()) {
      return Optional.of(Duration.ZERO);
    }
    if (delayed.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofNanos(Math.max(0, delayed.peek().dueNanos()
        - nanoTime.getAsLong())));
  }

  /** Drops every queued item and backoff. */
  void clear() {
    ready.clear();
    delayed.clear();
    failures.clear();
  }
}
