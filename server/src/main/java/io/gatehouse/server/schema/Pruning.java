package io.gatehouse.server.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * apiextensions' pruning ({@code pkg/apiserver/schema/pruning}): removes every object field the
 * structural schema does not specify, except below {@code x-kubernetes-preserve-unknown-fields}
 * (until nested properties switch pruning back on) and {@code apiVersion}, {@code kind}, {@code
 * metadata} of the resource root and of embedded resources. Returns the removed fields' paths
 * ({@code spec.foo}, {@code spec.items[0].bar}), sorted, for {@code fieldValidation}. Only the
 * structural spine ({@code properties}, {@code items}, {@code additionalProperties}) is consulted.
 * Stateless.
 */
public final class Pruning {

  private static final Set<String> META_FIELDS = Set.of("apiVersion", "kind", "metadata");

  private Pruning() {}

  /**
   * Prunes {@code object} (a custom object: a resource root) in place.
   *
   * @param schema the version's schema, or {@code null} (then everything but the meta fields goes)
   * @return the paths of the pruned fields, sorted
   */
  public static List<String> prune(Map<String, @Nullable Object> object,
      @Nullable JsonSchema schema) {
    return prune(object, schema, true);
  }

  /** Prunes {@code x} in place; a resource root keeps its meta fields. */
  static List<String> prune(@Nullable Object x, @Nullable JsonSchema schema,
      boolean resourceRoot) {
    List<String> pruned = new ArrayList<>();
    if (resourceRoot && x instanceof Map<?, ?> m) {
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) m;
      JsonSchema s = schema == null ? EMPTY : schema;
      if (s.preserveUnknownFields()) {
        skip(x, s, "", pruned, true);
      } else {
        pruneObject(map, s, true, "", pruned);
      }
    } else {
      prune(x, schema, "", pruned);
    }
    Collections.sort(pruned);
    return pruned;
  }

  private static final JsonSchema EMPTY = JsonSchema.parse(Map.of());

  private static void prune(@Nullable Object x, @Nullable JsonSchema s, String path,
      List<String> pruned) {
    if (s != null && s.preserveUnknownFields()) {
      skip(x, s, path, pruned, false);
      return;
    }
    if (x instanceof Map<?, ?> m) {
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) m;
      pruneObject(map, s, s != null && s.xEmbeddedResource, path, pruned);
    } else if (x instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        prune(l.get(i), s == null ? null : s.items, path + "[" + i + "]", pruned);
      }
    }
  }

  private static void pruneObject(Map<String, ?> map, @Nullable JsonSchema s, boolean embedded,
      String path, List<String> pruned) {
    Iterator<? extends Map.Entry<String, ?>> it = map.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, ?> e = it.next();
      String k = e.getKey();
      if (s == null) {
        pruned.add(child(path, k));
        it.remove();
        continue;
      }
      if (embedded && META_FIELDS.contains(k)) {
        continue;
      }
      JsonSchema prop = s.properties.get(k);
      if (prop != null) {
        prune(e.getValue(), prop, child(path, k), pruned);
      } else if (s.additionalProperties != null) {
        prune(e.getValue(), s.additionalProperties.schema(), child(path, k), pruned);
      } else {
        if (!META_FIELDS.contains(k) || !path.isEmpty()) {
          pruned.add(child(path, k));
        }
        it.remove();
      }
    }
  }

  private static void skip(@Nullable Object x, JsonSchema s, String path, List<String> pruned,
      boolean embedded) {
    if (x instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        String k = String.valueOf(e.getKey());
        if ((embedded || s.xEmbeddedResource) && META_FIELDS.contains(k)) {
          continue;
        }
        JsonSchema prop = s.properties.get(k);
        if (prop != null) {
          prune(e.getValue(), prop, child(path, k), pruned);
        } else if (s.additionalProperties != null) {
          prune(e.getValue(), s.additionalProperties.schema(), child(path, k), pruned);
        }
      }
    } else if (x instanceof List<?> l && s.items != null) {
      for (int i = 0; i < l.size(); i++) {
        skip(l.get(i), s.items, path + "[" + i + "]", pruned, false);
      }
    }
  }

  private static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
