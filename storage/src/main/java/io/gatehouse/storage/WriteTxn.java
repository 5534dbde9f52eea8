package io.gatehouse.storage;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The transaction a {@link Writer} batch runs in: the revision counter as of the operations so far
 * (operations of one batch see each other's writes) and the changes to publish after commit.
 */
final class WriteTxn implements RevisionLog {

  private final WriteConnection connection;
  private long revision;
  private final List<WatchEvent.Change> changes = new ArrayList<>();

  WriteTxn(WriteConnection connection, long revision) {
    this.connection = connection;
    this.revision = revision;
  }

  @Override
  public long revision() {
    return revision;
  }

  @Override
  public Optional<Row> latest(String key) throws SQLException {
    return connection.latest(key);
  }

  /** Inserts {@code row} and records its change for the watchers. */
  @Override
  public void append(Row row) throws SQLException {
    if (row.id() != revision + 1) {
      throw new IllegalStateException("row " + row.id() + " appended at revision " + revision);
    }
    connection.insert(row);
    revision = row.id();
    changes.add(row.toChange());
  }

  /** The connection, for statements beyond appending rows (compaction). */
  WriteConnection connection() {
    return connection;
  }

  /** The changes appended, in revision order. */
  List<WatchEvent.Change> changes() {
    return changes;
  }
}
