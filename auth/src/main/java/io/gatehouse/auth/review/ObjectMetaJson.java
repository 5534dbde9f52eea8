package io.gatehouse.auth.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A review's {@code metadata} as Go's {@code metav1.ObjectMeta} holds and serializes it: only its
 * fields, in struct order, empty ones omitted except {@code creationTimestamp} (always written,
 * {@code null} when unset). Stateless.
 */
final class ObjectMetaJson {

  private static final List<String> FIELDS = List.of("name", "generateName", "namespace",
      "selfLink", "uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp",
      "deletionGracePeriodSeconds", "labels", "annotations", "ownerReferences", "finalizers",
      "managedFields");

  private ObjectMetaJson() {}

  /** The JSON names of ObjectMeta's fields. */
  static java.util.Set<String> fieldNames() {
    return java.util.Set.copyOf(FIELDS);
  }

  /** The metadata as the API serves it back. */
  static Map<String, @Nullable Object> render(Map<?, ?> metadata) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    for (String f : FIELDS) {
      Object v = metadata.get(f);
      if (f.equals("creationTimestamp")) {
        out.put(f, v instanceof String s && !s.isEmpty() ? s : null);
      } else if (!zero(v)) {
        out.put(f, v);
      }
    }
    return out;
  }

  /**
   * Whether the metadata equals an empty ObjectMeta semantically (empty and absent lists and maps
   * alike), ignoring {@code managedFields}, and {@code namespace} if {@code exceptNamespace}.
   */
  static boolean isEmpty(Map<?, ?> metadata, boolean exceptNamespace) {
    for (String f : FIELDS) {
      if (f.equals("managedFields") || (exceptNamespace && f.equals("namespace"))) {
        continue;
      }
      if (!zero(metadata.get(f))) {
        return false;
      }
    }
    return true;
  }

  private static boolean zero(@Nullable Object v) {
    return v == null
        || v instanceof String s && s.isEmpty()
        || v instanceof Number n && n.doubleValue() == 0
        || v instanceof Boolean b && !b
        || v instanceof Map<?, ?> m && m.isEmpty()
        || v instanceof List<?> l && l.isEmpty();
  }
}
