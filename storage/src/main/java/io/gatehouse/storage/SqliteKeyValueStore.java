package io.gatehouse.storage;

import java.nio.file.Path;

/**
 * Opens {@link KeyValueStore}s backed by one SQLite file, laid out like kine's: a single table
 * whose rows are the store's history (row id = revision; columns {@code name, created, deleted,
 * create_revision, prev_revision, lease, value, old_value}), in WAL mode.
 *
 * <p><b>Durability.</b> With the default {@link Durability#FULL}, a write is acknowledged only
 * after its transaction is in the WAL and fsynced: it survives the process being killed ({@code
 * kill -9}) and, on storage that honours fsync, an OS crash or power loss — etcd's promise.
 * Concurrent writers are grouped into one transaction and one fsync (group commit), so throughput
 * under concurrency does not pay one fsync per write. {@link Durability#NORMAL} survives {@code
 * kill -9} too but may lose the latest acknowledged writes on power loss.
 *
 * <p><b>Ownership.</b> One store object owns the file: a lock file ({@code <file>.lock}) keeps
 * other processes and other stores in this JVM out, so the in-process notifier sees every write.
 * The files beside it ({@code -wal}, {@code -shm}) belong to SQLite.
 *
 * <p><b>Threads.</b> One platform writer thread, one virtual notifier thread feeding every watch,
 * and a small pool of reading connections used on the callers' threads (blocking; SQLite's native
 * calls pin a virtual thread's carrier while they run).
 */
public final class SqliteKeyValueStore {

  /** How hard SQLite works to keep acknowledged writes: {@code PRAGMA synchronous}. */
  public enum Durability {
    /** fsync the WAL at every commit: acknowledged writes survive power loss. The default. */
    FULL,
    /**
     * fsync only at checkpoints: acknowledged writes survive a process crash but the newest may be
     * lost on power loss or an OS crash (the file stays consistent). For tests and benchmarks.
     */
    NORMAL
  }

  private SqliteKeyValueStore() {}

  /**
   * Opens the store in {@code file} with the defaults, creating the file and its directory if
   * needed.
   *
   * @throws StorageException if the file is in use, cannot be opened or has a newer schema
   */
  public static KeyValueStore open(Path file) {
    return builder(file).open();
  }

  /** A builder for a store in {@code file}. */
  public static Builder builder(Path file) {
    return new Builder(file);
  }

  /** Options of a SQLite store. Not thread-safe; {@link #open()} may be called once. */
  public static final class Builder {
    private final Path file;
    private Durability durability = Durability.FULL;
    private int readConnections = 4;
    private int watchBufferSize = 1024;

    private Builder(Path file) {
      this.file = file;
    }

    /** Sets the durability (default {@link Durability#FULL}). */
    public Builder durability(Durability durability) {
      this.durability = durability;
      return this;
    }

    /** Sets how many reading connections are pooled (default 4, at least 1). */
    public Builder readConnections(int readConnections) {
      if (readConnections < 1) {
        throw new IllegalArgumentException("readConnections must be at least 1");
      }
      this.readConnections = readConnections;
      return this;
    }

    /**
     * Sets how many undelivered live events a watch may hold before it ends as too slow (default
     * 1024, at least 1).
     */
    public Builder watchBufferSize(int watchBufferSize) {
      if (watchBufferSize < 1) {
        throw new IllegalArgumentException("watchBufferSize must be at least 1");
      }
      this.watchBufferSize = watchBufferSize;
      return this;
    }

    /**
     * Opens the store.
     *
     * @throws StorageException if the file is in use, cannot be opened or has a newer schema
     */
    public KeyValueStore open() {
      return SqliteKeyValueStoreImpl.open(file, durability, readConnections, watchBufferSize);
    }
  }
}
