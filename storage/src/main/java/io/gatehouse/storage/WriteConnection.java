package io.gatehouse.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The one writing SQLite connection with its prepared statements. Only SQL (kine's habit: the
 * dialect inserts rows; whether a create may happen is decided by the caller). Used by the {@link
 * Writer} thread only.
 */
final class WriteConnection implements AutoCloseable {

  private static final String LATEST =
      "SELECT " + Rows.COLUMNS + " FROM kine WHERE name = ? ORDER BY id DESC LIMIT 1";

  private static final String INSERT =
      "INSERT INTO kine (id, name, created, deleted, create_revision, prev_revision, lease, value,"
          + " old_value) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)";

  private static final String CURRENT =
      "SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'kine'), 0)";

  private static final String COMPACTED = "SELECT revision FROM gatehouse_compaction WHERE id = 1";

  // Rows written in (lo, hi] name the rows they superseded; those and the deletion markers in
  // (lo, hi] are history nobody can read at a revision >= hi.
  private static final String DELETE_SUPERSEDED =
      "DELETE FROM kine WHERE id IN"
          + " (SELECT prev_revision FROM kine WHERE id > ? AND id <= ? AND prev_revision != 0)";

  private static final String DELETE_MARKERS =
      "DELETE FROM kine WHERE deleted = 1 AND id > ? AND id <= ?";

  private static final String RECORD_COMPACTION =
      "UPDATE gatehouse_compaction SET revision = ? WHERE id = 1";

  private final Connection connection;
  private final PreparedStatement begin;
  private final PreparedStatement commit;
  private final PreparedStatement rollback;
  private final PreparedStatement latest;
  private final PreparedStatement insert;
  private final PreparedStatement current;
  private final PreparedStatement compacted;
  private final PreparedStatement deleteSuperseded;
  private final PreparedStatement deleteMarkers;
  private final PreparedStatement recordCompaction;

  WriteConnection(Connection connection) throws SQLException {
    this.connection = connection;
    this.begin = connection.prepareStatement("BEGIN IMMEDIATE");
    this.commit = connection.prepareStatement("COMMIT");
    this.rollback = connection.prepareStatement("ROLLBACK");
    this.latest = connection.prepareStatement(LATEST);
    this.insert = connection.prepareStatement(INSERT);
    this.current = connection.prepareStatement(CURRENT);
    this.compacted = connection.prepareStatement(COMPACTED);
    this.deleteSuperseded = connection.prepareStatement(DELETE_SUPERSEDED);
    this.deleteMarkers = connection.prepareStatement(DELETE_MARKERS);
    this.recordCompaction = connection.prepareStatement(RECORD_COMPACTION);
  }

  void begin() throws SQLException {
    begin.execute();
  }

  void commit() throws SQLException {
    commit.execute();
  }

  /**
   * Rolls back the open transaction, if any. SQLite may already have rolled back after an error;
   * the "no transaction is active" failure that then follows is ignored.
   */
  void rollbackIfOpen() {
    try {
      rollback.execute();
    } catch (SQLException ignored) {
      // Nothing was open.
    }
  }

  /** The key's latest row, live or a deletion marker. */
  Optional<Row> latest(String key) throws SQLException {
    latest.setString(1, key);
    try (ResultSet rs = latest.executeQuery()) {
      return rs.next() ? Optional.of(Rows.read(rs, 1)) : Optional.empty();
    }
  }

  void insert(Row row) throws SQLException {
    insert.setLong(1, row.id());
    insert.setString(2, row.name());
    insert.setInt(3, row.created() ? 1 : 0);
    insert.setInt(4, row.deleted() ? 1 : 0);
    insert.setLong(5, row.createRevision());
    insert.setLong(6, row.prevRevision());
    insert.setBytes(7, row.value());
    insert.setBytes(8, row.oldValue());
    insert.executeUpdate();
  }

  /** The highest revision ever written (AUTOINCREMENT keeps it even if that row is compacted). */
  long currentRevision() throws SQLException {
    return Rows.readLong(current);
  }

  long compactRevision() throws SQLException {
    return Rows.readLong(compacted);
  }

  /** Removes the history made unreadable by compacting from {@code lo} to {@code hi}. */
  long removeSuperseded(long lo, long hi) throws SQLException {
    deleteSuperseded.setLong(1, lo);
    deleteSuperseded.setLong(2, hi);
    long removed = deleteSuperseded.executeUpdate();
    deleteMarkers.setLong(1, lo);
    deleteMarkers.setLong(2, hi);
    return removed + deleteMarkers.executeUpdate();
  }

  void recordCompaction(long revision) throws SQLException {
    recordCompaction.setLong(1, revision);
    recordCompaction.executeUpdate();
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
