package io.gatehouse.auth.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads a decoded JSON body into typed values as Go's {@code encoding/json} (through
 * sigs.k8s.io/json) reads it into a Kubernetes struct: {@code null} leaves the zero value, a value
 * of the wrong JSON type fails with Go's {@code json: cannot unmarshal <json type> into Go struct
 * field <Struct>.<path> of type <go type>}, keys the struct does not know are collected as {@code
 * unknown field "<path>"} for {@code fieldValidation}. One instance per body; not thread-safe.
 */
final class JsonFields {

  /** A value of the wrong JSON type: Go's decoding error text. */
  static final class TypeMismatch extends RuntimeException {
    TypeMismatch(String message) {
      super(message, null, false, false);
    }
  }

  private final List<String> unknown = new ArrayList<>();

  /** The unknown fields met so far, as {@code unknown field "<path>"}. */
  List<String> unknownFields() {
    return List.copyOf(unknown);
  }

  /**
   * Reads an object field: absent or null is empty; keys outside {@code known} are recorded.
   *
   * @param struct the Go struct holding the field (for messages)
   * @param goType the field's Go type (for messages), e.g. {@code v1.ResourceAttributes}
   */
  Map<String, @Nullable Object> object(Map<?, ?> parent, String key, String path, String struct,
      String goType, Set<String> known) {
    Object v = parent.get(key);
    if (v == null) {
      return Map.of();
    }
    if (!(v instanceof Map<?, ?> m)) {
      throw mismatch(v, struct, path, goType);
    }
    return checked(m, path, known);
  }

  /** Records the keys of {@code m} outside {@code known}; returns {@code m} typed. */
  Map<String, @Nullable Object> checked(Map<?, ?> m, String path, Set<String> known) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> {
      String name = String.valueOf(k);
      if (!known.contains(name)) {
        unknown.add("unknown field \"" + (path.isEmpty() ? name : path + "." + name) + "\"");
      }
      out.put(name, v);
    });
    return out;
  }

  /** Whether the field is present and not null (a Go pointer field that is set). */
  static boolean present(Map<?, ?> parent, String key) {
    return parent.get(key) != null;
  }

  String string(Map<?, ?> parent, String key, String path, String struct) {
    Object v = parent.get(key);
    if (v == null) {
      return "";
    }
    if (!(v instanceof String s)) {
      throw mismatch(v, struct, path, "string");
    }
    return s;
  }

  List<String> strings(Map<?, ?> parent, String key, String path, String struct, String goType) {
    Object v = parent.get(key);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> l)) {
      throw mismatch(v, struct, path, goType);
    }
    List<String> out = new ArrayList<>();
    for (Object e : l) {
      if (e == null) {
        out.add("");
      } else if (e instanceof String s) {
        out.add(s);
      } else {
        throw mismatch(e, struct, path, "string");
      }
    }
    return out;
  }

  /** A {@code map[string][]string}-like field ({@code extra}). */
  Map<String, List<String>> stringLists(Map<?, ?> parent, String key, String path, String struct,
      String mapType, String valueType) {
    Object v = parent.get(key);
    if (v == null) {
      return Map.of();
    }
    if (!(v instanceof Map<?, ?> m)) {
      throw mismatch(v, struct, path, mapType);
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : m.entrySet()) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("v", e.getValue());
      // Go's error names the map field, not the key.
      out.put(String.valueOf(e.getKey()), strings(one, "v", path, struct, valueType));
    }
    return out;
  }

  private static TypeMismatch mismatch(Object value, String struct, String path, String goType) {
    return new TypeMismatch("json: cannot unmarshal " + jsonType(value) + " into Go struct field "
        + struct + "." + path + " of type " + goType);
  }

  private static String jsonType(Object v) {
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof Boolean) {
      return "bool";
    }
    if (v instanceof List<?>) {
      return "array";
    }
    if (v instanceof Map<?, ?>) {
      return "object";
    }
    return "number";
  }
}
