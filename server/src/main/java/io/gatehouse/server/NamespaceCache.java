package io.gatehouse.server;

import io.gatehouse.api.Unstructured;
import io.gatehouse.storage.CreateResult;
import io.gatehouse.storage.DeleteResult;
import io.gatehouse.storage.KeyValue;
import io.gatehouse.storage.KeyValueStore;
import io.gatehouse.storage.UpdateResult;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The namespaces that every namespaced write (NamespaceLifecycle) and admission (Pod Security
 * labels, policy namespace selectors) read, kept in memory as upstream keeps them in an informer
 * cache — but never stale towards this process: a namespace is read from the store on first use
 * and served from memory until a write to its key through {@link #store()} (every writer of the
 * server's store goes through it) drops the entry, before that write returns to its caller. The
 * SQLite store is opened by one process only, so nothing else can change a namespace behind the
 * cache's back (a shared backend such as etcd would need a watch here instead).
 *
 * <p>Absent namespaces are not cached. Cached objects are shared: callers must not modify them
 * ({@link #namespace} hands out copies). Thread-safe.
 */
final class NamespaceCache {

  private static final String PREFIX = "/registry/namespaces/";

  private record Entry(KeyValue kv, Unstructured object) {}

  private final KeyValueStore backing;
  private final KeyValueStore store;
  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final Object lock = new Object();
  private long generation; // guarded by lock: bumped by every invalidation

  /** Wraps {@code backing}; every write must then go through {@link #store()}. */
  NamespaceCache(KeyValueStore backing) {
    this.backing = backing;
    this.store = new Invalidating();
  }

  /** The store to use everywhere: {@code backing}, dropping cached namespaces it writes. */
  KeyValueStore store() {
    return store;
  }

  /** A copy of the stored namespace {@code name}, as read at or after the last write to it. */
  Optional<Unstructured> namespace(String name) {
    return shared(name).map(Unstructured::deepCopy);
  }

  /** The stored namespace {@code name}, shared: the caller must not modify it. */
  Optional<Unstructured> shared(String name) {
    Entry cached = entries.get(name);
    if (cached != null) {
      return Optional.of(cached.object());
    }
    long seen;
    synchronized (lock) {
      seen = generation;
    }
    Optional<KeyValue> kv = backing.get(NamespaceLifecycle.key(name)).kv();
    if (kv.isEmpty()) {
      return Optional.empty();
    }
    Entry entry = new Entry(kv.get(), ObjectBytes.read(kv.get()));
    synchronized (lock) {
      // A write that finished while we read may have made what we read stale: keep it out.
      if (generation == seen) {
        entries.merge(name, entry, (old, fresh) ->
            old.kv().modRevision() >= fresh.kv().modRevision() ? old : fresh);
      }
    }
    return Optional.of(entry.object());
  }

  private void written(String key) {
    if (key.startsWith(PREFIX)) {
      synchronized (lock) {
        generation++;
        entries.remove(key.substring(PREFIX.length()));
      }
    }
  }

  /** The backing store, dropping the cached copy of every namespace written through it. */
  private final class Invalidating extends ForwardingStore {

    Invalidating() {
      super(backing);
    }

    @Override
    public CreateResult create(String key, byte[] value) {
      try {
        return super.create(key, value);
      } finally {
        written(key);
      }
    }

    @Override
    public UpdateResult update(String key, long expectedRevision, byte[] value) {
      try {
        return super.update(key, expectedRevision, value);
      } finally {
        written(key);
      }
    }

    @Override
    public DeleteResult delete(String key, long expectedRevision) {
      try {
        return super.delete(key, expectedRevision);
      } finally {
        written(key);
      }
    }
  }
}
