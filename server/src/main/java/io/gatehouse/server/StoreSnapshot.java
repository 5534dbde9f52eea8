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
 * the admission policies), rebuilt when they change: a virtual thread watches the prefixes and,
 * after a burst of changes settles (50 ms), lists them again and swaps in a new value. Readers
 * always see a complete value. Thread-safe.
 *
 * @param <T> the value built
 */
final class StoreSnapshot<T> implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StoreSnapshot.class);
  private static final Duration SETTLE = Duration.ofMillis(50);

  private final KeyValueStore store;
  private final String prefix;
  private final Function<List<Unstructured>, T> build;
  private volatile T value;
  private volatile long revision;
  private final Thread thread;

  /**
   * Builds the first value at once, then keeps it current.
   *
   * @param prefix the common key prefix of the objects
   * @param build turns the objects (in key order) into the value; must not throw
   */
  StoreSnapshot(String name, KeyValueStore store, String prefix,
      Function<List<Unstructured>, T> build) {
    this.store = store;
    this.prefix = prefix;
    this.build = build;
    this.value = rebuild();
    this.thread = Thread.ofVirtual().name("gatehouse-snapshot-" + name).start(this::run);
  }

  /** Returns the current value. */
  T get() {
    return value;
  }

  /** The store revision the current value reflects. */
  long revision() {
    return revision;
  }

  private T rebuild() {
    ListResult r = store.list(prefix, ListOptions.latest());
    List<Unstructured> objects = new ArrayList<>();
    if (r instanceof ListResult.Page page) {
      for (KeyValue kv : page.items()) {
        objects.add(ObjectBytes.read(kv));
      }
    }
    revision = r.revision();
    return build.apply(objects);
  }

  private void run() {
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
          value = rebuild();
        }
        value = rebuild();
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
    thread.interrupt();
  }
}
