package io.gatehouse.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Contract under concurrent callers: one winner per expected revision, no lost update, no revision
 * used twice.
 */
public interface ConcurrencyContract extends StoreContract {

  @Test
  default void update_manyThreadsOnOneKey_exactlyOneWinsPerRevisionAndNoUpdateIsLost()
      throws Exception {
    int threads = 8;
    int incrementsPerThread = 25;
    created("/counter", "0");
    Map<Long, Long> winnerByExpectedRevision = new ConcurrentHashMap<>();
    AtomicInteger conflicts = new AtomicInteger();

    runConcurrently(
        threads,
        thread -> {
          for (int done = 0; done < incrementsPerThread; ) {
            KeyValue current = store().get("/counter").kv().orElseThrow();
            long next = Long.parseLong(string(current.value())) + 1;
            switch (store().update("/counter", current.modRevision(), bytes(Long.toString(next)))) {
              case UpdateResult.Updated updated -> {
                assertThat(updated.previous()).isEqualTo(current);
                Long earlier = winnerByExpectedRevision.put(current.modRevision(), next);
                assertThat(earlier)
                    .as("two winners from revision %d", current.modRevision())
                    .isNull();
                done++;
              }
              case UpdateResult.Conflict conflict -> {
                assertThat(conflict.current().modRevision()).isGreaterThan(current.modRevision());
                conflicts.incrementAndGet();
              }
              case UpdateResult.NotFound notFound ->
                  fail("counter vanished at %d", notFound.revision());
            }
          }
        });

    KeyValue last = store().get("/counter").kv().orElseThrow();
    assertThat(string(last.value())).isEqualTo(Integer.toString(threads * incrementsPerThread));
    assertThat(winnerByExpectedRevision).hasSize(threads * incrementsPerThread);
    assertThat(last.modRevision()).isEqualTo(1 + threads * incrementsPerThread);
  }

  @Test
  default void create_manyThreadsOnOneKey_exactlyOneCreates() throws Exception {
    AtomicInteger createdCount = new AtomicInteger();

    runConcurrently(
        8,
        thread -> {
          if (store().create("/once", bytes("t" + thread)) instanceof CreateResult.Created) {
            createdCount.incrementAndGet();
          }
        });

    assertThat(createdCount).hasValue(1);
    assertThat(store().currentRevision()).isEqualTo(1);
  }

  @Test
  default void create_manyThreadsOnDistinctKeys_everyRevisionUsedOnce() throws Exception {
    Map<Long, String> keyByRevision = new ConcurrentHashMap<>();

    runConcurrently(
        8,
        thread -> {
          for (int i = 0; i < 20; i++) {
            String key = "/t" + thread + "/" + i;
            keyByRevision.put(store().create(key, bytes(key)).revision(), key);
          }
        });

    assertThat(keyByRevision.keySet()).containsExactlyInAnyOrderElementsOf(revisions(1, 160));
    assertThat(page(store().list("/", ListOptions.latest())).items()).hasSize(160);
  }
}
