package io.gatehouse.auth.webhook;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Upstream's {@code LRUExpireCache}: at most {@code capacity} entries, least recently used evicted
 * first, each expiring after its own TTL. Thread-safe (one lock; entries are tiny).
 */
final class ResponseCache {

  private record Cached(SubjectAccessReviewStatus status, long expiresAtNanos) {}

  private final int capacity;
  private final LongSupplier nanoClock;
  private final LinkedHashMap<String, Cached> entries;

  ResponseCache(int capacity, LongSupplier nanoClock) {
    this.capacity = capacity;
    this.nanoClock = nanoClock;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
        return size() > ResponseCache.this.capacity;
      }
    };
  }

  synchronized Optional<SubjectAccessReviewStatus> get(String key) {
    Cached e = entries.get(key);
    if (e == null) {
      return Optional.empty();
    }
    if (nanoClock.getAsLong() - e.expiresAtNanos() >= 0) {
      entries.remove(key);
      return Optional.empty();
    }
    return Optional.of(e.status());
  }

  synchronized void put(String key, SubjectAccessReviewStatus status, java.time.Duration ttl) {
    entries.put(key, new Cached(status, nanoClock.getAsLong() + ttl.toNanos()));
  }
}
