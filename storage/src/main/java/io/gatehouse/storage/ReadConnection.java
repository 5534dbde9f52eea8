package io.gatehouse.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A reading SQLite connection with its prepared queries. Only SQL: what the rows mean is {@link
 * SqliteKeyValueStoreImpl}'s business. Used by one thread at a time (borrowed from {@link
 * Database}).
 */
final class ReadConnection implements AutoCloseable {

  private static final String CURRENT =
      "COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'kine'), 0)";

  // The latest row of a key in the same snapshot as the store revision.
  private static final String GET =
      "SELECT s.rev, k.* FROM (SELECT "
          + CURRENT
          + " AS rev) AS s LEFT JOIN"
          + " (SELECT "
          + Rows.COLUMNS
          + " FROM kine WHERE name = ? ORDER BY id DESC LIMIT 1) AS k"
          + " ON 1";

  private static final String REVISIONS =
      "SELECT " + CURRENT + ", (SELECT revision FROM gatehouse_compaction WHERE id = 1)";

  // Walks the (name, id) index in key order; a row is listed if it is its key's latest row at
  // the revision and not a deletion marker. LIMIT stops the walk early.
  private static final String LIVE_AT =
      " FROM kine AS k WHERE k.name >= ? AND k.name < ? AND k.deleted = 0"
          + " AND k.id = (SELECT MAX(m.id) FROM kine AS m WHERE m.name = k.name AND m.id <= ?)";

  private static final String RANGE =
      "SELECT k.id, k.name, k.created, k.deleted, k.create_revision, k.prev_revision, k.value,"
          + " NULL"
          + LIVE_AT
          + " ORDER BY k.name LIMIT ?";

  private static final String COUNT = "SELECT COUNT(*)" + LIVE_AT;

  private static final String HISTORY =
      "SELECT "
          + Rows.COLUMNS
          + " FROM kine WHERE id > ? AND id <= ? AND name >= ? AND name < ?"
          + " ORDER BY id LIMIT ?";

  /** The store revision and the latest row of a key, read together. */
  record Latest(long revision, @Nullable Row row) {}

  /** The current and the compacted revision, read together. */
  record Revisions(long current, long compacted) {}

  private final Connection connection;
  private final PreparedStatement begin;
  private final PreparedStatement end;
  private final PreparedStatement get;
  private final PreparedStatement revisions;
  private final PreparedStatement range;
  private final PreparedStatement count;
  private final PreparedStatement history;

  ReadConnection(Connection connection) throws SQLException {
    this.connection = connection;
    this.begin = connection.prepareStatement("BEGIN");
    this.end = connection.prepareStatement("COMMIT");
    this.get = connection.prepareStatement(GET);
    this.revisions = connection.prepareStatement(REVISIONS);
    this.range = connection.prepareStatement(RANGE);
    this.count = connection.prepareStatement(COUNT);
    this.history = connection.prepareStatement(HISTORY);
  }

  /** Starts a read transaction: later queries see one snapshot until {@link #end()}. */
  void begin() throws SQLException {
    begin.execute();
  }

  /** Ends the read transaction. */
  void end() throws SQLException {
    end.execute();
  }

  /** Ends a read transaction left open by a failure, if any. */
  void endQuietly() {
    try {
      end.execute();
    } catch (SQLException ignored) {
      // None was open.
    }
  }

  Latest get(String key) throws SQLException {
    get.setString(1, key);
    try (ResultSet rs = get.executeQuery()) {
      rs.next();
      long revision = rs.getLong(1);
      rs.getLong(2);
      return new Latest(revision, rs.wasNull() ? null : Rows.read(rs, 2));
    }
  }

  Revisions revisions() throws SQLException {
    try (ResultSet rs = revisions.executeQuery()) {
      rs.next();
      return new Revisions(rs.getLong(1), rs.getLong(2));
    }
  }

  /** Live rows at {@code revision} with keys in {@code [from, range.to)}; limit 0 = all. */
  List<Row> range(KeyRange keys, String from, long revision, int limit) throws SQLException {
    bindLive(range, keys, from, revision);
    range.setInt(4, limit == 0 ? -1 : limit);
    return Rows.readAll(range);
  }

  /** How many live keys at {@code revision} lie in {@code [from, range.to)}. */
  long count(KeyRange keys, String from, long revision) throws SQLException {
    bindLive(count, keys, from, revision);
    return Rows.readLong(count);
  }

  /** Rows of keys in {@code keys} with {@code after < id <= upTo}, in id order. */
  List<Row> history(KeyRange keys, long after, long upTo, int limit) throws SQLException {
    history.setLong(1, after);
    history.setLong(2, upTo);
    history.setString(3, keys.from());
    Rows.bindUpperBound(history, 4, keys);
    history.setInt(5, limit);
    return Rows.readAll(history);
  }

  private static void bindLive(PreparedStatement query, KeyRange keys, String from, long revision)
      throws SQLException {
    query.setString(1, from);
    Rows.bindUpperBound(query, 2, keys);
    query.setLong(3, revision);
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
