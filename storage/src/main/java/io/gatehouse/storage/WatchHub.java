package io.gatehouse.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one notifier of a store: the write path {@link #publish publishes} each committed batch of
 * changes, and a single virtual thread fans them out to every subscribed {@link WatchImpl}, so no
 * watcher ever polls the database. A new watch replays history up to the last revision dispatched
 * when it subscribed and receives every later change live, so it misses nothing and sees nothing
 * twice.
 *
 * <p>Thread-safe. {@link #publish} must be called in revision order (the backend's single writer
 * does so right after each commit).
 */
final class WatchHub implements AutoCloseable {

  /** What the notifier works through, in order. */
  private sealed interface Item {}

  private record Batch(List<WatchEvent.Change> changes) implements Item {}

  private record ProgressRequest(WatchImpl watch) implements Item {}

  private record Stop() implements Item {}

  private final History history;
  private final int bufferSize;
  private final LinkedBlockingQueue<Item> inbox = new LinkedBlockingQueue<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final List<WatchImpl> subscribers = new ArrayList<>(); // guarded by lock
  private long lastDispatched; // guarded by lock
  private boolean closed; // guarded by lock
  private final Thread notifier;

  /**
   * Starts the notifier.
   *
   * @param history where new watches replay history from
   * @param currentRevision the store's revision: every change up to it is history
   * @param bufferSize how many undelivered live events a watch may hold
   */
  WatchHub(History history, long currentRevision, int bufferSize) {
    this.history = history;
    this.bufferSize = bufferSize;
    this.lastDispatched = currentRevision;
    this.notifier = Thread.ofVirtual().name("gatehouse-storage-notifier").start(this::run);
  }

  /** Hands committed changes, in revision order, to the notifier. Never blocks. */
  void publish(List<WatchEvent.Change> changes) {
    if (!changes.isEmpty()) {
      inbox.add(new Batch(List.copyOf(changes)));
    }
  }

  /** Subscribes a new watch of {@code range} after {@code afterRevision}. */
  Watch watch(KeyRange range, long afterRevision) {
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("store is closed");
      }
      WatchImpl watch =
          new WatchImpl(this, history, range, afterRevision, lastDispatched, bufferSize);
      subscribers.add(watch);
      return watch;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Queues a progress mark for {@code watch} behind every change published so far: the request
   * travels through the notifier's queue, after the batches already in it.
   */
  void requestProgress(WatchImpl watch) {
    inbox.add(new ProgressRequest(watch));
  }

  private void progress(WatchImpl watch) {
    lock.lock();
    try {
      if (subscribers.contains(watch)) {
        long revision = Math.max(lastDispatched, watch.afterRevision());
        if (!watch.offer(new WatchEvent.Progress(revision))) {
          subscribers.remove(watch);
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Stops dispatching to {@code watch}. */
  void unsubscribe(WatchImpl watch) {
    lock.lock();
    try {
      subscribers.remove(watch);
    } finally {
      lock.unlock();
    }
  }

  /** Ends every watch with {@link WatchEvent.Reason#STORE_CLOSED} and stops the notifier. */
  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      for (WatchImpl watch : subscribers) {
        watch.end(new WatchEvent.Ended(WatchEvent.Reason.STORE_CLOSED));
      }
      subscribers.clear();
    } finally {
      lock.unlock();
    }
    inbox.add(new Stop());
    try {
      notifier.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    while (true) {
      Item item;
      try {
        item = inbox.take();
      } catch (InterruptedException e) {
        return;
      }
      switch (item) {
        case Batch batch -> dispatch(batch.changes());
        case ProgressRequest request -> progress(request.watch());
        case Stop stop -> {
          return;
        }
      }
    }
  }

  private void dispatch(List<WatchEvent.Change> batch) {
    lock.lock();
    try {
      for (WatchEvent.Change change : batch) {
        // A watch that overflows is dropped (kine's habit); the rest keep going.
        subscribers.removeIf(watch -> !watch.offerChange(change));
        lastDispatched = change.revision();
      }
    } finally {
      lock.unlock();
    }
  }
}
