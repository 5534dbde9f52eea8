package io.gatehouse.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.api.Unstructured;
import io.gatehouse.auth.webhook.Kubeconfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A live copy of some resources of a real API server, kept as client-go's reflectors keep theirs:
 * for each resource a LIST (paged) and then a WATCH from the list's resourceVersion with
 * bookmarks; an expired resourceVersion (410) or a broken stream means a fresh LIST after a short
 * pause. Every change bumps {@link #version()} and calls the change listener.
 *
 * <p>A resource the server does not serve (404) stays empty; any other failure of the first LIST
 * is reported by {@link #awaitSynced}. Thread-safe; {@link #close()} stops the watch threads.
 */
final class ClusterMirror implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterMirror.class);
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.USE_LONG_FOR_INTS);
  private static final int PAGE = 500;
  private static final Duration RETRY = Duration.ofSeconds(1);
  private static final int WATCH_SECONDS = 300;

  /**
   * One mirrored resource.
   *
   * @param path the collection path, e.g. {@code /apis/rbac.authorization.k8s.io/v1/roles}
   * @param apiVersion the apiVersion of its objects
   * @param kind the kind of its objects (list items carry none)
   */
  record Resource(String path, String apiVersion, String kind) {}

  private final Kubeconfig kubeconfig;
  private final HttpClient http;
  private final Runnable onChange;
  private final Map<String, Unstructured> objects = new ConcurrentHashMap<>();
  private final AtomicLong version = new AtomicLong();
  private final CountDownLatch synced;
  private final List<String> failures = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean closed;

  private ClusterMirror(Kubeconfig kubeconfig, List<Resource> resources, Runnable onChange) {
    this.kubeconfig = kubeconfig;
    this.http = kubeconfig.httpClient().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    this.onChange = onChange;
    this.synced = new CountDownLatch(resources.size());
  }

  /**
   * Starts mirroring {@code resources}; {@code onChange} runs (on a watch thread) after every
   * change and must not block.
   */
  static ClusterMirror start(Kubeconfig kubeconfig, List<Resource> resources, Runnable onChange) {
    ClusterMirror m = new ClusterMirror(kubeconfig, resources, onChange);
    for (Resource r : resources) {
      m.threads.add(Thread.ofVirtual().name("gatehouse-mirror-" + r.kind()).start(() -> m.run(r)));
    }
    return m;
  }

  /**
   * Waits until every resource has been listed once.
   *
   * @throws IllegalStateException with the reasons if a first LIST failed or the time ran out
   */
  void awaitSynced(Duration timeout) throws InterruptedException {
    boolean done = synced.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    synchronized (failures) {
      if (!failures.isEmpty()) {
        throw new IllegalStateException(String.join("; ", failures));
      }
    }
    if (!done) {
      throw new IllegalStateException("the cluster was not listed within " + timeout.toSeconds() + "s");
    }
  }

  /** A copy of every mirrored object. */
  List<Unstructured> objects() {
    return List.copyOf(objects.values());
  }

  /** Grows with every change. */
  long version() {
    return version.get();
  }

  @Override
  public void close() {
    closed = true;
    threads.forEach(Thread::interrupt);
  }

  private void run(Resource r) {
    boolean first = true;
    while (!closed) {
      try {
        String rv = list(r);
        if (first) {
          first = false;
          synced.countDown();
        }
        watch(r, rv);
      } catch (IOException e) {
        if (closed) {
          return;
        }
        if (first) {
          synchronized (failures) {
            failures.add("list " + r.path() + ": " + e.getMessage());
          }
          synced.countDown();
          return;
        }
        LOG.warn("mirror of {}: {}; listing again", r.path(), e.getMessage());
      } catch (InterruptedException e) {
        return;
      }
      try {
        Thread.sleep(RETRY);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Lists every page, replaces the resource's objects, returns the list's resourceVersion. */
  private String list(Resource r) throws IOException, InterruptedException {
    Map<String, Unstructured> fresh = new LinkedHashMap<>();
    String cont = "";
    String rv;
    do {
      String query = "?limit=" + PAGE + (cont.isEmpty() ? ""
          : "&continue=" + URLEncoder.encode(cont, StandardCharsets.UTF_8));
      HttpResponse<InputStream> resp = send(r.path() + query);
      if (resp.statusCode() == 404) {
        resp.body().close();
        replace(r, fresh);
        return "";
      }
      Map<?, ?> body = body(resp);
      Map<?, ?> meta = body.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
      rv = str(meta.get("resourceVersion"));
      cont = str(meta.get("continue"));
      if (body.get("items") instanceof List<?> items) {
        for (Object item : items) {
          if (item instanceof Map<?, ?> m) {
            Unstructured u = object(r, m);
            fresh.put(key(u), u);
          }
        }
      }
    } while (!cont.isEmpty());
    replace(r, fresh);
    return rv;
  }

  /** Applies watch events until the stream ends; returns normally to have the caller relist. */
  private void watch(Resource r, String rv) throws IOException, InterruptedException {
    if (rv.isEmpty()) {
      Thread.sleep(Duration.ofSeconds(WATCH_SECONDS)); // Not served: look again later.
      return;
    }
    String resourceVersion = rv;
    while (!closed) {
      HttpResponse<InputStream> resp = send(r.path() + "?watch=1&allowWatchBookmarks=true"
          + "&timeoutSeconds=" + WATCH_SECONDS + "&resourceVersion=" + resourceVersion);
      if (resp.statusCode() != 200) {
        body(resp); // throws with the Status message
        return;
      }
      try (BufferedReader lines = new BufferedReader(
          new InputStreamReader(resp.body(), StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          if (line.isBlank()) {
            continue;
          }
          Map<?, ?> event = JSON.readValue(line, Map.class);
          String type = str(event.get("type"));
          Map<?, ?> obj = event.get("object") instanceof Map<?, ?> m ? m : Map.of();
          if (type.equals("ERROR")) {
            throw new ApiFailure(str(obj.get("message")));
          }
          Unstructured u = object(r, obj);
          Map<?, ?> meta = obj.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
          if (!str(meta.get("resourceVersion")).isEmpty()) {
            resourceVersion = str(meta.get("resourceVersion"));
          }
          switch (type) {
            case "ADDED", "MODIFIED" -> changed(() -> objects.put(key(u), u));
            case "DELETED" -> changed(() -> objects.remove(key(u)));
            default -> { } // BOOKMARK: only the resourceVersion moves.
          }
        }
      }
    }
  }

  private void replace(Resource r, Map<String, Unstructured> fresh) {
    String prefix = r.kind() + "/";
    changed(() -> {
      objects.keySet().removeIf(k -> k.startsWith(prefix) && !fresh.containsKey(k));
      objects.putAll(fresh);
    });
  }

  private void changed(Runnable change) {
    change.run();
    version.incrementAndGet();
    onChange.run();
  }

  private HttpResponse<InputStream> send(String pathAndQuery) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(kubeconfig.server()
        .replaceAll("/+$", "") + pathAndQuery)).header("Accept", "application/json")
        .header("User-Agent", "gatehouse-webhook");
    if (kubeconfig.token() != null) {
      b.header("Authorization", "Bearer " + kubeconfig.token());
    }
    return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
  }

  private static Map<?, ?> body(HttpResponse<InputStream> resp) throws IOException {
    Map<?, ?> body;
    try (InputStream in = resp.body()) {
      body = JSON.readValue(in, Map.class);
    } catch (IOException e) {
      throw new ApiFailure("HTTP " + resp.statusCode() + ": unreadable body");
    }
    if (resp.statusCode() != 200) {
      throw new ApiFailure(body.get("message") instanceof String s ? s : "HTTP " + resp.statusCode());
    }
    return body;
  }

  @SuppressWarnings("unchecked")
  private static Unstructured object(Resource r, Map<?, ?> m) {
    Map<String, @Nullable Object> copy = new LinkedHashMap<>((Map<String, Object>) m);
    copy.put("apiVersion", r.apiVersion());
    copy.put("kind", r.kind());
    return Unstructured.wrap(copy);
  }

  private static String key(Unstructured u) {
    return u.kind() + "/" + u.namespace() + "/" + u.name();
  }

  private static String str(@Nullable Object o) {
    return o instanceof String s ? s : "";
  }

  /** The server answered with a failure Status. */
  private static final class ApiFailure extends IOException {
    ApiFailure(String message) {
      super(message);
    }
  }
}
