package io.gatehouse.server.schema;

import io.gatehouse.api.Unstructured;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * apiextensions' structural defaulting ({@code pkg/apiserver/schema/defaulting}): {@link
 * #pruneNulls} removes {@code null} values of non-nullable fields that have no default (run after
 * pruning on decode), {@link #apply} fills absent fields (and non-nullable {@code null}s) from
 * {@code default}, deep-copied, walking the structural spine. Stateless.
 */
public final class Defaulting {

  private Defaulting() {}

  /** {@code PruneNonNullableNullsWithoutDefaults}. */
  public static void pruneNulls(@Nullable Object x, @Nullable JsonSchema s) {
    if (x instanceof Map<?, ?> m) {
      Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<?, ?> e = it.next();
        JsonSchema field = fieldSchema(String.valueOf(e.getKey()), s);
        if (e.getValue() == null && field != null && !field.nullable && !field.hasDefault) {
          it.remove();
        } else {
          pruneNulls(e.getValue(), field);
        }
      }
    } else if (x instanceof List<?> l) {
      for (Object item : l) {
        pruneNulls(item, s == null ? null : s.items);
      }
    }
  }

  private static @Nullable JsonSchema fieldSchema(String field, @Nullable JsonSchema s) {
    if (s == null) {
      return null;
    }
    JsonSchema p = s.properties.get(field);
    if (p != null) {
      return p;
    }
    return s.additionalProperties == null ? null : s.additionalProperties.schema();
  }

  /** {@code Default}: applies defaults to {@code x} in place. */
  @SuppressWarnings("unchecked")
  public static void apply(@Nullable Object x, @Nullable JsonSchema s) {
    if (s == null) {
      return;
    }
    if (x instanceof Map<?, ?> m) {
      Map<String, Object> map = (Map<String, Object>) m;
      for (Map.Entry<String, JsonSchema> p : s.properties.entrySet()) {
        JsonSchema prop = p.getValue();
        if (!prop.hasDefault) {
          continue;
        }
        if (!map.containsKey(p.getKey()) || (map.get(p.getKey()) == null && !prop.nullable)) {
          map.put(p.getKey(), copy(prop.defaultValue));
        }
      }
      for (Map.Entry<String, Object> e : map.entrySet()) {
        JsonSchema prop = s.properties.get(e.getKey());
        if (prop != null) {
          apply(e.getValue(), prop);
        } else if (s.additionalProperties != null) {
          JsonSchema additional = s.additionalProperties.schema();
          if (e.getValue() == null && additional != null && !additional.nullable) {
            e.setValue(copy(additional.defaultValue));
          }
          apply(e.getValue(), additional);
        }
      }
    } else if (x instanceof List<?> l) {
      List<Object> list = (List<Object>) l;
      JsonSchema items = s.items;
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i) == null && items != null && !items.nullable) {
          list.set(i, copy(items.defaultValue));
        }
        apply(list.get(i), items);
      }
    }
  }

  private static @Nullable Object copy(@Nullable Object v) {
    if (v instanceof Map<?, ?> m) {
      @SuppressWarnings("unchecked")
      Map<String, @Nullable Object> map = (Map<String, @Nullable Object>) m;
      return Unstructured.copyOf(map).object();
    }
    if (v instanceof List<?> l) {
      List<@Nullable Object> out = new java.util.ArrayList<>();
      l.forEach(x -> out.add(copy(x)));
      return out;
    }
    return v;
  }
}
