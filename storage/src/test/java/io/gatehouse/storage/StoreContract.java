package io.gatehouse.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

/**
 * What the parts of {@link KeyValueStoreContractTest} share: the store under test and helpers.
 * Helpers are default methods so that the contract interfaces and backend tests call them
 * unqualified.
 */
public interface StoreContract {

  /** How long a test waits for a watch event before failing. */
  Duration WAIT = Duration.ofSeconds(20);

  /** The store under test. */
  KeyValueStore store();

  /** Closes the store under test and opens it again on the same data. */
  void reopenStore();

  /** Whether closed and reopened stores keep their data (enables the persistence tests). */
  boolean persistent();

  /** Creates {@code key}, which must not exist. */
  default KeyValue created(String key, String value) {
    return created(key, bytes(value));
  }

  /** Creates {@code key}, which must not exist. */
  default KeyValue created(String key, byte[] value) {
    CreateResult result = store().create(key, value);
    assertThat(result).isInstanceOf(CreateResult.Created.class);
    return ((CreateResult.Created) result).kv();
  }

  /** Updates {@code key}, which must be at {@code expected}. */
  default KeyValue updated(String key, long expected, String value) {
    UpdateResult result = store().update(key, expected, bytes(value));
    assertThat(result).isInstanceOf(UpdateResult.Updated.class);
    return ((UpdateResult.Updated) result).kv();
  }

  /** {@code result}, which must be a page. */
  default ListResult.Page page(ListResult result) {
    assertThat(result).isInstanceOf(ListResult.Page.class);
    return (ListResult.Page) result;
  }

  /** The keys of {@code page}. */
  default List<String> keys(ListResult.Page page) {
    return page.items().stream().map(KeyValue::key).toList();
  }

  /** The next {@code count} events, failing if one takes longer than {@link #WAIT}. */
  default List<WatchEvent> next(Watch watch, int count) throws InterruptedException {
    List<WatchEvent> events = new ArrayList<>();
    while (events.size() < count) {
      Optional<WatchEvent> event = watch.poll(WAIT);
      assertThat(event).as("event %d of %d; got %s", events.size() + 1, count, events).isPresent();
      events.add(event.get());
    }
    return events;
  }

  /** Runs {@code body} on {@code threads} virtual threads started together; rethrows failures. */
  default void runConcurrently(int threads, ThreadBody body) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(
            executor.submit(
                () -> {
                  start.await();
                  body.run(thread);
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> future : futures) {
        future.get();
      }
    }
  }

  /** The body of one of {@link #runConcurrently}'s threads. */
  interface ThreadBody {
    void run(int thread) throws Exception;
  }

  /** The revisions from {@code first} to {@code last}, inclusive. */
  default List<Long> revisions(long first, long last) {
    return LongStream.rangeClosed(first, last).boxed().toList();
  }

  /** UTF-8 bytes of {@code s}. */
  default byte[] bytes(String s) {
    return s.getBytes(UTF_8);
  }

  /** {@code b} as UTF-8. */
  default String string(byte[] b) {
    return new String(b, UTF_8);
  }
}
