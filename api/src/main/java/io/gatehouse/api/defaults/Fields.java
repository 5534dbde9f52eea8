package io.gatehouse.api.defaults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads and defaults fields of a JSON map tree with Go's decoding semantics: an absent key and an
 * explicit {@code null} both decode to Go's zero value, so both count as unset. A value of the
 * wrong JSON type is left alone (upstream rejects it when decoding; here validation does), and
 * defaulting never throws. Stateless.
 */
final class Fields {

  private Fields() {}

  /** The map at {@code key}, or null when absent, null or not an object. */
  @SuppressWarnings("unchecked")
  static @Nullable Map<String, @Nullable Object> map(Map<String, @Nullable Object> m, String key) {
    return m.get(key) instanceof Map<?, ?> v ? (Map<String, @Nullable Object>) v : null;
  }

  /**
   * The map at {@code key}, created empty when unset (Go's {@code if x == nil { x = &T{} }}), or
   * null when the value has the wrong type.
   */
  static @Nullable Map<String, @Nullable Object> mapOrCreate(
      Map<String, @Nullable Object> m, String key) {
    if (unset(m, key)) {
      Map<String, @Nullable Object> created = new LinkedHashMap<>();
      m.put(key, created);
      return created;
    }
    return map(m, key);
  }

  /** The elements of the list at {@code key} that are objects (none when not a list). */
  @SuppressWarnings("unchecked")
  static List<Map<String, @Nullable Object>> maps(Map<String, @Nullable Object> m, String key) {
    List<Map<String, @Nullable Object>> out = new ArrayList<>();
    if (m.get(key) instanceof List<?> list) {
      for (Object e : list) {
        if (e instanceof Map<?, ?> em) {
          out.add((Map<String, @Nullable Object>) em);
        }
      }
    }
    return out;
  }

  /** Whether {@code key} is absent or null (a nil pointer, map or slice in Go). */
  static boolean unset(Map<String, @Nullable Object> m, String key) {
    return m.get(key) == null;
  }

  /** Whether {@code key} holds Go's empty string (absent, null or {@code ""}). */
  static boolean blank(Map<String, @Nullable Object> m, String key) {
    Object v = m.get(key);
    return v == null || "".equals(v);
  }

  /** Whether {@code key} holds Go's numeric zero (absent, null or 0). */
  static boolean zero(Map<String, @Nullable Object> m, String key) {
    Object v = m.get(key);
    return v == null || v instanceof Number n && n.doubleValue() == 0;
  }

  /** Whether {@code key} holds nothing of length ({@code len(x) == 0}: unset, {@code []}, {@code {}}). */
  static boolean empty(Map<String, @Nullable Object> m, String key) {
    return switch (m.get(key)) {
      case null -> true;
      case List<?> l -> l.isEmpty();
      case Map<?, ?> mm -> mm.isEmpty();
      case String s -> s.isEmpty();
      default -> false;
    };
  }

  /** The string at {@code key}, or {@code ""} when unset or not a string (Go's zero value). */
  static String string(Map<String, @Nullable Object> m, String key) {
    return m.get(key) instanceof String s ? s : "";
  }

  /** Sets {@code key} to {@code value} when unset (a nil pointer). */
  static void setIfUnset(Map<String, @Nullable Object> m, String key, Object value) {
    if (unset(m, key)) {
      m.put(key, value);
    }
  }

  /** Sets {@code key} to {@code value} when it holds Go's empty string. */
  static void setIfBlank(Map<String, @Nullable Object> m, String key, String value) {
    if (blank(m, key)) {
      m.put(key, value);
    }
  }

  /** Sets {@code key} to {@code value} when it holds Go's numeric zero. */
  static void setIfZero(Map<String, @Nullable Object> m, String key, long value) {
    if (zero(m, key)) {
      m.put(key, value);
    }
  }

  /** A fresh mutable list of {@code values} (never shared between objects). */
  static List<@Nullable Object> list(Object... values) {
    return new ArrayList<>(List.of(values));
  }

  /** A fresh mutable map of alternating keys and values. */
  static Map<String, @Nullable Object> object(Object... keysAndValues) {
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }
}
