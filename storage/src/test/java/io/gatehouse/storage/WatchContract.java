package io.gatehouse.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Contract of watches: ordered changes with previous values, replay and resumption from a revision,
 * progress, ending.
 */
public interface WatchContract extends StoreContract {

  @Test
  default void watch_fromCurrentRevision_deliversCreateUpdateDeleteInOrderWithPreviousValues()
      throws Exception {
    try (Watch watch = store().watch("/w/", store().currentRevision())) {
      KeyValue v1 = created("/w/a", "v1");
      KeyValue v2 = updated("/w/a", v1.modRevision(), "v2");
      long deletedAt = store().delete("/w/a", v2.modRevision()).revision();

      assertThat(next(watch, 3))
          .containsExactly(
              new WatchEvent.Created(v1),
              new WatchEvent.Updated(v2, v1),
              new WatchEvent.Deleted("/w/a", deletedAt, v2));
    }
  }

  @Test
  default void watch_prefix_ignoresOtherKeys() throws Exception {
    try (Watch watch = store().watch("/w/", 0)) {
      created("/x/a", "outside");
      created("/w", "outside");
      KeyValue inside = created("/w/b", "inside");

      assertThat(next(watch, 1)).containsExactly(new WatchEvent.Created(inside));
      assertThat(watch.poll(Duration.ofMillis(200))).isEmpty();
    }
  }

  @Test
  default void watch_olderRevision_replaysHistoryThenContinuesLive() throws Exception {
    KeyValue a1 = created("/w/a", "a1");
    KeyValue a2 = updated("/w/a", a1.modRevision(), "a2");
    KeyValue b1 = created("/w/b", "b1");

    try (Watch watch = store().watch("/w/", a1.modRevision())) {
      KeyValue b2 = updated("/w/b", b1.modRevision(), "b2");

      assertThat(next(watch, 3))
          .containsExactly(
              new WatchEvent.Updated(a2, a1),
              new WatchEvent.Created(b1),
              new WatchEvent.Updated(b2, b1));
    }
  }

  @Test
  default void watch_resumedFromLastSeenRevision_deliversTheRestExactlyOnce() throws Exception {
    List<WatchEvent> all = new ArrayList<>();
    long lastSeen;
    try (Watch first = store().watch("/w/", 0)) {
      for (int i = 0; i < 5; i++) {
        created("/w/" + i, "v");
      }
      List<WatchEvent> seen = next(first, 2);
      all.addAll(seen);
      lastSeen = ((WatchEvent.Change) seen.getLast()).revision();
    }
    created("/w/5", "v");

    try (Watch resumed = store().watch("/w/", lastSeen)) {
      all.addAll(next(resumed, 4));
      assertThat(resumed.poll(Duration.ofMillis(200))).isEmpty();
    }

    assertThat(all)
        .extracting(e -> ((WatchEvent.Change) e).key())
        .containsExactly("/w/0", "/w/1", "/w/2", "/w/3", "/w/4", "/w/5");
  }

  @Test
  default void watch_concurrentWriters_deliversEveryRevisionOnceInOrder() throws Exception {
    int writers = 6;
    int perWriter = 30;
    try (Watch watch = store().watch("/", 0)) {
      runConcurrently(
          writers,
          thread -> {
            for (int i = 0; i < perWriter; i++) {
              store().create("/c/" + thread + "/" + i, bytes("v"));
            }
          });

      List<Long> revisions =
          next(watch, writers * perWriter).stream()
              .map(e -> ((WatchEvent.Change) e).revision())
              .toList();

      assertThat(revisions).containsExactlyElementsOf(revisions(1, writers * perWriter));
    }
  }

  @Test
  default void watch_liveWrites_arriveWithoutPollingDelay() throws Exception {
    // A poller with kine's 1 s interval would need about 20 s here.
    long start = System.nanoTime();
    try (Watch watch = store().watch("/w/", 0)) {
      for (int i = 0; i < 20; i++) {
        KeyValue kv = created("/w/" + i, "v");
        assertThat(next(watch, 1)).containsExactly(new WatchEvent.Created(kv));
      }
    }

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  default void watch_futureRevision_deliversOnlyLaterChanges() throws Exception {
    try (Watch watch = store().watch("/w/", 2)) {
      created("/w/1", "v");
      created("/w/2", "v");
      KeyValue third = created("/w/3", "v");

      assertThat(next(watch, 1)).containsExactly(new WatchEvent.Created(third));
    }
  }

  @Test
  default void watch_requestProgress_deliversProgressAfterEarlierChanges() throws Exception {
    try (Watch watch = store().watch("/w/", 0)) {
      KeyValue a = created("/w/a", "v");
      created("/other", "v");
      long current = store().currentRevision();

      watch.requestProgress();

      assertThat(next(watch, 2))
          .containsExactly(new WatchEvent.Created(a), new WatchEvent.Progress(current));
    }
  }

  @Test
  default void watch_closed_endsWithClosedAndKeepsReturningIt() throws Exception {
    Watch watch = store().watch("/w/", 0);
    assertThat(watch.poll(Duration.ofMillis(50))).isEmpty();

    watch.close();

    WatchEvent ended = new WatchEvent.Ended(WatchEvent.Reason.CLOSED);
    assertThat(watch.next()).isEqualTo(ended);
    assertThat(watch.poll(Duration.ZERO)).contains(ended);
  }

  @Test
  default void watch_storeClosed_endsWithStoreClosed() throws Exception {
    Watch watch = store().watch("/w/", 0);

    store().close();

    assertThat(next(watch, 1))
        .containsExactly(new WatchEvent.Ended(WatchEvent.Reason.STORE_CLOSED));
  }
}
