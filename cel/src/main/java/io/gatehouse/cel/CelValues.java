package io.gatehouse.cel;

import dev.cel.common.values.NullValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Converts JSON-shaped Java values into CEL values with Kubernetes' typing, and back.
 *
 * <p>Into CEL: integers become {@code Long}, other numbers {@code Double}, JSON null becomes CEL
 * {@code null} ({@link NullValue#NULL_VALUE}), maps and lists are copied recursively; an absent
 * field stays absent. Stateless; thread-safe.
 */
public final class CelValues {

  private CelValues() {}

  /**
   * Converts a decoded JSON value ({@code Map}, {@code List}, {@code String}, {@code Boolean},
   * numbers, Java {@code null}) into a CEL value.
   *
   * @throws IllegalArgumentException for any other type
   */
  public static Object fromJson(@Nullable Object value) {
    if (value == null || value instanceof NullValue) {
      return NullValue.NULL_VALUE;
    }
    if (value instanceof String || value instanceof Boolean || value instanceof Long
        || value instanceof Double) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    if (value instanceof BigInteger b) {
      return b.bitLength() < 64 ? (Object) b.longValue() : (Object) b.doubleValue();
    }
    if (value instanceof BigDecimal d) {
      return d.doubleValue();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>(Math.max(4, map.size() * 2));
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.put(String.valueOf(e.getKey()), fromJson(e.getValue()));
      }
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object o : list) {
        out.add(fromJson(o));
      }
      return out;
    }
    throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
  }
}
