package io.gatehouse.admission.podsecurity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Typed reads from a JSON map tree as Go's decoder into {@code corev1} types would see it: JSON
 * null and values of the wrong type read as absent (Go would have rejected the object earlier).
 *
 * <p>Stateless; thread-safe.
 */
final class Values {

  private Values() {}

  static @Nullable Map<?, ?> map(@Nullable Map<?, ?> parent, String key) {
    return parent != null && parent.get(key) instanceof Map<?, ?> m ? m : null;
  }

  static List<?> list(@Nullable Map<?, ?> parent, String key) {
    return parent != null && parent.get(key) instanceof List<?> l ? l : List.of();
  }

  static @Nullable String string(@Nullable Map<?, ?> parent, String key) {
    return parent != null && parent.get(key) instanceof String s ? s : null;
  }

  /** Returns the string at {@code key}, or empty when absent (Go's zero value). */
  static String stringOrEmpty(@Nullable Map<?, ?> parent, String key) {
    String s = string(parent, key);
    return s == null ? "" : s;
  }

  static @Nullable Boolean bool(@Nullable Map<?, ?> parent, String key) {
    return parent != null && parent.get(key) instanceof Boolean b ? b : null;
  }

  /** Returns whether {@code key} holds {@code true} (a Go {@code bool} or {@code *bool}). */
  static boolean isTrue(@Nullable Map<?, ?> parent, String key) {
    return Boolean.TRUE.equals(bool(parent, key));
  }

  /** Returns an integral number at {@code key}, or null. */
  static @Nullable Long integer(@Nullable Map<?, ?> parent, String key) {
    if (parent == null) {
      return null;
    }
    Object v = parent.get(key);
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof Integer i) {
      return i.longValue();
    }
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.longValue();
    }
    return null;
  }

  /** Returns whether {@code key} is present with a non-null value (a non-nil Go pointer). */
  static boolean present(@Nullable Map<?, ?> parent, String key) {
    return parent != null && parent.get(key) != null;
  }

  /** Returns the string elements of the list at {@code key}; non-strings read as {@code ""}. */
  static List<String> strings(@Nullable Map<?, ?> parent, String key) {
    List<?> l = list(parent, key);
    if (l.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(l.size());
    for (Object o : l) {
      out.add(o instanceof String s ? s : "");
    }
    return out;
  }
}
