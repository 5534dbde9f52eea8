package io.gatehouse.storage;

/** The outcome of {@link KeyValueStore#compact}. Every variant carries the store revision. */
public sealed interface CompactResult {

  /** The current store revision. */
  long revision();

  /**
   * History older than {@code compactRevision} was removed.
   *
   * @param revision the current store revision
   * @param compactRevision the new compacted revision
   * @param removedVersions how many superseded versions and deletion markers were removed
   */
  record Done(long revision, long compactRevision, long removedVersions) implements CompactResult {}

  /**
   * The store was already compacted at or beyond the asked revision; nothing changed.
   *
   * @param revision the current store revision
   * @param compactRevision the existing compacted revision
   */
  record AlreadyCompacted(long revision, long compactRevision) implements CompactResult {}

  /**
   * The asked revision is newer than the current revision; nothing changed.
   *
   * @param revision the current store revision
   * @param requestedRevision the revision that was asked for
   */
  record FutureRevision(long revision, long requestedRevision) implements CompactResult {}
}
