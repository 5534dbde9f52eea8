package io.gatehouse.storage;

import java.sql.SQLException;
import java.util.Optional;

/**
 * A backend's append-only history as {@link Mutations} sees it inside one write transaction (kine's
 * {@code Log} under its {@code Backend}).
 */
interface RevisionLog {

  /** The store revision including this transaction's appends. */
  long revision();

  /** The key's latest row, live or a deletion marker. */
  Optional<Row> latest(String key) throws SQLException;

  /** Appends {@code row}, whose id is {@code revision() + 1}. */
  void append(Row row) throws SQLException;
}
