package io.gatehouse.storage;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * A subscription of {@link WatchHub}: first replays the history in {@code (afterRevision,
 * replayUpTo]} page by page from {@link History} (on the consumer's thread), then hands out the
 * live changes the hub queued meanwhile, which all have revisions above {@code replayUpTo}.
 */
final class WatchImpl implements Watch {

  private static final int REPLAY_PAGE = 500;

  private final WatchHub hub;
  private final History history;
  private final KeyRange range;
  private final long afterRevision;
  private final long replayUpTo;
  private final int capacity;

  // Consumer-thread state.
  private final ArrayDeque<WatchEvent> replay = new ArrayDeque<>();
  private long cursor;
  private boolean replayExhausted;
  private boolean replayDone;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition available = lock.newCondition();
  private final ArrayDeque<WatchEvent> live = new ArrayDeque<>(); // guarded by lock
  private WatchEvent.@Nullable Terminal terminal; // guarded by lock
  private boolean discarded; // guarded by lock: the terminal overtakes queued events

  WatchImpl(
      WatchHub hub,
      History history,
      KeyRange range,
      long afterRevision,
      long replayUpTo,
      int capacity) {
    this.hub = hub;
    this.history = history;
    this.range = range;
    this.afterRevision = afterRevision;
    this.replayUpTo = replayUpTo;
    this.capacity = capacity;
    this.cursor = afterRevision;
  }

  @Override
  public long afterRevision() {
    return afterRevision;
  }

  @Override
  public WatchEvent next() throws InterruptedException {
    WatchEvent event = take(0, true);
    if (event == null) {
      throw new IllegalStateException("unreachable: waiting forever returned nothing");
    }
    return event;
  }

  @Override
  public Optional<WatchEvent> poll(Duration timeout) throws InterruptedException {
    return Optional.ofNullable(take(timeout.toNanos(), false));
  }

  @Override
  public void requestProgress() {
    hub.requestProgress(this);
  }

  @Override
  public void close() {
    end(new WatchEvent.Ended(WatchEvent.Reason.CLOSED));
    hub.unsubscribe(this);
  }

  /** Queues a live change if it concerns this watch; false once the watch is dead. Hub-locked. */
  boolean offerChange(WatchEvent.Change change) {
    if (change.revision() <= afterRevision || !range.contains(change.key())) {
      return true;
    }
    return offer(change);
  }

  /** Queues {@code event}; on overflow ends the watch as too slow. False once the watch is dead. */
  boolean offer(WatchEvent event) {
    lock.lock();
    try {
      if (terminal != null) {
        return false;
      }
      if (live.size() >= capacity) {
        terminal = new WatchEvent.Ended(WatchEvent.Reason.TOO_SLOW);
        available.signalAll();
        return false;
      }
      live.add(event);
      available.signalAll();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Ends the watch now with {@code end}, dropping undelivered events, unless it already ended that
   * way (a watch that ended as too slow still delivers its queued events first).
   */
  void end(WatchEvent.Terminal end) {
    lock.lock();
    try {
      if (!discarded) {
        terminal = end;
        discarded = true;
        live.clear();
      }
      available.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private @Nullable WatchEvent take(long nanos, boolean forever) throws InterruptedException {
    if (!replayDone) {
      WatchEvent replayed = nextReplayed();
      if (replayed != null) {
        return replayed;
      }
    }
    lock.lockInterruptibly();
    try {
      long remaining = nanos;
      while (true) {
        if (discarded) {
          return terminal;
        }
        if (!live.isEmpty()) {
          return live.poll();
        }
        if (terminal != null) {
          return terminal;
        }
        if (forever) {
          available.await();
        } else if (remaining <= 0) {
          return null;
        } else {
          remaining = available.awaitNanos(remaining);
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** The next replayed change, the terminal event if the watch ended, or null after the replay. */
  private @Nullable WatchEvent nextReplayed() {
    while (true) {
      WatchEvent.Terminal ended = discardedTerminal();
      if (ended != null) {
        return ended;
      }
      WatchEvent event = replay.poll();
      if (event != null) {
        return event;
      }
      if (replayExhausted) {
        replayDone = true;
        return null;
      }
      History.Page page;
      try {
        page = history.changes(range, cursor, replayUpTo, REPLAY_PAGE);
      } catch (IllegalStateException closedMeanwhile) {
        end(new WatchEvent.Ended(WatchEvent.Reason.STORE_CLOSED));
        continue;
      }
      switch (page) {
        case History.Page.Compacted compacted -> {
          end(new WatchEvent.Compacted(compacted.compactRevision()));
          hub.unsubscribe(this);
        }
        case History.Page.Changes changes -> {
          replay.addAll(changes.changes());
          if (!changes.changes().isEmpty()) {
            cursor = changes.changes().getLast().revision();
          }
          replayExhausted = changes.changes().size() < REPLAY_PAGE;
        }
      }
    }
  }

  private WatchEvent.@Nullable Terminal discardedTerminal() {
    lock.lock();
    try {
      return discarded ? terminal : null;
    } finally {
      lock.unlock();
    }
  }
}
