package io.gatehouse.cel;

import com.google.common.primitives.UnsignedLong;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * cel-go's text for a failed field selection or index ({@code a.b}, {@code a[k]}), which cel-go
 * performs as attribute qualification ({@code refQualify} in {@code interpreter/attributes.go}):
 * maps report a missing key, lists validate the index and its range, and every other operand
 * reports a missing key too.
 *
 * <p>Stateless; thread-safe.
 */
final class Qualification {

  private Qualification() {}

  /**
   * Returns cel-go's error for qualifying {@code operand} by {@code key}, or null when cel-go
   * would have succeeded (an in-range list index).
   */
  static @Nullable String failure(Object operand, Object key) {
    if (operand instanceof List<?> list) {
      return listFailure(list.size(), key);
    }
    if (operand instanceof Map<?, ?>) {
      return missingKey(key);
    }
    return missingKey(key);
  }

  static String missingKey(Object key) {
    return "no such key: " + CelGoValues.format(key);
  }

  private static @Nullable String listFailure(int size, Object key) {
    long index;
    switch (key) {
      case Long l -> index = l;
      case Double d -> {
        long truncated = (long) d.doubleValue();
        if (d.isInfinite() || d.isNaN() || truncated != d || truncated == Long.MAX_VALUE) {
          return "unsupported index value " + CelGoValues.format(key) + " in list";
        }
        index = truncated;
      }
      case UnsignedLong u -> {
        if (u.compareTo(UnsignedLong.valueOf(Long.MAX_VALUE)) > 0) {
          return "unsupported index value " + CelGoValues.format(key) + " in list";
        }
        index = u.longValue();
      }
      default -> {
        return "unsupported index type '" + CelGoValues.typeName(key) + "' in list";
      }
    }
    if (index >= 0 && index < size) {
      return null;
    }
    return "index out of bounds: " + CelGoValues.format(key);
  }
}
