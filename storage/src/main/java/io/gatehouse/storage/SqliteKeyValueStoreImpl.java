package io.gatehouse.storage;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The SQLite {@link KeyValueStore}: writes go through the group-committing {@link Writer} and
 * {@link Mutations}, reads through pooled {@link ReadConnection}s, watches through the {@link
 * WatchHub} the writer publishes to.
 */
final class SqliteKeyValueStoreImpl implements KeyValueStore {

  /** Revisions compacted per write transaction, so writes interleave with a long compaction. */
  static final int COMPACTION_BATCH = 1000;

  private final Database database;
  private final WatchHub hub;
  private final Writer writer;
  private final AtomicBoolean closed = new AtomicBoolean();

  private SqliteKeyValueStoreImpl(Database database, int watchBufferSize) throws SQLException {
    this.database = database;
    long current = database.writer().currentRevision();
    this.hub = new WatchHub(new SqliteHistory(database), current, watchBufferSize);
    this.writer = new Writer(database.writer(), hub::publish);
  }

  static KeyValueStore open(
      Path file, SqliteKeyValueStore.Durability durability, int readers, int watchBufferSize) {
    Database database = Database.open(file, durability, readers);
    try {
      return new SqliteKeyValueStoreImpl(database, watchBufferSize);
    } catch (SQLException | RuntimeException e) {
      database.close();
      throw e instanceof RuntimeException runtime
          ? runtime
          : new StorageException("cannot open store " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public GetResult get(String key) {
    requireOpen();
    KeyRange.requireKey(key);
    ReadConnection.Latest latest = database.read(connection -> connection.get(key));
    Optional<KeyValue> live =
        Optional.ofNullable(latest.row()).filter(row -> !row.deleted()).map(Row::toKeyValue);
    return new GetResult(latest.revision(), live);
  }

  @Override
  public CreateResult create(String key, byte[] value) {
    requireOpen();
    KeyRange.requireKey(key);
    byte[] copy = value.clone();
    return writer.submit(txn -> Mutations.create(txn, key, copy));
  }

  @Override
  public UpdateResult update(String key, long expectedRevision, byte[] value) {
    requireOpen();
    KeyRange.requireKey(key);
    Arguments.requireExpectedRevision(expectedRevision);
    byte[] copy = value.clone();
    return writer.submit(txn -> Mutations.update(txn, key, expectedRevision, copy));
  }

  @Override
  public DeleteResult delete(String key, long expectedRevision) {
    requireOpen();
    KeyRange.requireKey(key);
    Arguments.requireExpectedRevision(expectedRevision);
    return writer.submit(txn -> Mutations.delete(txn, key, expectedRevision));
  }

  @Override
  public ListResult list(String prefix, ListOptions options) {
    requireOpen();
    KeyRange range = KeyRange.of(prefix);
    String from = range.startAfter(options.after());
    return database.read(
        connection -> {
          connection.begin();
          try {
            return list(connection, range, from, options);
          } finally {
            connection.end();
          }
        });
  }

  private static ListResult list(
      ReadConnection connection, KeyRange range, String from, ListOptions options)
      throws SQLException {
    ReadConnection.Revisions revisions = connection.revisions();
    long at = options.revision() == 0 ? revisions.current() : options.revision();
    if (at > revisions.current()) {
      return new ListResult.FutureRevision(revisions.current(), at);
    }
    if (at < revisions.compacted()) {
      return new ListResult.Compacted(revisions.current(), revisions.compacted());
    }
    int limit = options.limit();
    List<Row> rows = connection.range(range, from, at, limit == 0 ? 0 : limit + 1);
    boolean more = limit > 0 && rows.size() > limit;
    List<KeyValue> items =
        (more ? rows.subList(0, limit) : rows).stream().map(Row::toKeyValue).toList();
    long remaining =
        more ? connection.count(range, KeyRange.afterKey(items.getLast().key()), at) : 0;
    return new ListResult.Page(at, items, more, remaining);
  }

  @Override
  public Watch watch(String prefix, long afterRevision) {
    requireOpen();
    Arguments.requireRevision(afterRevision);
    return hub.watch(KeyRange.of(prefix), afterRevision);
  }

  @Override
  public CompactResult compact(long revision) {
    requireOpen();
    Arguments.requireRevision(revision);
    long removed = 0;
    boolean progressed = false;
    while (true) {
      CompactionStep step = writer.submit(txn -> compactStep(txn, revision));
      switch (step) {
        case CompactionStep.Finished finished -> {
          if (progressed
              && finished.result() instanceof CompactResult.AlreadyCompacted overtaken) {
            // A concurrent compaction overtook this one: ours is done too.
            return new CompactResult.Done(overtaken.revision(), overtaken.compactRevision(), removed);
          }
          return finished.result();
        }
        case CompactionStep.Advanced advanced -> {
          progressed = true;
          removed += advanced.removed();
          if (advanced.compactRevision() == revision) {
            return new CompactResult.Done(writer.committedRevision(), revision, removed);
          }
        }
      }
    }
  }

  private static CompactionStep compactStep(WriteTxn txn, long target) throws SQLException {
    WriteConnection connection = txn.connection();
    long compacted = connection.compactRevision();
    if (target > txn.revision()) {
      return new CompactionStep.Finished(new CompactResult.FutureRevision(txn.revision(), target));
    }
    if (target <= compacted) {
      return new CompactionStep.Finished(
          new CompactResult.AlreadyCompacted(txn.revision(), compacted));
    }
    long upTo = Math.min(target, compacted + COMPACTION_BATCH);
    long removed = connection.removeSuperseded(compacted, upTo);
    connection.recordCompaction(upTo);
    return new CompactionStep.Advanced(upTo, removed);
  }

  /** One write transaction's worth of compaction. */
  private sealed interface CompactionStep {
    record Advanced(long compactRevision, long removed) implements CompactionStep {}

    record Finished(CompactResult result) implements CompactionStep {}
  }

  @Override
  public long currentRevision() {
    requireOpen();
    return writer.committedRevision();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      writer.close();
      hub.close();
      database.close();
    }
  }

  private void requireOpen() {
    if (closed.get()) {
      throw new IllegalStateException("store is closed");
    }
  }
}
