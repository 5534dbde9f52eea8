package io.gatehouse.server;

import io.gatehouse.api.Unstructured;
import io.gatehouse.storage.KeyValue;
import io.gatehouse.storage.KeyValueStore;
import io.gatehouse.storage.ListOptions;
import io.gatehouse.storage.ListResult;
import io.gatehouse.storage.Watch;
import io.gatehouse.storage.WatchEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An immutable value built from every stored object under some key prefixes (the RBAC objects,
 * the admission policies, the objects the Node authorizer follows), rebuilt when they change: a
 * virtual thread per prefix watches it and, after a burst of changes settles (50 ms), lists every
 * prefix again and swaps in a new value. Readers always see a complete value. Thread-safe.
 *
 * @param <T> the value built
 */
final class StoreSnapshot<T> implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StoreSnapshot.class);
  private static final Duration SETTLE = Duration.ofMillis(50);

  private final KeyValueStore store;
  private final List<String> prefixes;
  private final Function<List<Unstructured>, T> build;
  private volatile T value;
  private volatile long revision;
  private final List<Thread> threads = new ArrayList<>();

  /**
   * Builds the first value at once, then keeps it current.
   *
   * @param prefix the common key prefix of the objects
   * @param build turns the objects (in key order) into the value; must not throw
   */
  StoreSnapshot(String name, KeyValueStore store, String prefix,
      Function<List<Unstructured>, T> build) {
    this(name, store, List.of(prefix), build);
  }

  /**
   * Builds the first value at once, then keeps it current.
   *
   * @param prefixes the key prefixes of the objects
   * @param build turns the objects (prefix by prefix, each in key order) into the value; must
   *     not throw
   */
  StoreSnapshot(String name, KeyValueStore store, List<String> prefixes,
      Function<List<Unstructured>, T> build) {
    this.store = store;
    this.prefixes = List.copyOf(prefixes);
    this.build = build;
    this.value = rebuild();
    for (String prefix : this.prefixes) {
      threads.add(Thread.ofVirtual().name("gatehouse-snapshot-" + name)
          .start(() -> run(prefix)));
    }
  }

  /** Returns the current value. */
  T get() {
    return value;
  }

  /** The store revision the current value reflects. */
  long revision() {
    return revision;
  }

  /** Rebuilds and publishes under the lock, so that a slower, older rebuild never wins. */
  private synchronized void refresh() {
    value = rebuild();
  }

  private T rebuild() {
    List<Unstructured> objects = new ArrayList<>();
    long oldest = Long.MAX_VALUE;
    for (String prefix : prefixes) {
      ListResult r = store.list(prefix, ListOptions.latest());
      if (r instanceof ListResult.Page page) {
        for (KeyValue kv : page.items()) {
          objects.add(ObjectBytes.read(kv));
        }
      }
      oldest = Math.min(oldest, r.revision());
    }
    revision = oldest;
    return build.apply(objects);
  }

  private void run(String prefix) {
    while (!Thread.currentThread().isInterrupted()) {
      try (Watch watch = store.watch(prefix, revision)) {
        boolean ended = false;
        while (!ended) {
          WatchEvent e = watch.next();
          if (e instanceof WatchEvent.Terminal) {
            break;
          }
          if (!(e instanceof WatchEvent.Change)) {
            continue;
          }
          Optional<WatchEvent> more;
          while ((more = watch.poll(SETTLE)).isPresent()) {
            if (more.get() instanceof WatchEvent.Terminal) {
              ended = true;
              break;
            }
          }
          refresh();
        }
        refresh();
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
        LOG.atWarn().setMessage("Snapshot watch failed").addKeyValue("prefix", prefix).setCause(e)
            .log();
        try {
          Thread.sleep(1000);
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }

  @Override
  public void close() {
    threads.forEach(Thread::interrupt);
  }
}
