package io.gatehouse.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A Kubernetes object as a JSON-shaped map tree, the Java twin of Go's
 * {@code unstructured.Unstructured}.
 *
 * <p>Values inside the tree are {@code String}, {@code Long}, {@code Double}, {@code Boolean},
 * {@code null} (JSON null), {@code List<Object>} and {@code Map<String, Object>} (insertion
 * ordered). The decoder normalises every object into this shape.
 *
 * <p>Not thread-safe for mutation: {@link #object()} exposes the live tree. Share an instance
 * across threads only if nobody mutates it, and hand validators a {@link #deepCopy()}.
 */
public final class Unstructured {

  private final Map<String, @Nullable Object> object;

  private Unstructured(Map<String, @Nullable Object> object) {
    this.object = object;
  }

  /**
   * Wraps {@code object} without copying. The map must already be in normal form (see class
   * Javadoc).
   */
  public static Unstructured wrap(Map<String, @Nullable Object> object) {
    return new Unstructured(object);
  }

  /** Returns a deep, normalised copy of {@code object} as an {@code Unstructured}. */
  public static Unstructured copyOf(Map<String, ?> object) {
    @SuppressWarnings("unchecked")
    Map<String, @Nullable Object> copy = (Map<String, @Nullable Object>) deepCopyValue(object);
    return new Unstructured(copy);
  }

  /** Returns the live map tree. */
  public Map<String, @Nullable Object> object() {
    return object;
  }

  /** Returns a deep copy that shares nothing mutable with this object. */
  public Unstructured deepCopy() {
    return copyOf(object);
  }

  /** Returns {@code apiVersion}, or empty string if absent or not a string. */
  public String apiVersion() {
    return string(object.get("apiVersion"));
  }

  /** Returns {@code kind}, or empty string if absent or not a string. */
  public String kind() {
    return string(object.get("kind"));
  }

  /** Returns the group/version/kind named by {@code apiVersion} and {@code kind}. */
  public GroupVersionKind groupVersionKind() {
    return GroupVersion.parse(apiVersion()).withKind(kind());
  }

  /** Returns {@code metadata}, or an empty unmodifiable map if absent. */
  public Map<String, @Nullable Object> metadata() {
    return map(object.get("metadata"));
  }

  /** Returns {@code metadata.name}, or empty string. */
  public String name() {
    return string(metadata().get("name"));
  }

  /** Returns {@code metadata.generateName}, or empty string. */
  public String generateName() {
    return string(metadata().get("generateName"));
  }

  /** Returns {@code metadata.namespace}, or empty string. */
  public String namespace() {
    return string(metadata().get("namespace"));
  }

  /** Returns {@code metadata.uid}, or empty string. */
  public String uid() {
    return string(metadata().get("uid"));
  }

  /** Returns {@code metadata.labels} with string values only; never null. */
  public Map<String, String> labels() {
    return stringMap(metadata().get("labels"));
  }

  /** Returns {@code metadata.annotations} with string values only; never null. */
  public Map<String, String> annotations() {
    return stringMap(metadata().get("annotations"));
  }

  /**
   * Returns the value at {@code path} (map keys), or empty if a step is absent or not a map. A
   * present JSON null is returned as an empty Optional too; use {@link #has} to tell them apart.
   */
  public Optional<Object> get(String... path) {
    Object current = object;
    for (String key : path) {
      if (!(current instanceof Map<?, ?> m) || !m.containsKey(key)) {
        return Optional.empty();
      }
      current = m.get(key);
    }
    return Optional.ofNullable(current);
  }

  /** Returns whether every key of {@code path} is present (the last may hold JSON null). */
  public boolean has(String... path) {
    Object current = object;
    for (String key : path) {
      if (!(current instanceof Map<?, ?> m) || !m.containsKey(key)) {
        return false;
      }
      current = m.get(key);
    }
    return true;
  }

  /** Sets {@code metadata.namespace}, creating {@code metadata} if needed. */
  public void setNamespace(String namespace) {
    metadataForWrite().put("namespace", namespace);
  }

  /** Returns {@code metadata} as a mutable map, creating it if absent. */
  @SuppressWarnings("unchecked")
  public Map<String, @Nullable Object> metadataForWrite() {
    Object m = object.get("metadata");
    if (m instanceof Map<?, ?>) {
      return (Map<String, @Nullable Object>) m;
    }
    Map<String, @Nullable Object> created = new LinkedHashMap<>();
    object.put("metadata", created);
    return created;
  }

  private static String string(@Nullable Object value) {
    return value instanceof String s ? s : "";
  }

  @SuppressWarnings("unchecked")
  private static Map<String, @Nullable Object> map(@Nullable Object value) {
    return value instanceof Map<?, ?> m
        ? Collections.unmodifiableMap((Map<String, @Nullable Object>) m)
        : Map.of();
  }

  private static Map<String, String> stringMap(@Nullable Object value) {
    if (!(value instanceof Map<?, ?> m)) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    m.forEach(
        (k, v) -> {
          if (v instanceof String s) {
            out.put(String.valueOf(k), s);
          }
        });
    return Collections.unmodifiableMap(out);
  }

  private static @Nullable Object deepCopyValue(@Nullable Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, @Nullable Object> out = new LinkedHashMap<>(Math.max(4, m.size() * 2));
      m.forEach((k, v) -> out.put(String.valueOf(k), deepCopyValue(v)));
      return out;
    }
    if (value instanceof List<?> l) {
      List<@Nullable Object> out = new ArrayList<>(l.size());
      for (Object o : l) {
        out.add(deepCopyValue(o));
      }
      return out;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Unstructured u && u.object.equals(object);
  }

  @Override
  public int hashCode() {
    return object.hashCode();
  }

  @Override
  public String toString() {
    return "Unstructured[" + apiVersion() + " " + kind() + " " + namespace() + "/" + name() + "]";
  }
}
