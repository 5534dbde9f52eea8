package io.gatehouse.storage;

/** The outcome of {@link KeyValueStore#create}. Every variant carries the store revision. */
public sealed interface CreateResult {

  /** The store revision after the call. */
  long revision();

  /**
   * The key was created at {@code kv.modRevision()}, which is also {@code kv.createRevision()}.
   *
   * @param kv the new version
   */
  record Created(KeyValue kv) implements CreateResult {
    @Override
    public long revision() {
      return kv.modRevision();
    }
  }

  /**
   * The key already has a live version; nothing was written (etcd's failed {@code mod_revision ==
   * 0} compare, the API server's 409 AlreadyExists).
   *
   * @param revision the store revision when the create was refused
   * @param current the live version
   */
  record KeyExists(long revision, KeyValue current) implements CreateResult {}
}
