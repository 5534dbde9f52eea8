package io.gatehouse.server;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Decides, once per check, whether an idle server should trim: run one full garbage collection so
 * that the collector shrinks the heap it grew under load (the serial collector resizes the old
 * generation only after a full collection, which rarely happens once load stops), and return the
 * C heap's free memory to the operating system.
 *
 * <p>The contract, per call of {@link #shouldTrim}:
 *
 * <ul>
 *   <li>A check that saw more than {@code quietRequests} new requests is <em>busy</em>: it never
 *       trims, and it arms the policy (there was load since the last trim).
 *   <li>A trim needs the policy armed, no busy check for at least {@code idleAfter}, and bloat:
 *       the committed heap at least {@code minExcessBytes} above the heap used after the last
 *       collection, or the resident set at least {@code minExcessBytes} above the smallest one
 *       any check has seen (where the sample reports one).
 *   <li>Trimming disarms the policy: it trims at most once per idle period, however long that
 *       period lasts, until a busy check arms it again.
 * </ul>
 *
 * <p>The policy starts armed, with the creation time as its last busy moment (start-up counts as
 * load). A trickle of requests at or below {@code quietRequests} per check (health probes) neither
 * arms the policy nor ends an idle period.
 *
 * <p>Not thread-safe: one checking thread owns it. Arguments must not be null.
 */
final class HeapTrimPolicy {

  private final Duration idleAfter;
  private final long quietRequests;
  private final long minExcessBytes;
  private Instant lastBusy;
  private long lastRequests;
  private boolean armed = true;
  private long minResident = Long.MAX_VALUE;

  /**
   * @param idleAfter how long no check may have been busy before a trim
   * @param quietRequests the most new requests a check may see and still count as idle
   * @param minExcessBytes how far committed must exceed used-after-GC, or resident its smallest
   *     value, for a trim to be worth it
   * @param start the creation time (the first busy moment)
   * @param requests the request count at {@code start}
   */
  HeapTrimPolicy(Duration idleAfter, long quietRequests, long minExcessBytes, Instant start,
      long requests) {
    if (idleAfter.isNegative() || quietRequests < 0 || minExcessBytes < 0) {
      throw new IllegalArgumentException("negative heap trim setting");
    }
    this.idleAfter = idleAfter;
    this.quietRequests = quietRequests;
    this.minExcessBytes = minExcessBytes;
    this.lastBusy = Objects.requireNonNull(start);
    this.lastRequests = requests;
  }

  /**
   * Records one check and returns whether to trim now.
   *
   * @param now the time of the check
   * @param requests the total number of requests received so far (monotonic)
   * @param heap the memory as the check found it
   */
  boolean shouldTrim(Instant now, long requests, MemorySample heap) {
    if (heap.residentBytes() >= 0) {
      minResident = Math.min(minResident, heap.residentBytes());
    }
    long arrived = requests - lastRequests;
    lastRequests = requests;
    if (arrived > quietRequests) {
      lastBusy = now;
      armed = true;
      return false;
    }
    if (!armed || Duration.between(lastBusy, now).compareTo(idleAfter) < 0
        || !bloated(heap)) {
      return false;
    }
    armed = false;
    return true;
  }

  private boolean bloated(MemorySample heap) {
    return heap.excessBytes() >= minExcessBytes
        || heap.residentBytes() >= 0 && heap.residentBytes() - minResident >= minExcessBytes;
  }
}
