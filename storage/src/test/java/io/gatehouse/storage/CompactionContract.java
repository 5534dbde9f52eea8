package io.gatehouse.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Contract of compaction (history below the compacted revision is gone: lists and watches answer
 * compacted, the 410 of the API server) and of persistence across reopening.
 */
public interface CompactionContract extends StoreContract {

  @Test
  default void compact_keepsStateAtAndAfterRevisionAndRefusesOlderReads() throws Exception {
    KeyValue a1 = created("/a", "a1");
    KeyValue a2 = updated("/a", a1.modRevision(), "a2");
    KeyValue b1 = created("/b", "b1");
    store().delete("/b", b1.modRevision());
    KeyValue c1 = created("/c", "c1");
    long compactAt = c1.modRevision();
    KeyValue a3 = updated("/a", a2.modRevision(), "a3");
    List<KeyValue> atCompaction =
        page(store().list("/", ListOptions.atRevision(compactAt))).items();

    CompactResult result = store().compact(compactAt);

    assertThat(result).isInstanceOf(CompactResult.Done.class);
    assertThat(((CompactResult.Done) result).compactRevision()).isEqualTo(compactAt);
    assertThat(((CompactResult.Done) result).removedVersions()).isEqualTo(3); // a1, b1, b's marker
    assertThat(page(store().list("/", ListOptions.atRevision(compactAt))).items())
        .isEqualTo(atCompaction);
    assertThat(page(store().list("/", ListOptions.latest())).items()).containsExactly(a3, c1);
    assertThat(store().list("/", ListOptions.atRevision(compactAt - 1)))
        .isEqualTo(new ListResult.Compacted(a3.modRevision(), compactAt));
    assertThat(store().get("/a").kv()).contains(a3);
  }

  @Test
  default void watch_olderThanCompactedRevision_endsWithCompacted() throws Exception {
    KeyValue a1 = created("/a", "a1");
    KeyValue a2 = updated("/a", a1.modRevision(), "a2");
    updated("/a", a2.modRevision(), "a3");
    store().compact(a2.modRevision());

    try (Watch watch = store().watch("/", a1.modRevision())) {
      WatchEvent compacted = new WatchEvent.Compacted(a2.modRevision());
      assertThat(next(watch, 1)).containsExactly(compacted);
      assertThat(watch.next()).isEqualTo(compacted);
    }
  }

  @Test
  default void watch_fromCompactedRevision_deliversLaterChanges() throws Exception {
    KeyValue a1 = created("/a", "a1");
    KeyValue a2 = updated("/a", a1.modRevision(), "a2");
    KeyValue a3 = updated("/a", a2.modRevision(), "a3");
    store().compact(a2.modRevision());

    try (Watch watch = store().watch("/", a2.modRevision())) {
      assertThat(next(watch, 1)).containsExactly(new WatchEvent.Updated(a3, a2));
    }
  }

  @Test
  default void compact_futureOrAlreadyCompactedRevision_changesNothing() {
    KeyValue a = created("/a", "a");
    store().compact(a.modRevision());

    assertThat(store().compact(a.modRevision() + 1))
        .isEqualTo(new CompactResult.FutureRevision(a.modRevision(), a.modRevision() + 1));
    assertThat(store().compact(a.modRevision()))
        .isEqualTo(new CompactResult.AlreadyCompacted(a.modRevision(), a.modRevision()));
  }

  @Test
  default void compact_deletedKey_canBeCreatedAgain() {
    KeyValue a = created("/a", "a1");
    long deletedAt = store().delete("/a", a.modRevision()).revision();
    store().compact(deletedAt);

    KeyValue again = created("/a", "a2");

    assertThat(again).isEqualTo(new KeyValue("/a", bytes("a2"), deletedAt + 1, deletedAt + 1));
    assertThat(store().currentRevision()).isEqualTo(deletedAt + 1);
  }

  @Test
  default void compact_longHistory_removesEverySupersededVersion() {
    KeyValue current = created("/hot", "0");
    for (int i = 1; i <= 2500; i++) {
      current = updated("/hot", current.modRevision(), Integer.toString(i));
    }

    CompactResult result = store().compact(current.modRevision());

    assertThat(result)
        .isEqualTo(new CompactResult.Done(current.modRevision(), current.modRevision(), 2500));
    assertThat(store().get("/hot").kv()).contains(current);
  }

  @Test
  default void reopen_afterWritesAndCompaction_keepsDataRevisionsAndCompaction() throws Exception {
    Assumptions.assumeTrue(persistent(), "backend does not persist");
    KeyValue a1 = created("/a", "a1");
    KeyValue a2 = updated("/a", a1.modRevision(), "a2");
    KeyValue b = created("/b", "b");
    long deletedAt = store().delete("/b", b.modRevision()).revision();
    store().compact(deletedAt); // removes the newest row, the deletion marker

    reopenStore();

    assertThat(store().currentRevision()).isEqualTo(deletedAt);
    assertThat(page(store().list("/", ListOptions.latest())).items()).containsExactly(a2);
    assertThat(store().list("/", ListOptions.atRevision(a2.modRevision())))
        .isEqualTo(new ListResult.Compacted(deletedAt, deletedAt));
    assertThat(created("/c", "c").modRevision()).isEqualTo(deletedAt + 1);
    try (Watch watch = store().watch("/", a1.modRevision())) {
      assertThat(next(watch, 1)).containsExactly(new WatchEvent.Compacted(deletedAt));
    }
  }

  @Test
  default void reopen_twice_isIdempotent() {
    Assumptions.assumeTrue(persistent(), "backend does not persist");
    KeyValue a = created("/a", "a");

    for (int i = 0; i < 2; i++) {
      reopenStore();
    }

    assertThat(store().get("/a").kv()).contains(a);
  }
}
