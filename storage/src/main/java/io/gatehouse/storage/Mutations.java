package io.gatehouse.storage;

import java.sql.SQLException;
import java.util.Optional;

/**
 * The write semantics of the store, over any {@link RevisionLog}: a create needs no live version,
 * an update or delete needs the live version the caller expects. Every write appends one row with
 * the next revision. Stateless.
 */
final class Mutations {

  private Mutations() {}

  static CreateResult create(RevisionLog log, String key, byte[] value) throws SQLException {
    Optional<Row> latest = log.latest(key);
    if (latest.isPresent() && !latest.get().deleted()) {
      return new CreateResult.KeyExists(log.revision(), latest.get().toKeyValue());
    }
    // After a deletion the new generation follows the deletion marker, as in kine.
    Row row = Row.create(log.revision() + 1, key, latest.map(Row::id).orElse(0L), value);
    log.append(row);
    return new CreateResult.Created(row.toKeyValue());
  }

  static UpdateResult update(RevisionLog log, String key, long expectedRevision, byte[] value)
      throws SQLException {
    Optional<Row> latest = log.latest(key).filter(row -> !row.deleted());
    if (latest.isEmpty()) {
      return new UpdateResult.NotFound(log.revision());
    }
    Row previous = latest.get();
    if (previous.id() != expectedRevision) {
      return new UpdateResult.Conflict(log.revision(), previous.toKeyValue());
    }
    Row row = Row.update(log.revision() + 1, previous, value);
    log.append(row);
    return new UpdateResult.Updated(row.toKeyValue(), previous.toKeyValue());
  }

  static DeleteResult delete(RevisionLog log, String key, long expectedRevision)
      throws SQLException {
    Optional<Row> latest = log.latest(key).filter(row -> !row.deleted());
    if (latest.isEmpty()) {
      return new DeleteResult.NotFound(log.revision());
    }
    Row previous = latest.get();
    if (previous.id() != expectedRevision) {
      return new DeleteResult.Conflict(log.revision(), previous.toKeyValue());
    }
    Row row = Row.delete(log.revision() + 1, previous);
    log.append(row);
    return new DeleteResult.Deleted(row.id(), previous.toKeyValue());
  }
}
