package io.gatehouse.server;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Request headers: names compare case-insensitively, each with its values in arrival order.
 * Immutable; {@link #toString()} lists names only (values may be credentials).
 */
final class Headers {

  static final Headers EMPTY = new Headers(new TreeMap<>(String.CASE_INSENSITIVE_ORDER));

  private final TreeMap<String, List<String>> sorted;
  private final Map<String, List<String>> values;

  private Headers(TreeMap<String, List<String>> values) {
    this.sorted = values;
    this.values = Collections.unmodifiableMap(values);
  }

  /** Returns headers holding {@code entries} (name, value pairs in order). */
  static Headers of(Iterable<Map.Entry<String, String>> entries) {
    TreeMap<String, List<String>> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Map.Entry<String, String> e : entries) {
      m.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
    }
    m.replaceAll((k, v) -> List.copyOf(v));
    return new Headers(m);
  }

  /** Returns headers with one value per name, from {@code name, value, name, value…}. */
  static Headers of(String... nameValues) {
    List<Map.Entry<String, String>> entries = new ArrayList<>();
    for (int i = 0; i + 1 < nameValues.length; i += 2) {
      entries.add(Map.entry(nameValues[i], nameValues[i + 1]));
    }
    return of(entries);
  }

  /** Returns the first value of {@code name}, or empty. */
  String first(String name) {
    List<String> v = values.get(name);
    return v == null || v.isEmpty() ? "" : v.get(0);
  }

  /** Returns every value of {@code name}. */
  List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  /** Returns the header names, in case-insensitive order, as first received. */
  java.util.Set<String> names() {
    return values.keySet();
  }

  /** Returns a copy without {@code name}. */
  Headers without(String name) {
    if (!values.containsKey(name)) {
      return this;
    }
    TreeMap<String, List<String>> m = new TreeMap<>(sorted); // same order, copied in linear time
    m.remove(name);
    return new Headers(m);
  }

  @Override
  public String toString() {
    return "Headers" + values.keySet();
  }
}
