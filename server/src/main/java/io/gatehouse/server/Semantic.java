package io.gatehouse.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Equality of JSON values as apimachinery's {@code equality.Semantic.DeepEqual} sees typed objects
 * decoded from them: empty lists and maps equal absent (nil) ones, and JSON null equals absent.
 * Stateless.
 */
final class Semantic {

  private Semantic() {}

  static boolean equal(@Nullable Object a, @Nullable Object b) {
    return Objects.equals(normalize(a), normalize(b));
  }

  private static @Nullable Object normalize(@Nullable Object v) {
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, value) -> {
        Object n = normalize(value);
        if (n != null) {
          out.put(String.valueOf(k), n);
        }
      });
      return out.isEmpty() ? null : out;
    }
    if (v instanceof List<?> l) {
      List<@Nullable Object> out = new ArrayList<>();
      l.forEach(e -> out.add(normalize(e)));
      return out.isEmpty() ? null : out;
    }
    return v;
  }
}
