package io.gatehouse.server;

import io.gatehouse.api.Unstructured;
import io.gatehouse.storage.KeyValue;
import io.gatehouse.storage.WatchEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Decodes each stored change once for every watch that receives it, and encodes each event line
 * ({@code {"type":…,"object":…}}) once per event type — as upstream's watch cache serializes an
 * event once per format instead of once per watcher. The store hands every watch the same change
 * instance, which is the key; a change replayed from history is a new instance and is decoded
 * again (correct, only slower). Memory is bounded: when the cached changes' stored bytes exceed
 * {@link #MAX_BYTES} the cache starts over (watchers consume an event within moments of each
 * other, so little is lost). Thread-safe.
 */
final class WatchEventCache {

  static final long MAX_BYTES = 32L * 1024 * 1024;

  private final ConcurrentHashMap<Same, Decoded> entries = new ConcurrentHashMap<>();
  private final AtomicLong bytes = new AtomicLong();

  /**
   * A change as {@code resource} serves it: the object after it (for a deletion, the last state
   * with the deletion's resourceVersion) and, for an update, the object before it. Both are shared
   * by every watch: read them, never modify them.
   */
  static final class Decoded {
    private final StoredResource resource;
    private final Unstructured object;
    private final @Nullable Unstructured previous;
    private final ConcurrentHashMap<String, byte[]> lines = new ConcurrentHashMap<>(2);

    private Decoded(StoredResource resource, Unstructured object, @Nullable Unstructured previous) {
      this.resource = resource;
      this.object = object;
      this.previous = previous;
    }

    Unstructured object() {
      return object;
    }

    /** The object before an update; null for other changes. */
    @Nullable Unstructured previous() {
      return previous;
    }

    /** The JSON event line of {@code type} carrying {@link #object()}, encoded once. */
    byte[] line(String type) {
      return lines.computeIfAbsent(type, t -> WatchEventCache.line(t, object.object()));
    }
  }

  /** Encodes one watch event line. */
  static byte[] line(String type, @Nullable Object object) {
    Map<String, @Nullable Object> event = new LinkedHashMap<>();
    event.put("type", type);
    event.put("object", object);
    return GoJson.encode(event);
  }

  /** A change compared by identity (its values' equality would hash whole objects). */
  private record Same(WatchEvent.Change change) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Same s && s.change == change;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(change);
    }
  }

  /** Returns {@code change} as {@code resource} serves it, decoding it on first request. */
  Decoded decoded(StoredResource resource, WatchEvent.Change change) {
    Same key = new Same(change);
    Decoded cached = entries.get(key);
    if (cached != null && cached.resource == resource) {
      return cached;
    }
    if (cached != null) {
      return decode(resource, change); // another resource (version) of the same store key
    }
    if (bytes.addAndGet(size(change)) > MAX_BYTES) {
      entries.clear();
      bytes.set(size(change));
    }
    Decoded d = entries.computeIfAbsent(key, k -> decode(resource, change));
    return d.resource == resource ? d : decode(resource, change);
  }

  private static long size(WatchEvent.Change change) {
    return switch (change) {
      case WatchEvent.Created c -> c.kv().value().length;
      case WatchEvent.Updated u -> u.kv().value().length + u.previous().value().length;
      case WatchEvent.Deleted d -> d.previous().value().length;
    };
  }

  private static Decoded decode(StoredResource resource, WatchEvent.Change change) {
    return switch (change) {
      case WatchEvent.Created c -> new Decoded(resource, read(resource, c.kv(), c.revision()),
          null);
      case WatchEvent.Updated u -> new Decoded(resource, read(resource, u.kv(), u.revision()),
          read(resource, u.previous(), u.previous().modRevision()));
      case WatchEvent.Deleted d -> new Decoded(resource, read(resource, d.previous(),
          d.revision()), null);
    };
  }

  private static Unstructured read(StoredResource resource, KeyValue kv, long revision) {
    return Registry.served(resource, ObjectBytes.read(kv.value(), revision));
  }
}
