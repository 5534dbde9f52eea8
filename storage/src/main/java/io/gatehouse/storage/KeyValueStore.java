package io.gatehouse.storage;

/**
 * A revisioned key-value store with etcd v3's semantics as kube-apiserver uses them: every write
 * gets the next store-wide revision (an object's {@code resourceVersion}), writes are conditional
 * on the revision the caller last saw, lists read a consistent state at one revision, and watches
 * replay every change after a revision until history is compacted. Every call returns the store
 * revision it observed.
 *
 * <p>Keys are non-empty strings, e.g. {@code /registry/pods/default/web}, ordered by their UTF-8
 * bytes; values are opaque bytes (JSON, possibly encrypted). Acknowledged writes are durable as the
 * backend documents ({@link SqliteKeyValueStore}).
 *
 * <p>Thread-safety: implementations are safe for concurrent use; concurrent writes to one key are
 * serialised so that exactly one writer succeeds per expected revision. Expected outcomes are
 * sealed results; I/O failures throw {@link StorageException}; invalid arguments throw {@link
 * IllegalArgumentException}; calls after {@link #close()} throw {@link IllegalStateException}.
 */
public interface KeyValueStore extends AutoCloseable {

  /** Reads the live version of {@code key}. */
  GetResult get(String key);

  /**
   * Creates {@code key} with {@code value} unless it has a live version. {@code value} is copied.
   */
  CreateResult create(String key, byte[] value);

  /**
   * Writes {@code value} to {@code key} if its live version's {@code modRevision} equals {@code
   * expectedRevision} (&gt; 0). {@code value} is copied.
   */
  UpdateResult update(String key, long expectedRevision, byte[] value);

  /**
   * Deletes {@code key} if its live version's {@code modRevision} equals {@code expectedRevision}.
   */
  DeleteResult delete(String key, long expectedRevision);

  /**
   * Lists the live keys starting with {@code prefix} (empty = every key) at one revision, in key
   * order, as {@code options} say.
   */
  ListResult list(String prefix, ListOptions options);

  /**
   * Watches the keys starting with {@code prefix} for changes with revisions greater than {@code
   * afterRevision}: history is replayed first, then live changes follow. A revision older than the
   * compacted revision yields a watch whose first event is {@link WatchEvent.Compacted}; a revision
   * beyond the current one waits for it. The caller must close the watch.
   */
  Watch watch(String prefix, long afterRevision);

  /**
   * Removes history older than {@code revision}: versions superseded at or before it and deletion
   * markers at or before it. Afterwards reads and watches need a revision &ge; the compacted one.
   */
  CompactResult compact(long revision);

  /** The revision of the latest acknowledged write (0 for an empty store). */
  long currentRevision();

  /**
   * Stops accepting calls, ends every watch with {@link WatchEvent.Reason#STORE_CLOSED} and
   * releases the store's resources. Writes already accepted complete first. Idempotent.
   */
  @Override
  void close();
}
