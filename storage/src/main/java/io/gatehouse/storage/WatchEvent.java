package io.gatehouse.storage;

/**
 * What a {@link Watch} delivers: changes in revision order, progress marks, and finally one
 * terminal event. Exhaustive {@code switch} over the records is intended.
 */
public sealed interface WatchEvent {

  /** A write to a key under the watched prefix. */
  sealed interface Change extends WatchEvent {
    /** The key that changed. */
    String key();

    /** The revision of the write. */
    long revision();
  }

  /** The last event of a watch; every later call to {@link Watch#next()} returns it again. */
  sealed interface Terminal extends WatchEvent {}

  /**
   * A key was created (a new generation: {@code kv.createRevision() == kv.modRevision()}); the API
   * server's ADDED.
   *
   * @param kv the new version
   */
  record Created(KeyValue kv) implements Change {
    @Override
    public String key() {
      return kv.key();
    }

    @Override
    public long revision() {
      return kv.modRevision();
    }
  }

  /**
   * A live key got a new version; the API server's MODIFIED.
   *
   * @param kv the new version
   * @param previous the version it replaced
   */
  record Updated(KeyValue kv, KeyValue previous) implements Change {
    @Override
    public String key() {
      return kv.key();
    }

    @Override
    public long revision() {
      return kv.modRevision();
    }
  }

  /**
   * A key was deleted; the API server's DELETED, which shows {@code previous} at {@code revision}.
   *
   * @param key the deleted key
   * @param revision the revision of the deletion
   * @param previous the version that was deleted
   */
  record Deleted(String key, long revision, KeyValue previous) implements Change {}

  /**
   * Every change under the prefix up to {@code revision} has been delivered before this event (the
   * API server's BOOKMARK). Sent only in answer to {@link Watch#requestProgress()}.
   *
   * @param revision the revision the watch has caught up with
   */
  record Progress(long revision) implements WatchEvent {}

  /**
   * The watch cannot continue because the history it needs was compacted: it started, or fell
   * behind, before {@code compactRevision} (the API server's 410 "too old resource version").
   *
   * @param compactRevision the store's compacted revision
   */
  record Compacted(long compactRevision) implements Terminal {}

  /**
   * The watch ended for {@code reason}; the client may watch again from the last revision it saw.
   *
   * @param reason why it ended
   */
  record Ended(Reason reason) implements Terminal {}

  /** Why a watch {@link Ended}. */
  enum Reason {
    /** {@link Watch#close()} was called. */
    CLOSED,
    /** The consumer fell more than the watch buffer behind; events up to the gap were delivered. */
    TOO_SLOW,
    /** The store was closed. */
    STORE_CLOSED
  }
}
