package io.gatehouse.storage;

import org.jspecify.annotations.Nullable;

/**
 * One row of the revision table, i.e. one event in the store's history: a create, an update or a
 * deletion marker of {@code name} at revision {@code id}. Internal; its arrays are never exposed
 * (they are copied into {@link KeyValue}s).
 *
 * @param id the revision
 * @param name the key
 * @param created whether this row starts a new generation of the key
 * @param deleted whether this row is a deletion marker
 * @param createRevision the revision that started this generation
 * @param prevRevision the revision of the key's previous row, 0 if none
 * @param value the written value (empty for a deletion)
 * @param oldValue the previous row's value, null for a create
 */
record Row(
    long id,
    String name,
    boolean created,
    boolean deleted,
    long createRevision,
    long prevRevision,
    byte[] value,
    byte @Nullable [] oldValue) {

  private static final byte[] EMPTY = new byte[0];

  /** A create of {@code key} at {@code id}; {@code prevRevision} is a deletion marker or 0. */
  static Row create(long id, String key, long prevRevision, byte[] value) {
    return new Row(id, key, true, false, id, prevRevision, value, null);
  }

  /** An update at {@code id} of the live row {@code previous}. */
  static Row update(long id, Row previous, byte[] value) {
    return new Row(
        id,
        previous.name,
        false,
        false,
        previous.createRevision,
        previous.id,
        value,
        previous.value);
  }

  /** A deletion marker at {@code id} for the live row {@code previous}. */
  static Row delete(long id, Row previous) {
    return new Row(
        id,
        previous.name,
        false,
        true,
        previous.createRevision,
        previous.id,
        EMPTY,
        previous.value);
  }

  /** This row as the live version it writes (not meaningful for a deletion marker). */
  KeyValue toKeyValue() {
    return new KeyValue(name, value, createRevision, id);
  }

  /** This row as a watch event. */
  WatchEvent.Change toChange() {
    if (created) {
      return new WatchEvent.Created(toKeyValue());
    }
    if (deleted) {
      return new WatchEvent.Deleted(name, id, previous());
    }
    return new WatchEvent.Updated(toKeyValue(), previous());
  }

  private KeyValue previous() {
    return new KeyValue(name, oldValue == null ? EMPTY : oldValue, createRevision, prevRevision);
  }
}
