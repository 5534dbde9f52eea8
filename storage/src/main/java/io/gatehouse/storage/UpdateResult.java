package io.gatehouse.storage;

/** The outcome of {@link KeyValueStore#update}. Every variant carries the store revision. */
public sealed interface UpdateResult {

  /** The store revision after the call. */
  long revision();

  /**
   * The key was written at {@code kv.modRevision()}.
   *
   * @param kv the new version
   * @param previous the version it replaced
   */
  record Updated(KeyValue kv, KeyValue previous) implements UpdateResult {
    @Override
    public long revision() {
      return kv.modRevision();
    }
  }

  /**
   * The key has no live version; nothing was written.
   *
   * @param revision the store revision when the update was refused
   */
  record NotFound(long revision) implements UpdateResult {}

  /**
   * The live version's {@code modRevision} is not the expected one; nothing was written (the API
   * server's 409 Conflict, or a retry of its update function with {@code current}).
   *
   * @param revision the store revision when the update was refused
   * @param current the live version
   */
  record Conflict(long revision, KeyValue current) implements UpdateResult {}
}
