package io.gatehouse.server.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.api.GroupVersion;
import io.gatehouse.server.openapi.Operation.PathItem;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The OpenAPI documents of the served resources: the {@code /openapi/v3} root, one OpenAPI 3.0
 * document per group/version, and the Swagger 2.0 document of all of them (JSON and protobuf).
 * Built-in resources are published at creation; other sources (custom resources) publish and
 * withdraw theirs under a key of their own with {@link #publish} and {@link #unpublish}, which
 * changes the affected documents' hashes.
 *
 * <p>Documents are rendered on first request and cached until the published resources change.
 * ETags are upstream's: the upper-case hex SHA-512 of the JSON bytes. Thread-safe.
 */
public final class OpenApiService {

  /**
   * A rendered document.
   *
   * @param body the bytes served (must not be modified)
   * @param etag the hash of the document's JSON, unquoted
   */
  public record Rendered(byte[] body, String etag) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BUILTIN = "";

  private final String version;
  private final Definitions builtin;
  private final Map<String, List<PublishedResource>> sources = new LinkedHashMap<>();
  private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();

  private OpenApiService(String version, Definitions builtin) {
    this.version = version;
    this.builtin = builtin;
  }

  /**
   * Creates the service.
   *
   * @param version the Kubernetes version documents carry in {@code info.version}, e.g. {@code
   *     v1.33.0}
   * @param builtin the built-in definitions
   * @param resources the built-in resources to publish
   */
  public static OpenApiService create(String version, Definitions builtin,
      List<PublishedResource> resources) {
    OpenApiService s = new OpenApiService(version, builtin);
    s.publish(BUILTIN, resources);
    return s;
  }

  /** Publishes (or replaces) the resources of source {@code key}. */
  public synchronized void publish(String key, List<PublishedResource> resources) {
    sources.put(key, List.copyOf(resources));
    snapshot.set(new Snapshot(version, builtin, sources));
  }

  /** Withdraws what source {@code key} published; nothing happens for an unknown key. */
  public synchronized void unpublish(String key) {
    if (!key.equals(BUILTIN) && sources.remove(key) != null) {
      snapshot.set(new Snapshot(version, builtin, sources));
    }
  }

  /** The built-in definitions overlaid with every contributed one. */
  public Definitions definitions() {
    return snapshot.get().definitions;
  }

  /** The {@code /openapi/v3} root: each group/version's path with its document's hash. */
  public Rendered root() {
    return snapshot.get().root();
  }

  /** The OpenAPI 3.0 document of {@code key} ({@code api/v1}, {@code apis/apps/v1}), if served. */
  public Optional<Rendered> groupVersion(String key) {
    return snapshot.get().groupVersion(key);
  }

  /** The Swagger 2.0 document as JSON. */
  public Rendered v2Json() {
    return snapshot.get().v2.get()[0];
  }

  /** The Swagger 2.0 document as gnostic protobuf, with the JSON document's ETag. */
  public Rendered v2Protobuf() {
    return snapshot.get().v2.get()[1];
  }

  /** One immutable state of the published resources, rendering lazily. */
  private static final class Snapshot {
    final String version;
    final Definitions definitions;
    final Map<String, List<PublishedResource>> byGroupVersion = new TreeMap<>();
    final Map<String, Rendered> documents = new ConcurrentHashMap<>();
    final Supplier<Rendered> rootDoc = memo(this::renderRoot);
    // Both encodings at once, so that the (large) document tree is not kept.
    final Supplier<Rendered[]> v2 = memo(() -> {
      Map<String, Object> tree = renderV2();
      Rendered json = rendered(json(tree));
      return new Rendered[] {json, new Rendered(SwaggerProtobuf.encode(tree), json.etag())};
    });

    Snapshot(String version, Definitions builtin, Map<String, List<PublishedResource>> sources) {
      this.version = version;
      Map<String, Map<String, Object>> extra = new LinkedHashMap<>();
      for (List<PublishedResource> list : sources.values()) {
        for (PublishedResource r : list) {
          extra.putAll(r.definitions());
          byGroupVersion.computeIfAbsent(ResourcePaths.key(r.resource().groupVersion()),
              k -> new ArrayList<>()).add(r);
        }
      }
      this.definitions = builtin.with(extra);
    }

    Rendered root() {
      return rootDoc.get();
    }

    Optional<Rendered> groupVersion(String key) {
      if (!byGroupVersion.containsKey(key)) {
        return Optional.empty();
      }
      return Optional.of(documents.computeIfAbsent(key, this::renderGroupVersion));
    }

    private Rendered renderRoot() {
      Map<String, Object> paths = new TreeMap<>();
      for (String key : byGroupVersion.keySet()) {
        String hash = groupVersion(key).orElseThrow().etag();
        paths.put(key, Map.of("serverRelativeURL", "/openapi/v3/" + key + "?hash=" + hash));
      }
      return rendered(json(Map.of("paths", paths)));
    }

    private Rendered renderGroupVersion(String key) {
      List<PublishedResource> resources = byGroupVersion.get(key);
      GroupVersion gv = resources.get(0).resource().groupVersion();
      List<PathItem> paths = new ArrayList<>();
      paths.add(ResourcePaths.discovery(gv));
      Set<String> roots = new LinkedHashSet<>(List.of(ResourcePaths.RESOURCE_LIST));
      for (PublishedResource r : resources) {
        paths.addAll(ResourcePaths.of(r));
        roots.addAll(references(r));
      }
      return rendered(json(V3Writer.document(version, paths, definitions.closure(roots))));
    }

    private Map<String, Object> renderV2() {
      List<PathItem> paths = new ArrayList<>();
      Set<String> roots = new LinkedHashSet<>(List.of(ResourcePaths.RESOURCE_LIST));
      for (List<PublishedResource> resources : byGroupVersion.values()) {
        paths.add(ResourcePaths.discovery(resources.get(0).resource().groupVersion()));
        for (PublishedResource r : resources) {
          paths.addAll(ResourcePaths.of(r));
          roots.addAll(references(r));
        }
      }
      return V2Writer.document(version, paths, definitions.closure(roots));
    }

    private static List<String> references(PublishedResource r) {
      List<String> refs = new ArrayList<>(List.of(r.kindDefinition(), r.listDefinition(),
          ResourcePaths.STATUS, ResourcePaths.DELETE_OPTIONS, ResourcePaths.PATCH,
          ResourcePaths.WATCH_EVENT));
      refs.addAll(r.subresources().values());
      return refs;
    }
  }

  private static <T> Supplier<T> memo(Supplier<T> supplier) {
    return new Supplier<>() {
      private volatile T value;

      @Override
      public T get() {
        T v = value;
        if (v == null) {
          synchronized (this) {
            v = value;
            if (v == null) {
              v = supplier.get();
              value = v;
            }
          }
        }
        return v;
      }
    };
  }

  private static byte[] json(Object tree) {
    try {
      return JSON.writeValueAsBytes(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode an OpenAPI document", e);
    }
  }

  private static Rendered rendered(byte[] json) {
    return new Rendered(json, etag(json));
  }

  /** Upstream's ETag: the SHA-512 of the bytes in upper-case hex. */
  static String etag(byte[] data) {
    try {
      return HexFormat.of().withUpperCase().formatHex(
          MessageDigest.getInstance("SHA-512").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
