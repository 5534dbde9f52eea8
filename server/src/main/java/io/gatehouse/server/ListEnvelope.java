package io.gatehouse.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The list object around a page of items, in upstream's shape and key order. A built-in list is
 * a Go struct written field by field ({@code kind}, {@code apiVersion}, {@code metadata}, {@code
 * items}, as the JSON serializer's streaming list encoder does; the items without {@code kind} and
 * {@code apiVersion}), its ListMeta in declaration order
 * ({@code resourceVersion}, {@code continue}, {@code remainingItemCount}) with an empty {@code
 * continue} left out. A custom resource list is an {@code UnstructuredList}, written as one Go
 * map: keys sorted ({@code apiVersion}, {@code items}, {@code kind}, {@code metadata}), its
 * metadata too, where the storage layer's {@code UpdateList} stores {@code continue} even when it
 * is empty. Stateless.
 */
final class ListEnvelope {

  private ListEnvelope() {}

  /**
   * Returns a list response's page of {@code items} (already in order) served by {@code r}.
   *
   * @param remaining the remaining item count, or null when not reported
   */
  static Map<String, @Nullable Object> page(StoredResource r, String resourceVersion,
      String continueToken, @Nullable Long remaining, List<?> items) {
    Map<String, @Nullable Object> meta = new LinkedHashMap<>();
    meta.put("resourceVersion", resourceVersion);
    if (!continueToken.isEmpty() || !builtin(r)) {
      meta.put("continue", continueToken);
    }
    if (remaining != null) {
      meta.put("remainingItemCount", remaining);
    }
    return of(r, meta, items);
  }

  /** Returns the list of {@code items} with the ListMeta fields {@code meta} (in ListMeta order). */
  static Map<String, @Nullable Object> of(StoredResource r, Map<String, ?> meta, List<?> items) {
    Map<String, @Nullable Object> list = new LinkedHashMap<>();
    if (builtin(r)) {
      list.put("kind", r.served().listKind());
      list.put("apiVersion", r.kind().apiVersion());
      list.put("metadata", meta);
      list.put("items", withoutTypeMeta(items));
    } else {
      list.put("apiVersion", r.kind().apiVersion());
      list.put("items", items);
      list.put("kind", r.served().listKind());
      list.put("metadata", new TreeMap<>(meta));
    }
    return list;
  }

  /**
   * A built-in list's items as upstream writes them: each item is the typed object converted for
   * the list, whose TypeMeta nobody sets, so {@code kind} and {@code apiVersion} are left out
   * (kubernetes/kubernetes#3030). Shallow copies: the items may be shared.
   */
  private static List<?> withoutTypeMeta(List<?> items) {
    List<Object> out = new ArrayList<>(items.size());
    for (Object item : items) {
      if (item instanceof Map<?, ?> m && (m.containsKey("kind") || m.containsKey("apiVersion"))) {
        Map<Object, Object> copy = new LinkedHashMap<>(m);
        copy.remove("kind");
        copy.remove("apiVersion");
        out.add(copy);
      } else {
        out.add(item);
      }
    }
    return out;
  }

  private static boolean builtin(StoredResource r) {
    return FieldOrder.kubernetes133().builtin(r.kind().apiVersion(), r.kind().kind());
  }
}
