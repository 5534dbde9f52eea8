package io.gatehouse.storage;

import java.time.Duration;
import java.util.Optional;

/**
 * A stream of the changes under a prefix with revisions greater than {@link #afterRevision()}, in
 * revision order, each exactly once, ending with one {@link WatchEvent.Terminal} event.
 *
 * <p>Thread-safety: one consumer thread calls {@link #next()}/{@link #poll}; {@link #close()} and
 * {@link #requestProgress()} may be called from any thread. Events are buffered per watch up to a
 * bound; a consumer that falls further behind gets {@link WatchEvent.Reason#TOO_SLOW}. Blocking
 * calls suit virtual threads.
 */
public interface Watch extends AutoCloseable {

  /** The revision after which changes are delivered. */
  long afterRevision();

  /**
   * Returns the next event, waiting for one. After a terminal event every call returns it again.
   *
   * @throws InterruptedException if interrupted while waiting
   * @throws StorageException if replaying history from the store fails
   */
  WatchEvent next() throws InterruptedException;

  /**
   * Returns the next event, or empty if none arrives within {@code timeout}.
   *
   * @throws InterruptedException if interrupted while waiting
   * @throws StorageException if replaying history from the store fails
   */
  Optional<WatchEvent> poll(Duration timeout) throws InterruptedException;

  /**
   * Asks for a {@link WatchEvent.Progress} event once the watch has delivered every change the
   * store has published so far. Does nothing on an ended watch.
   */
  void requestProgress();

  /**
   * Ends the watch; the consumer's next call returns {@link WatchEvent.Reason#CLOSED}. Idempotent.
   */
  @Override
  void close();
}
