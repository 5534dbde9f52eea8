package io.gatehouse.server.openapi;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Finds the fields of a decoded object that its schema does not declare — what kube-apiserver's
 * strict decoding of built-in types reports as {@code unknown field "<path>"}. Paths are dotted,
 * with {@code [i]} for list items and {@code .key} for map entries ({@code
 * spec.containers[0].foo}), in document order. A schema with {@code
 * x-kubernetes-preserve-unknown-fields}, or an object schema declaring neither properties nor
 * additional properties (embedded raw objects), accepts anything. Immutable; thread-safe.
 */
public final class UnknownFields {

  private final Definitions definitions;

  /** @param definitions the schemas objects are checked against */
  public UnknownFields(Definitions definitions) {
    this.definitions = definitions;
  }

  /**
   * Returns the unknown fields of {@code object} under definition {@code name}; empty when there
   * is no such definition.
   */
  public List<String> find(String name, Map<String, @Nullable Object> object) {
    List<String> out = new ArrayList<>();
    Optional<Map<String, Object>> schema = definitions.schema(name);
    schema.ifPresent(s -> walk(s, object, "", out, false));
    return out;
  }

  /**
   * Removes the unknown fields of {@code object} under definition {@code name} — as decoding
   * into kube-apiserver's typed structs drops them — and returns their paths, as {@link #find}
   * does. {@code object}'s maps must be modifiable.
   */
  public List<String> remove(String name, Map<String, @Nullable Object> object) {
    List<String> out = new ArrayList<>();
    Optional<Map<String, Object>> schema = definitions.schema(name);
    schema.ifPresent(s -> walk(s, object, "", out, true));
    return out;
  }

  private void walk(Map<String, Object> schema, @Nullable Object value, String path,
      List<String> out, boolean remove) {
    Map<String, Object> s = resolve(schema);
    if (value == null || Boolean.TRUE.equals(s.get(Extensions.PRESERVE_UNKNOWN_FIELDS))) {
      return;
    }
    if (value instanceof List<?> list && s.get("items") instanceof Map<?, ?> items) {
      for (int i = 0; i < list.size(); i++) {
        walk(cast(items), list.get(i), path + "[" + i + "]", out, remove);
      }
      return;
    }
    if (!(value instanceof Map<?, ?> map)) {
      return;
    }
    Map<?, ?> properties = s.get("properties") instanceof Map<?, ?> p ? p : null;
    Map<?, ?> additional = s.get("additionalProperties") instanceof Map<?, ?> a ? a : null;
    if (properties == null && additional == null) {
      return;
    }
    for (Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<?, ?> e = it.next();
      String key = String.valueOf(e.getKey());
      String child = path.isEmpty() ? key : path + "." + key;
      Object property = properties == null ? null : properties.get(key);
      if (property instanceof Map<?, ?> p) {
        walk(cast(p), e.getValue(), child, out, remove);
      } else if (additional != null) {
        walk(cast(additional), e.getValue(), child, out, remove);
      } else {
        out.add(child);
        if (remove) {
          it.remove();
        }
      }
    }
  }

  private Map<String, Object> resolve(Map<String, Object> schema) {
    Map<String, Object> s = schema;
    for (int depth = 0; depth < 8 && s.get("$ref") instanceof String ref; depth++) {
      Optional<Map<String, Object>> target = definitions.schema(ref);
      if (target.isEmpty()) {
        return Map.of(Extensions.PRESERVE_UNKNOWN_FIELDS, true);
      }
      s = target.get();
    }
    return s;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }
}
