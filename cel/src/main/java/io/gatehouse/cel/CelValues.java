package io.gatehouse.cel;

import dev.cel.common.values.NullValue;
import com.google.common.primitives.UnsignedLong;
import dev.cel.common.types.CelType;
import dev.cel.common.values.CelByteString;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Optional;
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

  /**
   * Returns a read-only CEL view of a decoded JSON value: the same CEL value as {@link #fromJson}
   * gives, but maps and lists are converted lazily on access instead of copied. Use it for large
   * objects evaluated once or a few times (admission inputs); the underlying value must not change
   * while the view is in use.
   */
  public static Object view(@Nullable Object value) {
    return JsonViews.view(value);
  }

  /**
   * Converts a CEL result into a JSON-shaped Java value: null, Boolean, Long, BigInteger (uint
   * beyond int64), Double (NaN and infinities as the strings {@code NaN}, {@code Infinity}, {@code
   * -Infinity}), String, List and String-keyed Map. Bytes become base64, durations cel-go's {@code
   * 1.5s} form, timestamps RFC 3339, optionals their value or null, types their name, and library
   * values (URL, Quantity, IP, …) their string form.
   */
  public static @Nullable Object toJson(@Nullable Object value) {
    if (value == null || value instanceof NullValue) {
      return null;
    }
    if (value instanceof Boolean || value instanceof Long || value instanceof String) {
      return value;
    }
    if (value instanceof Double d) {
      if (d.isNaN()) {
        return "NaN";
      }
      if (d.isInfinite()) {
        return d > 0 ? "Infinity" : "-Infinity";
      }
      return d;
    }
    if (value instanceof UnsignedLong u) {
      return u.bigIntegerValue();
    }
    if (value instanceof CelByteString b) {
      return Base64.getEncoder().encodeToString(b.toByteArray());
    }
    if (value instanceof com.google.protobuf.ByteString b) {
      return Base64.getEncoder().encodeToString(b.toByteArray());
    }
    if (value instanceof Duration d) {
      return durationString(d);
    }
    if (value instanceof Instant i) {
      return DateTimeFormatter.ISO_INSTANT.format(i);
    }
    if (value instanceof Optional<?> o) {
      return o.isPresent() ? toJson(o.get()) : null;
    }
    if (value instanceof CelType t) {
      return t.name();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, @Nullable Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(k instanceof String s ? s : String.valueOf(toJson(k)), toJson(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      List<@Nullable Object> out = new ArrayList<>(list.size());
      for (Object o : list) {
        out.add(toJson(o));
      }
      return out;
    }
    return String.valueOf(value);
  }

  /** Formats a duration as cel-go prints one in JSON: seconds with up to 9 fraction digits. */
  static String durationString(Duration d) {
    BigDecimal seconds = BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
    return seconds.stripTrailingZeros().toPlainString() + "s";
  }
}
