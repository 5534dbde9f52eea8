package io.gatehouse.admission.podsecurity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads a JSON map into typed values the way a strict Go decoder would: unknown fields are
 * collected as {@code unknown field "<path>"}, the first type mismatch as Go's {@code json: cannot
 * unmarshal …} error. Not thread-safe; one per decode.
 */
final class StrictDecoder {

  final List<String> unknown = new ArrayList<>(0);
  @Nullable String typeError;

  /** Records every key of {@code object} not in {@code known} as unknown. */
  void allow(@Nullable Map<?, ?> object, String prefix, Set<String> known) {
    if (object == null) {
      return;
    }
    for (Object key : object.keySet()) {
      if (!known.contains(String.valueOf(key))) {
        unknown.add("unknown field " + GoText.quote(prefix + key));
      }
    }
  }

  @Nullable Map<?, ?> object(Map<?, ?> parent, String key, String goField) {
    Object v = parent.get(key);
    if (v == null || v instanceof Map<?, ?>) {
      return (Map<?, ?>) v;
    }
    mismatch(v, goField, "struct");
    return null;
  }

  String string(@Nullable Map<?, ?> parent, String key, String goField) {
    Object v = parent == null ? null : parent.get(key);
    if (v == null) {
      return "";
    }
    if (v instanceof String s) {
      return s;
    }
    mismatch(v, goField, "string");
    return "";
  }

  List<String> strings(@Nullable Map<?, ?> parent, String key, String goField) {
    Object v = parent == null ? null : parent.get(key);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> l)) {
      mismatch(v, goField, "[]string");
      return List.of();
    }
    List<String> out = new ArrayList<>(l.size());
    for (Object o : l) {
      if (o instanceof String s) {
        out.add(s);
      } else if (o == null) {
        out.add("");
      } else {
        mismatch(o, goField, "string");
      }
    }
    return out;
  }

  private void mismatch(Object value, String goField, String goType) {
    if (typeError == null) {
      typeError =
          "json: cannot unmarshal "
              + jsonType(value)
              + " into Go struct field "
              + goField
              + " of type "
              + goType;
    }
  }

  private static String jsonType(Object v) {
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof Boolean) {
      return "bool";
    }
    if (v instanceof Number) {
      return "number";
    }
    if (v instanceof List<?>) {
      return "array";
    }
    return "object";
  }
}
