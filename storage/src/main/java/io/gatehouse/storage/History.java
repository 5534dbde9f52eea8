package io.gatehouse.storage;

import java.util.List;

/**
 * A backend's read access to its change history, from which a {@link WatchImpl} replays the changes
 * that happened before it subscribed to live ones. Implementations are thread-safe.
 */
interface History {

  /**
   * Returns up to {@code limit} changes to keys in {@code range} with {@code after < revision <=
   * upTo}, in revision order, read from one consistent state; or {@link Page.Compacted} if {@code
   * after} is older than the compacted revision (checked even when the interval is empty).
   *
   * @throws StorageException if reading fails
   */
  Page changes(KeyRange range, long after, long upTo, int limit);

  /** One answer of {@link #changes}. */
  sealed interface Page {
    /** Changes in revision order; fewer than asked means the interval is exhausted. */
    record Changes(List<WatchEvent.Change> changes) implements Page {}

    /** The history after the asked revision is partly compacted away. */
    record Compacted(long compactRevision) implements Page {}
  }
}
