package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.storage.InMemoryKeyValueStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ChangeTriggerTest {

  private static final byte[] VALUE = "{}".getBytes(StandardCharsets.UTF_8);

  @Test
  void relevantKeys_onlyTheirChangesRunTheSync() throws Exception {
    AtomicInteger syncs = new AtomicInteger();
    try (InMemoryKeyValueStore store = InMemoryKeyValueStore.create();
        ChangeTrigger trigger = new ChangeTrigger("test", store, List.of("/registry/configmaps/"),
            key -> key.endsWith("/wanted"), Duration.ofHours(1), syncs::incrementAndGet).start()) {
      Eventually.until(syncs::get, n -> n == 1); // the first sync, at start

      store.create("/registry/configmaps/a/other", VALUE);
      store.create("/registry/configmaps/b/other", VALUE);
      Thread.sleep(400); // eight settle periods: an unfiltered trigger would have synced by now
      int afterOthers = syncs.get();
      store.create("/registry/configmaps/a/wanted", VALUE);

      assertThat(afterOthers).isEqualTo(1);
      assertThat(Eventually.until(syncs::get, n -> n >= 2)).isEqualTo(2);
    }
  }

  @Test
  void withoutFilter_everyChangeUnderThePrefixRunsTheSync() throws Exception {
    AtomicInteger syncs = new AtomicInteger();
    try (InMemoryKeyValueStore store = InMemoryKeyValueStore.create();
        ChangeTrigger trigger = new ChangeTrigger("test", store, List.of("/registry/configmaps/"),
            Duration.ofHours(1), syncs::incrementAndGet).start()) {
      Eventually.until(syncs::get, n -> n == 1);

      store.create("/registry/configmaps/a/other", VALUE);

      assertThat(Eventually.until(syncs::get, n -> n >= 2)).isEqualTo(2);
    }
  }
}
