package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HeapTrimmerTest {

  private static final HeapTrimmer.Settings FAST =
      new HeapTrimmer.Settings(Duration.ofMillis(5), Duration.ofSeconds(20), 0, 1);
  private static final MemorySample BLOATED = new MemorySample(300, 100, -1);

  @Test
  void start_idleAndBloated_collectsOnceUntilNewLoad() throws Exception {
    FakeClock clock = new FakeClock(Instant.parse("2026-11-22T00:00:00Z"));
    AtomicLong requests = new AtomicLong();
    AtomicInteger collections = new AtomicInteger();
    AtomicInteger samples = new AtomicInteger();
    try (HeapTrimmer trimmer = HeapTrimmer.start(FAST, clock, requests::get, () -> {
      samples.incrementAndGet();
      return BLOATED;
    }, collections::incrementAndGet)) {
      Thread.sleep(100); // twenty checks before idleAfter has passed
      int beforeIdle = collections.get();
      clock.advance(Duration.ofSeconds(21));
      int first = Eventually.until(collections::get, n -> n >= 1);
      Thread.sleep(100); // twenty more idle checks: no second trim
      int stillIdle = collections.get();
      requests.addAndGet(10);
      // A check that sampled after the requests arrived has finished: it saw them as load.
      int seen = samples.get() + 2;
      Eventually.until(samples::get, n -> n >= seen);
      clock.advance(Duration.ofSeconds(21));
      int afterLoad = Eventually.until(collections::get, n -> n >= 2);

      assertThat(beforeIdle).isZero();
      assertThat(first).isEqualTo(1);
      assertThat(stillIdle).isEqualTo(1);
      assertThat(afterLoad).isEqualTo(2);
    }
  }

  @Test
  void close_running_stopsChecking() throws Exception {
    AtomicInteger samples = new AtomicInteger();
    HeapTrimmer trimmer = HeapTrimmer.start(FAST, new FakeClock(Instant.EPOCH), () -> 0,
        () -> {
          samples.incrementAndGet();
          return BLOATED;
        }, () -> { });
    Eventually.until(samples::get, n -> n >= 1);

    trimmer.close();
    int atClose = samples.get();
    Thread.sleep(50);

    assertThat(samples.get()).isEqualTo(atClose);
  }

  @Test
  void sampleHeap_thisJvm_reportsCommittedAtLeastUsedAfterGcWithinResident() {
    System.gc();

    MemorySample sample = HeapTrimmer.sampleHeap();

    assertThat(sample.usedAfterGcBytes()).isPositive();
    assertThat(sample.committedBytes()).isGreaterThanOrEqualTo(sample.usedAfterGcBytes());
    // The build runs on Linux, where the resident set includes at least the live heap.
    assertThat(sample.residentBytes()).isGreaterThan(sample.usedAfterGcBytes());
  }
}
