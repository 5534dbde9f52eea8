package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RetryQueueTest {

  private final AtomicLong now = new AtomicLong();
  private final RetryQueue<String> queue =
      new RetryQueue<>(Duration.ofMillis(50), Duration.ofSeconds(1), now::get);

  @Test
  void add_sameItemTwice_queuedOnceInOrder() {
    queue.add("a");
    queue.add("b");
    queue.add("a");

    assertThat(queue.poll()).isEqualTo("a");
    assertThat(queue.poll()).isEqualTo("b");
    assertThat(queue.poll()).isNull();
    assertThat(queue.untilNext()).isEmpty();
  }

  @Test
  void addRateLimited_repeatedFailures_delayDoublesUpToMax() {
    long[] expectedMillis = {50, 100, 200, 400, 800, 1000, 1000};
    for (long expected : expectedMillis) {
      queue.addRateLimited("a");
      assertThat(queue.poll()).isNull();
      assertThat(queue.untilNext()).contains(Duration.ofMillis(expected));
      now.addAndGet(Duration.ofMillis(expected).toNanos());
      assertThat(queue.poll()).isEqualTo("a");
    }
  }

  @Test
  void addSoon_conflictsInARow_backOffAfterFive() {
    for (int i = 0; i < 5; i++) {
      queue.addSoon("a");
      assertThat(queue.poll()).isEqualTo("a");
    }

    queue.addSoon("a");

    assertThat(queue.poll()).isNull();
    assertThat(queue.untilNext()).contains(Duration.ofMillis(1000));
  }

  @Test
  void forget_afterFailures_backoffStartsOver() {
    queue.addRateLimited("a");
    queue.addRateLimited("a");
    queue.forget("a");
    queue.clear();

    queue.addRateLimited("a");

    assertThat(queue.untilNext()).isEqualTo(Optional.of(Duration.ofMillis(50)));
  }
}
