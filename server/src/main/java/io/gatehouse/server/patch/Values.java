package io.gatehouse.server.patch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Deep copies of JSON values. Stateless. */
final class Values {

  private Values() {}

  static @Nullable Object copy(@Nullable Object v) {
    if (v instanceof Map<?, ?> m) {
      return copyMap(m);
    }
    if (v instanceof List<?> l) {
      List<@Nullable Object> out = new ArrayList<>(l.size());
      l.forEach(x -> out.add(copy(x)));
      return out;
    }
    return v;
  }

  static Map<String, @Nullable Object> copyMap(Map<?, ?> m) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    m.forEach((k, x) -> out.put(String.valueOf(k), copy(x)));
    return out;
  }
}
