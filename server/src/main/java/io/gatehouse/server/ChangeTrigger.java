package io.gatehouse.server;

import io.gatehouse.storage.KeyValueStore;
import io.gatehouse.storage.Watch;
import io.gatehouse.storage.WatchEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a controller's sync at start, whenever something under its key prefixes changes (after a
 * 50 ms settle, so a burst causes one sync) and every {@code resync} — the level-triggered
 * reconcile loop of upstream's informer-driven controllers, without per-object queues. One
 * virtual thread watches each prefix and one runs the syncs; a failing sync is logged and retried
 * at the next trigger. Thread-safe.
 */
final class ChangeTrigger implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ChangeTrigger.class);
  private static final Duration SETTLE = Duration.ofMillis(50);

  private final String name;
  private final KeyValueStore store;
  private final List<String> prefixes;
  private final Duration resync;
  private final Runnable sync;
  private final Predicate<String> relevant;
  private final LinkedBlockingQueue<Boolean> signals = new LinkedBlockingQueue<>();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean stopped;

  ChangeTrigger(String name, KeyValueStore store, List<String> prefixes, Duration resync,
      Runnable sync) {
    this(name, store, prefixes, key -> true, resync, sync);
  }

  /**
   * A trigger that only reacts to changes of the keys under {@code prefixes} that {@code relevant}
   * accepts (upstream's controllers filter their informers' events the same way, e.g. by object
   * name), so that a busy resource does not run the sync every settle period.
   */
  ChangeTrigger(String name, KeyValueStore store, List<String> prefixes,
      Predicate<String> relevant, Duration resync, Runnable sync) {
    this.relevant = relevant;
    this.name = name;
    this.store = store;
    this.prefixes = List.copyOf(prefixes);
    this.resync = resync;
    this.sync = sync;
  }

  /** Starts the threads; the first sync runs at once. */
  ChangeTrigger start() {
    for (String prefix : prefixes) {
      threads.add(Thread.ofVirtual().name("gatehouse-" + name + "-watch").start(() -> watch(prefix)));
    }
    threads.add(Thread.ofVirtual().name("gatehouse-" + name).start(this::run));
    return this;
  }

  private void run() {
    while (!stopped) {
      try {
        sync.run();
      } catch (RuntimeException e) {
        if (stopped) {
          return;
        }
        LOG.atWarn().setMessage("Controller sync failed").addKeyValue("controller", name)
            .addKeyValue("err", e.toString()).log();
      }
      try {
        if (signals.poll(resync.toMillis(), TimeUnit.MILLISECONDS) != null) {
          Thread.sleep(SETTLE);
          signals.clear();
        }
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void watch(String prefix) {
    while (!stopped) {
      try (Watch watch = store.watch(prefix, store.currentRevision())) {
        while (!stopped) {
          WatchEvent e = watch.next();
          if (e instanceof WatchEvent.Ended ended
              && ended.reason() == WatchEvent.Reason.STORE_CLOSED) {
            return;
          }
          if (e instanceof WatchEvent.Terminal) {
            break;
          }
          if (e instanceof WatchEvent.Change change && relevant.test(change.key())) {
            signals.offer(Boolean.TRUE);
          }
        }
        signals.offer(Boolean.TRUE);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        if (stopped) {
          return;
        }
        LOG.atWarn().setMessage("Controller watch failed").addKeyValue("controller", name)
            .addKeyValue("err", e.toString()).log();
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
    stopped = true;
    threads.forEach(Thread::interrupt);
  }
}
