package io.gatehouse.storage;

import java.util.List;

/**
 * Every SQLite setting the backend uses, in one place (kine keeps its WAL defaults in one
 * constant). Connection settings are applied on each open; {@code journal_mode} is persistent in
 * the file.
 */
final class Pragmas {

  /** Milliseconds a connection waits for a lock before failing with {@code SQLITE_BUSY}. */
  static final int BUSY_TIMEOUT_MILLIS = 30_000;

  /** WAL files above this size are truncated after a checkpoint (64 MiB). */
  static final long JOURNAL_SIZE_LIMIT = 64L * 1024 * 1024;

  /**
   * WAL pages after which a commit folds the WAL into the database file (SQLite's default is
   * 1,000, ~4 MiB). Each checkpoint copies every page written since the last one, so pages that
   * many commits rewrite (the name index's leaves under random names, the table's last pages) are
   * copied once per checkpoint instead of once per ~4 MiB of WAL: creates/s rose by a sixth to a
   * third, raw and through the API alike (docs/performance.md). The cost: a WAL of up to ~40 MiB
   * (truncated to {@link #JOURNAL_SIZE_LIMIT} after checkpoints), and after a crash with a full WAL
   * the start-up checkpoint takes ~0.4 s longer. Durability is unchanged: every commit is synced.
   */
  static final int WAL_AUTOCHECKPOINT_PAGES = 10_000;

  private Pragmas() {}

  /**
   * Settings of the one writing connection: WAL, so readers never block the writer nor it them;
   * {@code synchronous} as {@code durability} says; a bounded WAL.
   */
  static List<String> writer(SqliteKeyValueStore.Durability durability) {
    return List.of(
        "PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS,
        "PRAGMA journal_mode = WAL",
        "PRAGMA synchronous = " + durability.name(),
        "PRAGMA journal_size_limit = " + JOURNAL_SIZE_LIMIT,
        "PRAGMA wal_autocheckpoint = " + WAL_AUTOCHECKPOINT_PAGES,
        "PRAGMA temp_store = MEMORY");
  }

  /** Settings of the reading connections: they can never write. */
  static List<String> reader() {
    return List.of(
        "PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS,
        "PRAGMA query_only = ON",
        "PRAGMA temp_store = MEMORY");
  }

  /** Run once at start-up, as kine does: fold the WAL left by the previous run into the file. */
  static final String STARTUP_CHECKPOINT = "PRAGMA wal_checkpoint(TRUNCATE)";
}
