package io.gatehouse.storage;

import java.util.List;

/** Watch replay from the revision table: one snapshot per page, compaction checked first. */
final class SqliteHistory implements History {

  private final Database database;

  SqliteHistory(Database database) {
    this.database = database;
  }

  @Override
  public Page changes(KeyRange range, long after, long upTo, int limit) {
    return database.read(
        connection -> {
          connection.begin();
          try {
            long compacted = connection.revisions().compacted();
            if (after < compacted) {
              return new Page.Compacted(compacted);
            }
            if (after >= upTo) {
              return new Page.Changes(List.of());
            }
            List<Row> rows = connection.history(range, after, upTo, limit);
            return new Page.Changes(rows.stream().map(Row::toChange).toList());
          } finally {
            connection.end();
          }
        });
  }
}
