package io.gatehouse.admission.noderestriction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A JSON value in the form apimachinery's {@code equality.Semantic.DeepEqual} compares Go structs
 * in: a field holding its zero value (null, {@code ""}, {@code false}, 0, an empty list or map) is
 * the same as an absent one, so such map entries are dropped, recursively. Stateless.
 */
final class SemanticValue {

  private SemanticValue() {}

  /** The value with zero-valued map entries removed; null when the value itself is zero. */
  static @Nullable Object of(@Nullable Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> {
        Object n = of(v);
        if (n != null) {
          out.put(String.valueOf(k), n);
        }
      });
      return out.isEmpty() ? null : out;
    }
    if (value instanceof List<?> l) {
      if (l.isEmpty()) {
        return null;
      }
      List<Object> out = new ArrayList<>();
      for (Object e : l) {
        Object n = of(e);
        out.add(n == null ? Map.of() : n);
      }
      return out;
    }
    if (value instanceof String s && s.isEmpty() || value instanceof Boolean b && !b
        || value instanceof Number n && n.doubleValue() == 0) {
      return null;
    }
    return value;
  }

  /** Whether {@code a} and {@code b} are semantically equal. */
  static boolean equal(@Nullable Object a, @Nullable Object b) {
    return java.util.Objects.equals(of(a), of(b));
  }
}
