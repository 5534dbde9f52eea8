package io.gatehouse.server;

import io.gatehouse.api.Status;
import io.gatehouse.api.StatusReason;
import io.gatehouse.api.Unstructured;
import io.gatehouse.storage.KeyValueStore;
import io.gatehouse.storage.Watch;
import io.gatehouse.storage.WatchEvent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Serves one watch request as kube-apiserver does: without a resourceVersion (or with {@code 0})
 * a synthetic ADDED per current object first, then every change after that state; with one, the
 * changes after it. Each event is one JSON line {@code {"type":…,"object":…}}. Selectors turn a
 * change that leaves the selection into DELETED and one that enters it into ADDED. BOOKMARK events
 * (an object of the kind with only {@code metadata.resourceVersion}) come when the client allows
 * them and the watch has been idle for the bookmark interval. History older than the compacted
 * revision ends the stream with an ERROR event (410 Expired, {@code too old resource version: N
 * (C)}). The stream ends at {@code timeoutSeconds}, when the client goes away, or when the server
 * stops. Not thread-safe: one per request.
 */
final class WatchStreamer implements ResponseStream {

  private static final Duration POLL = Duration.ofMillis(500);

  private final KeyValueStore store;
  private final RegistryReader reader;
  private final StoredResource resource;
  private final String namespace;
  private final ObjectFilter filter;
  private final String resourceVersion;
  private final boolean bookmarks;
  private final Duration timeout;
  private final Duration bookmarkInterval;
  private final BooleanSupplier stopping;
  private final Function<Unstructured, Object> encoder;

  WatchStreamer(KeyValueStore store, StoredResource resource, String namespace, ObjectFilter filter,
      String resourceVersion, boolean bookmarks, Duration timeout, Duration bookmarkInterval,
      BooleanSupplier stopping, Function<Unstructured, Object> encoder) {
    this.store = store;
    this.reader = new RegistryReader(store);
    this.resource = resource;
    this.namespace = namespace;
    this.filter = filter;
    this.resourceVersion = resourceVersion;
    this.bookmarks = bookmarks;
    this.timeout = timeout;
    this.bookmarkInterval = bookmarkInterval;
    this.stopping = stopping;
    this.encoder = encoder;
  }

  @Override
  public void write(Sink sink) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long after;
    if (resourceVersion.isEmpty() || resourceVersion.equals("0")) {
      RegistryReader.Page page = reader.list(resource, namespace,
          new ListQuery(filter, 0, "", "", ""));
      for (Unstructured obj : page.items()) {
        if (!send(sink, "ADDED", encoder.apply(obj))) {
          return;
        }
      }
      after = page.revision();
    } else {
      after = ListQuery.parseResourceVersion(resourceVersion);
    }
    long lastActivity = System.nanoTime();
    try (Watch watch = store.watch(resource.prefix(namespace), after)) {
      while (!sink.closed() && !stopping.getAsBoolean() && System.nanoTime() < deadline) {
        Optional<WatchEvent> next = watch.poll(POLL);
        if (next.isEmpty()) {
          if (bookmarks && System.nanoTime() - lastActivity > bookmarkInterval.toNanos()) {
            watch.requestProgress();
            lastActivity = System.nanoTime();
          }
          continue;
        }
        lastActivity = System.nanoTime();
        if (!deliver(sink, next.get(), after)) {
          return;
        }
      }
    }
  }

  /** Returns whether to go on. */
  private boolean deliver(Sink sink, WatchEvent event, long after) {
    return switch (event) {
      case WatchEvent.Created c -> {
        Unstructured obj = read(c.kv().value(), c.revision());
        yield !filter.matches(obj) || send(sink, "ADDED", encoder.apply(obj));
      }
      case WatchEvent.Updated u -> {
        Unstructured obj = read(u.kv().value(), u.revision());
        Unstructured old = read(u.previous().value(), u.previous().modRevision());
        boolean now = filter.matches(obj);
        boolean before = filter.matches(old);
        if (now && before) {
          yield send(sink, "MODIFIED", encoder.apply(obj));
        } else if (now) {
          yield send(sink, "ADDED", encoder.apply(obj));
        } else if (before) {
          yield send(sink, "DELETED", encoder.apply(obj));
        }
        yield true;
      }
      case WatchEvent.Deleted d -> {
        Unstructured obj = read(d.previous().value(), d.revision());
        yield !filter.matches(obj) || send(sink, "DELETED", encoder.apply(obj));
      }
      case WatchEvent.Progress p -> !bookmarks || send(sink, "BOOKMARK", bookmark(p.revision()));
      case WatchEvent.Compacted c -> {
        Status s = new Status("too old resource version: " + after + " (" + c.compactRevision()
            + ")", StatusReason.EXPIRED, null, 410);
        send(sink, "ERROR", s.toMap());
        yield false;
      }
      case WatchEvent.Ended e -> false;
    };
  }

  private Unstructured read(byte[] value, long revision) {
    return Registry.served(resource, ObjectBytes.read(value, revision));
  }

  private Map<String, Object> bookmark(long revision) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", resource.kind().kind());
    m.put("apiVersion", resource.kind().apiVersion());
    m.put("metadata", Map.of("resourceVersion", Long.toString(revision)));
    return m;
  }

  private static boolean send(Sink sink, String type, @Nullable Object object) {
    Map<String, @Nullable Object> event = new LinkedHashMap<>();
    event.put("type", type);
    event.put("object", object);
    return sink.write(GoJson.encode(event));
  }
}
