package io.gatehouse.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-memory test store against the contract, plus watch buffering shared with SQLite. */
class InMemoryKeyValueStoreTest extends KeyValueStoreContractTest {

  @Override
  protected KeyValueStore openStore() {
    return InMemoryKeyValueStore.create();
  }

  @Override
  public boolean persistent() {
    return false;
  }

  @Test
  void watch_consumerFallsBehindBuffer_deliversQueuedEventsThenEndsTooSlow() throws Exception {
    store.close();
    store = InMemoryKeyValueStore.create(3);
    try (Watch watch = store.watch("/", 0)) {
      for (int i = 0; i < 5; i++) {
        created("/k/" + i, "v");
      }
      // The notifier runs asynchronously: a progress mark on another watch comes back only after
      // every change before it was dispatched, i.e. after the slow watch overflowed.
      try (Watch idle = store.watch("/none/", 0)) {
        idle.requestProgress();
        assertThat(next(idle, 1)).containsExactly(new WatchEvent.Progress(5));
      }

      List<WatchEvent> events = next(watch, 4);

      assertThat(events.subList(0, 3))
          .extracting(e -> ((WatchEvent.Change) e).revision())
          .containsExactly(1L, 2L, 3L);
      assertThat(events.get(3)).isEqualTo(new WatchEvent.Ended(WatchEvent.Reason.TOO_SLOW));
      assertThat(watch.poll(Duration.ZERO)).contains(events.get(3));
    }
  }
}
