package io.gatehouse.server.schema;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A node of a new object paired with the corresponding node of the old one (upstream's {@code
 * CorrelatedObject}): object fields correlate by name, items of {@code x-kubernetes-list-type:
 * map} lists by their key fields; items of other lists do not correlate. Immutable.
 *
 * @param value the new value
 * @param old the correlated old value, or {@code null} when there is none
 * @param correlated whether an old value exists (it may itself be JSON {@code null})
 * @param schema the node's schema, or {@code null}
 */
public record Correlation(@Nullable Object value, @Nullable Object old, boolean correlated,
    @Nullable JsonSchema schema) {

  /** The root: a new object and the old one ({@code null}: no correlation). */
  public static Correlation root(@Nullable Object value, @Nullable Object old,
      @Nullable JsonSchema schema) {
    return new Correlation(value, old, old != null, schema);
  }

  /** Whether the new value equals the correlated old one (errors here are ratcheted). */
  public boolean unchanged() {
    return correlated && Objects.equals(value, old);
  }

  /** The field {@code name} of an object, with schema {@code s}. */
  public Correlation field(String name, @Nullable JsonSchema s) {
    Object v = value instanceof Map<?, ?> m ? m.get(name) : null;
    if (correlated && old instanceof Map<?, ?> o && o.containsKey(name)) {
      return new Correlation(v, o.get(name), true, s);
    }
    return new Correlation(v, null, false, s);
  }

  /** Item {@code i} of a list, with schema {@code s} (the list's {@code items}). */
  public Correlation item(int i, @Nullable JsonSchema s) {
    Object v = value instanceof List<?> l && i < l.size() ? l.get(i) : null;
    if (!correlated || schema == null || !"map".equals(schema.listType())
        || !(old instanceof List<?> oldList) || !(v instanceof Map<?, ?> item)) {
      return new Correlation(v, null, false, s);
    }
    for (Object candidate : oldList) {
      if (candidate instanceof Map<?, ?> c && sameKeys(item, c, schema.listMapKeys())) {
        return new Correlation(v, c, true, s);
      }
    }
    return new Correlation(v, null, false, s);
  }

  private static boolean sameKeys(Map<?, ?> a, Map<?, ?> b, List<String> keys) {
    for (String k : keys) {
      if (!Objects.equals(a.get(k), b.get(k))) {
        return false;
      }
    }
    return true;
  }
}
