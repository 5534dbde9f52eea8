package io.gatehouse.storage;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A {@link KeyValueStore} in memory, for other modules' unit tests (shipped in this module's
 * test-jar, never in production code). It keeps the same history as the SQLite backend (rows with
 * revisions, deletion markers, compaction) and shares its write semantics ({@link Mutations}) and
 * watch fan-out ({@link WatchHub}), and passes {@link KeyValueStoreContractTest}. Thread-safe: one
 * lock serialises every call.
 */
public final class InMemoryKeyValueStore implements KeyValueStore {

  private final ReentrantLock lock = new ReentrantLock();
  private final NavigableMap<Long, Row> rows = new TreeMap<>();
  private final NavigableMap<String, NavigableMap<Long, Row>> byKey = new TreeMap<>(KeyRange.ORDER);
  private final WatchHub hub;
  private long revision;
  private long compacted;
  private boolean closed;

  private InMemoryKeyValueStore(int watchBufferSize) {
    this.hub = new WatchHub(this::changes, 0, watchBufferSize);
  }

  /** An empty store whose watches buffer up to 1024 events. */
  public static InMemoryKeyValueStore create() {
    return create(1024);
  }

  /** An empty store whose watches buffer up to {@code watchBufferSize} events. */
  public static InMemoryKeyValueStore create(int watchBufferSize) {
    return new InMemoryKeyValueStore(watchBufferSize);
  }

  @Override
  public GetResult get(String key) {
    KeyRange.requireKey(key);
    return locked(() -> new GetResult(revision, liveAt(key, revision).map(Row::toKeyValue)));
  }

  @Override
  public CreateResult create(String key, byte[] value) {
    KeyRange.requireKey(key);
    byte[] copy = value.clone();
    return write(log -> Mutations.create(log, key, copy));
  }

  @Override
  public UpdateResult update(String key, long expectedRevision, byte[] value) {
    KeyRange.requireKey(key);
    Arguments.requireExpectedRevision(expectedRevision);
    byte[] copy = value.clone();
    return write(log -> Mutations.update(log, key, expectedRevision, copy));
  }

  @Override
  public DeleteResult delete(String key, long expectedRevision) {
    KeyRange.requireKey(key);
    Arguments.requireExpectedRevision(expectedRevision);
    return write(log -> Mutations.delete(log, key, expectedRevision));
  }

  @Override
  public ListResult list(String prefix, ListOptions options) {
    KeyRange range = KeyRange.of(prefix);
    String from = range.startAfter(options.after());
    return locked(() -> list(range, from, options));
  }

  private ListResult list(KeyRange range, String from, ListOptions options) {
    long at = options.revision() == 0 ? revision : options.revision();
    if (at > revision) {
      return new ListResult.FutureRevision(revision, at);
    }
    if (at < compacted) {
      return new ListResult.Compacted(revision, compacted);
    }
    List<KeyValue> items = new ArrayList<>();
    long remaining = 0;
    for (String key : keys(range, from).keySet()) {
      if (liveAt(key, at).isEmpty()) {
        continue;
      }
      if (options.limit() == 0 || items.size() < options.limit()) {
        items.add(liveAt(key, at).orElseThrow().toKeyValue());
      } else {
        remaining++;
      }
    }
    return new ListResult.Page(at, items, remaining > 0, remaining);
  }

  @Override
  public Watch watch(String prefix, long afterRevision) {
    Arguments.requireRevision(afterRevision);
    KeyRange range = KeyRange.of(prefix);
    return locked(() -> hub.watch(range, afterRevision));
  }

  @Override
  public CompactResult compact(long target) {
    Arguments.requireRevision(target);
    return locked(
        () -> {
          if (target > revision) {
            return new CompactResult.FutureRevision(revision, target);
          }
          if (target <= compacted) {
            return new CompactResult.AlreadyCompacted(revision, compacted);
          }
          long removed = 0;
          for (Row row : List.copyOf(rows.subMap(compacted, false, target, true).values())) {
            removed += remove(row.prevRevision()) + (row.deleted() ? remove(row.id()) : 0);
          }
          compacted = target;
          return new CompactResult.Done(revision, target, removed);
        });
  }

  @Override
  public long currentRevision() {
    return locked(() -> revision);
  }

  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
    } finally {
      lock.unlock();
    }
    hub.close();
  }

  private History.Page changes(KeyRange range, long after, long upTo, int limit) {
    return locked(
        () -> {
          if (after < compacted) {
            return new History.Page.Compacted(compacted);
          }
          List<WatchEvent.Change> changes = new ArrayList<>();
          Iterator<Row> it =
              rows.subMap(after, false, Math.max(after, upTo), true).values().iterator();
          while (it.hasNext() && changes.size() < limit) {
            Row row = it.next();
            if (range.contains(row.name())) {
              changes.add(row.toChange());
            }
          }
          return new History.Page.Changes(changes);
        });
  }

  private <R> R write(Mutation<R> mutation) {
    return locked(
        () -> {
          Log log = new Log();
          try {
            R result = mutation.apply(log);
            hub.publish(log.changes);
            return result;
          } catch (SQLException e) {
            throw new IllegalStateException("unreachable: memory does not fail", e);
          }
        });
  }

  private Optional<Row> liveAt(String key, long at) {
    NavigableMap<Long, Row> versions = byKey.get(key);
    Map.Entry<Long, Row> entry = versions == null ? null : versions.floorEntry(at);
    return entry == null || entry.getValue().deleted()
        ? Optional.empty()
        : Optional.of(entry.getValue());
  }

  private NavigableMap<String, NavigableMap<Long, Row>> keys(KeyRange range, String from) {
    return range.bounded()
        ? byKey.subMap(from, true, range.to(), false)
        : byKey.tailMap(from, true);
  }

  private int remove(long id) {
    Row row = rows.remove(id);
    if (row == null) {
      return 0;
    }
    NavigableMap<Long, Row> versions = byKey.get(row.name());
    versions.remove(id);
    if (versions.isEmpty()) {
      byKey.remove(row.name());
    }
    return 1;
  }

  private <R> R locked(Supplier<R> action) {
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("store is closed");
      }
      return action.get();
    } finally {
      lock.unlock();
    }
  }

  private interface Mutation<R> {
    R apply(RevisionLog log) throws SQLException;
  }

  /** The revision log of one write; changes are published under the lock, in order. */
  private final class Log implements RevisionLog {
    private final List<WatchEvent.Change> changes = new ArrayList<>();

    @Override
    public long revision() {
      return revision;
    }

    @Override
    public Optional<Row> latest(String key) {
      NavigableMap<Long, Row> versions = byKey.get(key);
      return versions == null ? Optional.empty() : Optional.of(versions.lastEntry().getValue());
    }

    @Override
    public void append(Row row) {
      rows.put(row.id(), row);
      byKey.computeIfAbsent(row.name(), name -> new TreeMap<>()).put(row.id(), row);
      revision = row.id();
      changes.add(row.toChange());
    }
  }
}
