package io.gatehouse.storage;

import java.util.List;

/** The outcome of {@link KeyValueStore#list}. Every variant carries the store revision. */
public sealed interface ListResult {

  /** The revision the list was read at, or the current revision if it could not be read. */
  long revision();

  /**
   * Live keys under the prefix as they were at {@code revision}, in ascending UTF-8 byte order of
   * their keys.
   *
   * @param revision the revision the page was read at (the current one when 0 was asked)
   * @param items the keys (unmodifiable), at most {@link ListOptions#limit()} of them
   * @param more whether further keys follow the last one at that revision
   * @param remaining how many keys follow the last one at that revision (0 when not {@code more})
   */
  record Page(long revision, List<KeyValue> items, boolean more, long remaining)
      implements ListResult {

    /** Copies {@code items}. */
    public Page {
      items = List.copyOf(items);
    }

    /**
     * The key to continue after ({@link ListOptions#after}), or the empty string for an empty page.
     */
    public String lastKey() {
      return items.isEmpty() ? "" : items.getLast().key();
    }
  }

  /**
   * The asked revision is older than the compacted revision: history needed to answer is gone (the
   * API server's 410 Expired / Gone).
   *
   * @param revision the current store revision
   * @param compactRevision the oldest revision that can still be read
   */
  record Compacted(long revision, long compactRevision) implements ListResult {}

  /**
   * The asked revision is newer than the current revision (etcd's "required revision is a future
   * revision").
   *
   * @param revision the current store revision
   * @param requestedRevision the revision that was asked for
   */
  record FutureRevision(long revision, long requestedRevision) implements ListResult {}
}
