/**
 * Gatehouse's storage layer: the {@link io.gatehouse.storage.KeyValueStore} SPI that the API server
 * stores objects through, shaped after kube-apiserver's {@code storage.Interface} over etcd v3
 * (revisions, optimistic concurrency, prefix lists at a revision, watches from a revision,
 * compaction), and its SQLite backend, {@link io.gatehouse.storage.SqliteKeyValueStore}, a
 * kine-style single revision table.
 *
 * <p>Expected outcomes (key exists, conflict, not found, compacted) are values of sealed result
 * types; {@link io.gatehouse.storage.StorageException} reports I/O failures; misuse (bad keys,
 * negative revisions, calls after close) throws {@link IllegalArgumentException} or {@link
 * IllegalStateException}. Values are opaque bytes and are never logged.
 */
@NullMarked
package io.gatehouse.storage;

import org.jspecify.annotations.NullMarked;
