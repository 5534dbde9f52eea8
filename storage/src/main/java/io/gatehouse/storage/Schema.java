package io.gatehouse.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The revision table (kine's {@code kine} table, same columns) and the compaction record, created
 * idempotently. The schema version lives in {@code PRAGMA user_version}; a newer one is refused,
 * an older one is brought up to date in the same transaction.
 *
 * <p>Version 2 drops kine's unique {@code (name, prev_revision)} index. kine needs it because
 * several kine processes may write one database; here one process owns the file (its lock file)
 * and one writer thread checks each key's latest row before appending, so the index could never
 * reject a row, yet every create and update paid for it: with random names (generateName) it was
 * about a third of the pages each commit wrote. docs/design-notes.md ("Storage: schema version
 * 2") has the measurements.
 */
final class Schema {

  /** The schema version this code writes and understands. */
  static final int VERSION = 2;

  /** The table name is kine's; so are its columns. */
  static final String TABLE = "kine";

  private static final List<String> DDL =
      List.of(
          """
          CREATE TABLE IF NOT EXISTS kine (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL,
            created INTEGER NOT NULL,
            deleted INTEGER NOT NULL,
            create_revision INTEGER NOT NULL,
            prev_revision INTEGER NOT NULL,
            lease INTEGER NOT NULL DEFAULT 0,
            value BLOB NOT NULL,
            old_value BLOB)\
          """,
          // Latest row of a key, and lists in key order. Carrying 'deleted' lets a list decide
          // which rows are live, and count them, from the index alone (3x faster counts).
          "CREATE INDEX IF NOT EXISTS kine_name_id_deleted_index ON kine (name, id, deleted)",
          // Version 1 carried kine's unique (name, prev_revision) index; see the class comment.
          "DROP INDEX IF EXISTS kine_name_prev_revision_uindex",
          // kine keeps this in a 'compact_rev_key' row; a table keeps it out of key space.
          """
          CREATE TABLE IF NOT EXISTS gatehouse_compaction (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            revision INTEGER NOT NULL)\
          """,
          "INSERT OR IGNORE INTO gatehouse_compaction (id, revision) VALUES (1, 0)");

  private Schema() {}

  /** Creates what is missing and checks the version. */
  static void ensure(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      int version = userVersion(statement);
      if (version > VERSION) {
        throw new StorageException(
            "store schema version "
                + version
                + " is newer than this Gatehouse understands ("
                + VERSION
                + ")");
      }
      statement.execute("BEGIN IMMEDIATE");
      try {
        for (String sql : DDL) {
          statement.execute(sql);
        }
        statement.execute("PRAGMA user_version = " + VERSION);
        statement.execute("COMMIT");
      } catch (SQLException | RuntimeException e) {
        statement.execute("ROLLBACK");
        throw e;
      }
    }
  }

  private static int userVersion(Statement statement) throws SQLException {
    try (ResultSet rs = statement.executeQuery("PRAGMA user_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }
}
