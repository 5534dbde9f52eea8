package io.gatehouse.storage;

/**
 * What {@link KeyValueStore#list} reads: at which revision, how many keys, and after which key.
 *
 * <p>Kubernetes' {@code limit}/{@code continue} maps onto these options: the first page is read at
 * revision 0 (the current one) with a limit; its continue token records {@link
 * ListResult.Page#revision()} and {@link ListResult.Page#lastKey()}; the next page is read with
 * {@code atRevision(thatRevision).after(thatKey)}, so every page shows the same consistent state.
 *
 * @param revision the revision to read at; 0 means the current revision
 * @param limit the maximum number of keys to return; 0 means no limit
 * @param after only keys strictly greater than this one (in UTF-8 byte order) are returned; the
 *     empty string means from the start of the prefix
 */
public record ListOptions(long revision, int limit, String after) {

  /**
   * @throws IllegalArgumentException if {@code revision} or {@code limit} is negative
   */
  public ListOptions {
    if (revision < 0) {
      throw new IllegalArgumentException("revision must not be negative: " + revision);
    }
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
  }

  /** Every key under the prefix at the current revision. */
  public static ListOptions latest() {
    return new ListOptions(0, 0, "");
  }

  /** Every key under the prefix at {@code revision} (0 = current). */
  public static ListOptions atRevision(long revision) {
    return new ListOptions(revision, 0, "");
  }

  /** Returns these options with {@code limit} (0 = no limit). */
  public ListOptions withLimit(int limit) {
    return new ListOptions(revision, limit, after);
  }

  /** Returns these options continuing after {@code key}, exclusive. */
  public ListOptions after(String key) {
    return new ListOptions(revision, limit, key);
  }
}
