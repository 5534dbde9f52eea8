package io.gatehouse.server.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * apiextensions' {@code ValidateListSetsAndMaps}: the elements of {@code x-kubernetes-list-type:
 * set} lists and the keys of {@code map} lists must be unique ({@code Duplicate value}, reported
 * at the second occurrence of a value); {@code map} lists hold only objects. Stateless.
 */
public final class ListTypeValidation {

  private static final Object UNSPECIFIED = new Object();

  private ListTypeValidation() {}

  /** Validates the object at {@code path} ({@code null} for the resource root). */
  public static List<FieldError> validate(@Nullable String path, @Nullable JsonSchema s,
      Map<?, ?> obj) {
    List<FieldError> errs = new ArrayList<>();
    if (s == null) {
      return errs;
    }
    JsonSchema additional = s.additionalPropertiesSchema();
    if (additional != null) {
      for (Map.Entry<?, ?> e : obj.entrySet()) {
        errs.addAll(value(Path.key(path, String.valueOf(e.getKey())), additional, e.getValue()));
      }
    }
    for (Map.Entry<?, ?> e : obj.entrySet()) {
      JsonSchema sub = s.properties.get(String.valueOf(e.getKey()));
      if (sub != null) {
        errs.addAll(value(Path.child(path, String.valueOf(e.getKey())), sub, e.getValue()));
      }
    }
    return errs;
  }

  private static List<FieldError> value(String path, JsonSchema s, @Nullable Object v) {
    if (v instanceof List<?> l) {
      return array(path, s, l);
    }
    if (v instanceof Map<?, ?> m) {
      return validate(path, s, m);
    }
    return List.of();
  }

  private static List<FieldError> array(String path, JsonSchema s, List<?> list) {
    List<FieldError> errs = new ArrayList<>();
    if ("set".equals(s.xListType)) {
      for (int i : nonUnique(list)) {
        errs.add(FieldError.duplicate(Path.index(path, i), list.get(i)));
      }
    } else if ("map".equals(s.xListType)) {
      errs.addAll(map(path, s, list));
    }
    if (s.items != null) {
      for (int i = 0; i < list.size(); i++) {
        errs.addAll(value(Path.index(path, i), s.items, list.get(i)));
      }
    }
    return errs;
  }

  private static List<FieldError> map(String path, JsonSchema s, List<?> list) {
    for (int i = 0; i < list.size(); i++) {
      Object x = list.get(i);
      if (x != null && !(x instanceof Map<?, ?>)) {
        return List.of(FieldError.invalid(Path.index(path, i), x,
            "must be an object for an array of list-type map"));
      }
    }
    List<FieldError> errs = new ArrayList<>();
    if (list.size() <= 1) {
      return errs;
    }
    List<Object> keys = new ArrayList<>();
    boolean single = s.xListMapKeys.size() == 1;
    for (Object x : list) {
      Map<?, ?> m = x instanceof Map<?, ?> mm ? mm : Map.of();
      if (single) {
        String k = s.xListMapKeys.get(0);
        keys.add(x == null || !m.containsKey(k) ? UNSPECIFIED : m.get(k));
      } else {
        Map<String, Object> key = new LinkedHashMap<>();
        for (String k : s.xListMapKeys) {
          if (m.containsKey(k)) {
            key.put(k, m.get(k));
          }
        }
        keys.add(key);
      }
    }
    for (int i : nonUnique(keys)) {
      Object key = keys.get(i);
      Object shown = !single ? key
          : key == UNSPECIFIED ? Map.of() : singletonMap(s.xListMapKeys.get(0), key);
      errs.add(FieldError.duplicate(Path.index(path, i), shown));
    }
    return errs;
  }

  private static Map<String, @Nullable Object> singletonMap(String k, @Nullable Object v) {
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    m.put(k, v);
    return m;
  }

  /** The indices of the second occurrence of each repeated value. */
  private static List<Integer> nonUnique(List<?> list) {
    List<Integer> out = new ArrayList<>();
    if (list.size() <= 1) {
      return out;
    }
    Map<Object, Integer> seen = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      Object x = list.get(i);
      Object key = x instanceof Map<?, ?> || x instanceof List<?> ? "json:" + GoText.json(x)
          : x == null ? "null" : x;
      int times = seen.merge(key, 1, Integer::sum);
      if (times == 2) {
        out.add(i);
      }
    }
    return out;
  }
}
