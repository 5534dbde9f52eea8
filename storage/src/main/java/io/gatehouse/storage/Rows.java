package io.gatehouse.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reading {@link Row}s from result sets and binding key bounds, shared by both connections. */
final class Rows {

  /** The columns every row query selects, in this order. */
  static final String COLUMNS =
      "id, name, created, deleted, create_revision, prev_revision, value, old_value";

  /** A BLOB sorts after every TEXT value in SQLite: the upper bound of an unbounded range. */
  private static final byte[] ABOVE_ALL_TEXT = {(byte) 0xff};

  private Rows() {}

  /** Reads the row at the cursor, its columns starting at {@code first}. */
  static Row read(ResultSet rs, int first) throws SQLException {
    byte[] value = rs.getBytes(first + 6);
    return new Row(
        rs.getLong(first),
        rs.getString(first + 1),
        rs.getInt(first + 2) != 0,
        rs.getInt(first + 3) != 0,
        rs.getLong(first + 4),
        rs.getLong(first + 5),
        value == null ? new byte[0] : value,
        rs.getBytes(first + 7));
  }

  /** Runs {@code query} and reads every row. */
  static List<Row> readAll(PreparedStatement query) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (ResultSet rs = query.executeQuery()) {
      while (rs.next()) {
        rows.add(read(rs, 1));
      }
    }
    return rows;
  }

  /** Binds the exclusive upper bound of {@code range} at {@code index}. */
  static void bindUpperBound(PreparedStatement statement, int index, KeyRange range)
      throws SQLException {
    if (range.bounded()) {
      statement.setString(index, range.to());
    } else {
      statement.setBytes(index, ABOVE_ALL_TEXT);
    }
  }

  /** Runs a query whose single result is one integer (0 if none). */
  static long readLong(PreparedStatement query) throws SQLException {
    try (ResultSet rs = query.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }
}
