package io.gatehouse.storage;

/** The outcome of {@link KeyValueStore#delete}. Every variant carries the store revision. */
public sealed interface DeleteResult {

  /** The store revision after the call. */
  long revision();

  /**
   * The key was deleted at {@code revision}.
   *
   * @param revision the revision of the deletion
   * @param previous the version that was deleted
   */
  record Deleted(long revision, KeyValue previous) implements DeleteResult {}

  /**
   * The key has no live version; nothing was written.
   *
   * @param revision the store revision when the delete was refused
   */
  record NotFound(long revision) implements DeleteResult {}

  /**
   * The live version's {@code modRevision} is not the expected one; nothing was written.
   *
   * @param revision the store revision when the delete was refused
   * @param current the live version
   */
  record Conflict(long revision, KeyValue current) implements DeleteResult {}
}
