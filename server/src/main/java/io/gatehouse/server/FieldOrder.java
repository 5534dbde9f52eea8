package io.gatehouse.server;

import io.gatehouse.api.Unstructured;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Puts object trees in the key order kube-apiserver writes them in, so that Gatehouse's JSON
 * (whose maps keep insertion order) matches upstream byte for byte. Built-in kinds are Go structs
 * encoded by encoding/json: fields in declaration order ({@link FieldOrderTable}), fields the type
 * lacks after them in sorted order, Go maps (labels, data, resource lists…) with sorted keys.
 * Everything else — custom resources, which upstream handles as {@code unstructured.Unstructured}
 * — is a Go map at every level: keys sorted everywhere. Keys sort as Go's {@code strings.Compare}
 * does, by UTF-8 bytes ({@link #compareKeys}).
 *
 * <p>Ordering is in place: a {@link LinkedHashMap} is reordered by moving its entries ({@link
 * LinkedHashMap#putLast}); any other map, and a list whose elements had to be replaced, is
 * replaced in its parent by an ordered copy. A map already in order is only read, so ordering an
 * object a second time costs one walk and no allocation. Values inside are never changed. Stateless
 * apart from the immutable table; thread-safe, but an object must not be read by others while it
 * is being ordered.
 */
final class FieldOrder {

  private static final FieldOrder KUBERNETES_133 = new FieldOrder(FieldOrderTable.load());
  private static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";
  private static final String RESOURCE_VERSION = "resourceVersion";

  private final FieldOrderTable table;
  private final StructOrder objectMeta;
  private final int resourceVersionRank;

  FieldOrder(FieldOrderTable table) {
    this.table = table;
    StructOrder meta = table.type(OBJECT_META);
    if (meta == null) {
      throw new IllegalStateException(FieldOrderTable.RESOURCE + " lacks " + OBJECT_META);
    }
    this.objectMeta = meta;
    this.resourceVersionRank = meta.rank(RESOURCE_VERSION);
  }

  /** The order of Kubernetes 1.33's built-in types. */
  static FieldOrder kubernetes133() {
    return KUBERNETES_133;
  }

  /** Whether {@code apiVersion}/{@code kind} is a built-in kind (else: sorted everywhere). */
  boolean builtin(String apiVersion, String kind) {
    return table.kind(apiVersion, kind) != null;
  }

  /**
   * Orders {@code object} in place by its own {@code apiVersion} and {@code kind}. A top-level map
   * other than a {@link LinkedHashMap} is refilled in order (it must be mutable).
   */
  void order(Unstructured object) {
    Map<String, @Nullable Object> top = object.object();
    StructOrder type = table.kind(object.apiVersion(), object.kind());
    Object ordered = type == null ? sortAll(top) : struct(top, type);
    if (ordered != top) {
      top.clear();
      top.putAll(cast((Map<?, ?>) ordered));
    }
  }

  /**
   * Returns a deep copy of {@code metadata} in ObjectMeta's order, as upstream writes the {@code
   * PartialObjectMetadata} of any object (custom resources included, whose own metadata is
   * sorted). {@code metadata} is not changed.
   */
  Map<String, @Nullable Object> copyAsObjectMeta(Map<String, @Nullable Object> metadata) {
    return struct(Unstructured.copyOf(metadata).object(), objectMeta);
  }

  /**
   * Sets {@code metadata.resourceVersion} of {@code object} where encoding/json puts it: at its
   * ObjectMeta position for built-in kinds (after {@code uid}), in sorted position otherwise. An
   * existing value is replaced where it stands. Creates {@code metadata} if absent.
   */
  void putResourceVersion(Unstructured object, String resourceVersion) {
    placeResourceVersion(object, resourceVersion);
  }

  /** As {@link #putResourceVersion}, with any value (the slot of {@link ObjectBytes#writeSlotted}). */
  void placeResourceVersion(Unstructured object, Object resourceVersion) {
    Map<String, @Nullable Object> meta = object.metadataForWrite();
    if (meta.containsKey(RESOURCE_VERSION) || !(meta instanceof LinkedHashMap<String,
        @Nullable Object> m)) {
      meta.put(RESOURCE_VERSION, resourceVersion);
      return;
    }
    boolean builtin = table.kind(object.apiVersion(), object.kind()) != null;
    Object[] after = new Object[m.size() * 2];
    int n = 0;
    for (Map.Entry<String, @Nullable Object> e : m.entrySet()) {
      String k = e.getKey();
      if (builtin ? objectMeta.rank(k) > resourceVersionRank : compareKeys(k, RESOURCE_VERSION) > 0) {
        after[n++] = k;
        after[n++] = e.getValue();
      }
    }
    m.put(RESOURCE_VERSION, resourceVersion);
    for (int i = 0; i < n; i += 2) {
      m.putLast((String) after[i], after[i + 1]);
    }
  }

  /** Orders a struct's fields; returns the map to use (an ordered copy of a non-LinkedHashMap). */
  private Map<String, @Nullable Object> struct(Map<String, @Nullable Object> map,
      StructOrder type) {
    LinkedHashMap<String, @Nullable Object> m = linked(map);
    int previous = -1;
    String previousKey = "";
    boolean ordered = true;
    for (Map.Entry<String, @Nullable Object> e : m.entrySet()) {
      String key = e.getKey();
      int rank = type.rank(key);
      if (rank < type.size()) {
        Object v = e.getValue();
        Object ordered2 = value(v, type, rank);
        if (ordered2 != v) {
          e.setValue(ordered2);
        }
      }
      if (rank < previous || rank == type.size() && previous == rank
          && compareKeys(previousKey, key) > 0) {
        ordered = false;
      }
      previous = rank;
      previousKey = key;
    }
    if (!ordered) {
      reorder(m, type);
    }
    return m;
  }

  private @Nullable Object value(@Nullable Object v, StructOrder type, int rank) {
    return switch (type.shape(rank)) {
      case KEEP -> v;
      case MAP -> v instanceof Map<?, ?> map ? sorted(cast(map), null) : v;
      case STRUCT -> elements(v, type.element(rank));
      case MAP_OF_STRUCT -> v instanceof Map<?, ?> map ? sorted(cast(map), type.element(rank)) : v;
    };
  }

  /** A struct, or each struct of a list, ordered as {@code element}; other values kept. */
  private @Nullable Object elements(@Nullable Object v, @Nullable StructOrder element) {
    if (element == null) {
      return v;
    }
    if (v instanceof Map<?, ?> map) {
      return struct(cast(map), element);
    }
    if (v instanceof List<?> list) {
      List<@Nullable Object> l = castList(list);
      for (int i = 0; i < l.size(); i++) {
        Object item = l.get(i);
        if (item instanceof Map<?, ?> map) {
          Map<String, @Nullable Object> o = struct(cast(map), element);
          if (o != item) {
            l = mutable(l);
            l.set(i, o);
          }
        }
      }
      return l;
    }
    return v;
  }

  /** A Go map: keys sorted; values ordered as {@code element} when given. */
  private Map<String, @Nullable Object> sorted(Map<String, @Nullable Object> map,
      @Nullable StructOrder element) {
    return sortedKeys(linked(map), element == null ? null : v -> elements(v, element));
  }

  /**
   * Replaces each value of {@code m} by {@code values} of it (when given), then sorts the keys
   * unless they are in order already; returns {@code m}.
   */
  private static LinkedHashMap<String, @Nullable Object> sortedKeys(
      LinkedHashMap<String, @Nullable Object> m,
      @Nullable UnaryOperator<@Nullable Object> values) {
    String previous = null;
    boolean ordered = true;
    for (Map.Entry<String, @Nullable Object> e : m.entrySet()) {
      if (values != null) {
        Object v = e.getValue();
        Object o = values.apply(v);
        if (o != v) {
          e.setValue(o);
        }
      }
      if (previous != null && compareKeys(previous, e.getKey()) > 0) {
        ordered = false;
      }
      previous = e.getKey();
    }
    if (!ordered) {
      sortKeys(m);
    }
    return m;
  }

  /** Sorts the keys of every map in {@code v}, at every level; returns the value to use. */
  private @Nullable Object sortAll(@Nullable Object v) {
    if (v instanceof Map<?, ?> map) {
      return sortedKeys(linked(cast(map)), this::sortAll);
    }
    if (v instanceof List<?> list) {
      List<@Nullable Object> l = castList(list);
      for (int i = 0; i < l.size(); i++) {
        Object item = l.get(i);
        Object o = sortAll(item);
        if (o != item) {
          l = mutable(l);
          l.set(i, o);
        }
      }
      return l;
    }
    return v;
  }

  private static void reorder(LinkedHashMap<String, @Nullable Object> m, StructOrder type) {
    String[] keys = m.keySet().toArray(String[]::new);
    Arrays.sort(keys, (a, b) -> {
      int ra = type.rank(a);
      int rb = type.rank(b);
      return ra != rb ? Integer.compare(ra, rb) : compareKeys(a, b);
    });
    moveInOrder(m, keys);
  }

  private static void sortKeys(LinkedHashMap<String, @Nullable Object> m) {
    String[] keys = m.keySet().toArray(String[]::new);
    Arrays.sort(keys, FieldOrder::compareKeys);
    moveInOrder(m, keys);
  }

  private static void moveInOrder(LinkedHashMap<String, @Nullable Object> m, String[] keys) {
    for (String k : keys) {
      m.putLast(k, m.get(k));
    }
  }

  /**
   * Go's {@code strings.Compare} on the keys' UTF-8 bytes, which is code point order; Java's
   * {@link String#compareTo} compares UTF-16 units and differs for supplementary characters.
   */
  static int compareKeys(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char ca = a.charAt(i);
      char cb = b.charAt(i);
      if (ca != cb) {
        if (Character.isSurrogate(ca) || Character.isSurrogate(cb)) {
          return Integer.compare(a.codePointAt(i), b.codePointAt(i));
        }
        return Character.compare(ca, cb);
      }
    }
    return Integer.compare(a.length(), b.length());
  }

  private static LinkedHashMap<String, @Nullable Object> linked(Map<String, @Nullable Object> m) {
    return m instanceof LinkedHashMap<String, @Nullable Object> l ? l : new LinkedHashMap<>(m);
  }

  private static List<@Nullable Object> mutable(List<@Nullable Object> l) {
    return l instanceof ArrayList<@Nullable Object> ? l : new ArrayList<>(l);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, @Nullable Object> cast(Map<?, ?> m) {
    return (Map<String, @Nullable Object>) m;
  }

  @SuppressWarnings("unchecked")
  private static List<@Nullable Object> castList(List<?> l) {
    return (List<@Nullable Object>) l;
  }
}
