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
 * stops. Changes are decoded, and without a table encoder their lines encoded, once for all
 * watches by the shared {@link WatchEventCache}. Not thread-safe: one per request.
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
  private final @Nullable Function<Unstructured, Object> encoder;
  private final WatchEventCache events;

  WatchStreamer(KeyValueStore store, StoredResource resource, String namespace, ObjectFilter filter,
      String resourceVersion, boolean bookmarks, Duration timeout, Duration bookmarkInterval,
      BooleanSupplier stopping, @Nullable Function<Unstructured, Object> encoder,
      WatchEventCache events) {
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
    this.events = events;
  }

  @Override
  public void write(Sink sink) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long after;
    if (resourceVersion.isEmpty() || resourceVersion.equals("0")) {
      RegistryReader.Page page = reader.list(resource, namespace,
          new ListQuery(filter, 0, "", "", ""));
      for (Unstructured obj : page.items()) {
        if (!send(sink, "ADDED", encoder == null ? obj.object() : encoder.apply(obj))) {
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
        WatchEventCache.Decoded d = events.decoded(resource, c);
        yield !filter.matches(d.object()) || send(sink, "ADDED", d);
      }
      case WatchEvent.Updated u -> {
        WatchEventCache.Decoded d = events.decoded(resource, u);
        boolean now = filter.matches(d.object());
        boolean before = d.previous() != null && filter.matches(d.previous());
        if (now && before) {
          yield send(sink, "MODIFIED", d);
        } else if (now) {
          yield send(sink, "ADDED", d);
        } else if (before) {
          yield send(sink, "DELETED", d);
        }
        yield true;
      }
      case WatchEvent.Deleted del -> {
        WatchEventCache.Decoded d = events.decoded(resource, del);
        yield !filter.matches(d.object()) || send(sink, "DELETED", d);
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

  /** Sends a stored change: the shared encoded line, or this watch's own encoding (tables). */
  private boolean send(Sink sink, String type, WatchEventCache.Decoded d) {
    return encoder == null ? sink.write(d.line(type))
        : send(sink, type, encoder.apply(d.object().deepCopy()));
  }

  private Map<String, Object> bookmark(long revision) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", resource.kind().kind());
    m.put("apiVersion", resource.kind().apiVersion());
    m.put("metadata", Map.of("resourceVersion", Long.toString(revision)));
    FieldOrder.kubernetes133().order(io.gatehouse.api.Unstructured.wrap(m)); // sorted for CRs
    return m;
  }

  private static boolean send(Sink sink, String type, @Nullable Object object) {
    return sink.write(WatchEventCache.line(type, object));
  }
}
