package io.gatehouse.server.patch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Kubernetes' strategic merge patch (apimachinery's {@code strategicpatch}) for built-in kinds:
 * maps merge recursively and {@code null} deletes; lists replace unless {@link PatchSchema}
 * declares {@code patchStrategy: merge} — then lists of objects merge element by element on
 * their merge key and lists of primitives are unioned. Directives: {@code $patch: replace|delete|
 * merge} in maps and list elements, {@code $retainKeys}, {@code $deleteFromPrimitiveList/<field>}
 * and {@code $setElementOrder/<field>} (patch-ordered elements interleaved with server-only ones
 * by their server position, as upstream's {@code normalizeElementOrder}). Stateless.
 */
public final class StrategicMergePatch {

  private static final String PATCH = "$patch";
  private static final String RETAIN_KEYS = "$retainKeys";
  private static final String DELETE_PRIMITIVE = "$deleteFromPrimitiveList/";
  private static final String SET_ORDER = "$setElementOrder/";

  private StrategicMergePatch() {}

  /**
   * Applies {@code patch} to a copy of {@code original}, an object of {@code kind}.
   *
   * @throws PatchException for malformed patches (bad request) or inapplicable ones
   */
  public static Map<String, @Nullable Object> apply(Map<String, @Nullable Object> original,
      @Nullable Object patch, String kind) {
    if (!(patch instanceof Map<?, ?> p)) {
      throw new PatchException("json: cannot unmarshal array into Go value of type "
          + "map[string]interface {}", true);
    }
    Map<String, @Nullable Object> result =
        mergeMap(Values.copyMap(original), Values.copyMap(p), PatchSchema.forKind(kind));
    return result == null ? new LinkedHashMap<>() : result;
  }

  private static @Nullable Map<String, @Nullable Object> mergeMap(
      Map<String, @Nullable Object> original, Map<String, @Nullable Object> patch,
      Map<String, PatchSchema.Field> schema) {
    Object directive = patch.remove(PATCH);
    if (directive != null) {
      switch (String.valueOf(directive)) {
        case "replace" -> {
          return strip(patch, schema);
        }
        case "delete" -> {
          return null;
        }
        case "merge" -> { }
        default -> throw new PatchException("Unknown patch type: " + directive + " in map: "
            + patch, true);
      }
    }
    Object retain = patch.remove(RETAIN_KEYS);
    if (retain != null) {
      if (!(retain instanceof List<?> keys)) {
        throw new PatchException("invalid patch format of retainKeys", true);
      }
      Set<String> keep = new HashSet<>();
      keys.forEach(k -> keep.add(String.valueOf(k)));
      for (String k : patch.keySet()) {
        if (!k.startsWith("$") && patch.get(k) != null && !keep.contains(k)) {
          throw new PatchException("$retainKeys directive must contain all the fields in the "
              + "patch", false);
        }
      }
      original.keySet().removeIf(k -> !keep.contains(k));
    }
    Map<String, List<?>> orders = new LinkedHashMap<>();
    for (String key : new ArrayList<>(patch.keySet())) {
      if (key.startsWith(DELETE_PRIMITIVE)) {
        String field = key.substring(DELETE_PRIMITIVE.length());
        Object values = patch.remove(key);
        if (!(values instanceof List<?> remove)) {
          throw new PatchException("invalid patch format of primitive list", true);
        }
        if (original.get(field) instanceof List<?> list) {
          List<@Nullable Object> kept = new ArrayList<>(list);
          kept.removeIf(remove::contains);
          original.put(field, kept);
        }
      } else if (key.startsWith(SET_ORDER)) {
        Object order = patch.remove(key);
        if (!(order instanceof List<?> l)) {
          throw new PatchException("invalid patch format of setElementOrder list", true);
        }
        orders.put(key.substring(SET_ORDER.length()), l);
      }
    }
    for (Map.Entry<String, @Nullable Object> e : patch.entrySet()) {
      String key = e.getKey();
      Object value = e.getValue();
      PatchSchema.Field field = schema.get(key);
      Map<String, PatchSchema.Field> childSchema =
          PatchSchema.fields(field == null ? null : field.type());
      if (value == null) {
        original.remove(key);
        continue;
      }
      Object current = original.get(key);
      if (value instanceof Map<?, ?> pm) {
        @SuppressWarnings("unchecked")
        Map<String, @Nullable Object> pmap = (Map<String, @Nullable Object>) pm;
        Map<String, @Nullable Object> base = current instanceof Map<?, ?> cm
            ? Values.copyMap(cm) : new LinkedHashMap<>();
        Map<String, @Nullable Object> merged = mergeMap(base, pmap, childSchema);
        if (merged == null) {
          original.remove(key);
        } else {
          original.put(key, merged);
        }
      } else if (value instanceof List<?> pl) {
        List<?> base = current instanceof List<?> cl ? cl : List.of();
        original.put(key, mergeList(base, pl, field));
      } else {
        original.put(key, value);
      }
    }
    for (Map.Entry<String, List<?>> o : orders.entrySet()) {
      if (original.get(o.getKey()) instanceof List<?> list) {
        PatchSchema.Field field = schema.get(o.getKey());
        original.put(o.getKey(), reorder(list, o.getValue(), field == null ? "" : field.mergeKey()));
      }
    }
    return original;
  }

  private static List<@Nullable Object> mergeList(List<?> original, List<?> patch,
      PatchSchema.@Nullable Field field) {
    if (field == null || !field.merges()) {
      List<@Nullable Object> out = new ArrayList<>();
      for (Object o : patch) {
        if (o instanceof Map<?, ?> m && m.containsKey(PATCH)) {
          if (m.size() == 1 && "replace".equals(m.get(PATCH))) {
            continue;
          }
        }
        out.add(o instanceof Map<?, ?> m ? strip(Values.copyMap(m), Map.of()) : o);
      }
      return out;
    }
    Map<String, PatchSchema.Field> elementSchema = PatchSchema.fields(field.type());
    String key = field.mergeKey();
    if (key.isEmpty()) {
      List<@Nullable Object> out = new ArrayList<>(original);
      for (Object o : patch) {
        if (o instanceof Map<?, ?>) {
          throw new PatchException("Unable to find merge key for primitive list", true);
        }
        if (!out.contains(o)) {
          out.add(o);
        }
      }
      return out;
    }
    boolean replace = false;
    for (Object o : patch) {
      if (o instanceof Map<?, ?> m && "replace".equals(m.get(PATCH)) && m.size() == 1) {
        replace = true;
      }
    }
    List<@Nullable Object> out = new ArrayList<>();
    if (!replace) {
      for (Object o : original) {
        out.add(Values.copy(o));
      }
    }
    for (Object o : patch) {
      if (!(o instanceof Map<?, ?> pm)) {
        throw new PatchException("found non-map element in a list with merge key " + key, false);
      }
      @SuppressWarnings("unchecked")
      Map<String, @Nullable Object> element = Values.copyMap((Map<String, Object>) pm);
      if (replace && element.size() == 1 && element.containsKey(PATCH)) {
        continue;
      }
      if (!element.containsKey(key)) {
        throw new PatchException("map: " + element + " does not contain declared merge key: "
            + key, false);
      }
      Object id = element.get(key);
      int at = indexOf(out, key, id);
      if ("delete".equals(element.get(PATCH))) {
        if (at >= 0) {
          out.remove(at);
        }
        continue;
      }
      if (at >= 0 && out.get(at) instanceof Map<?, ?> existing) {
        Map<String, @Nullable Object> merged = mergeMap(Values.copyMap(existing), element,
            elementSchema);
        if (merged == null) {
          out.remove(at);
        } else {
          out.set(at, merged);
        }
      } else {
        Map<String, @Nullable Object> added = mergeMap(new LinkedHashMap<>(), element,
            elementSchema);
        if (added != null) {
          out.add(added);
        }
      }
    }
    return out;
  }

  private static int indexOf(List<?> list, String key, @Nullable Object id) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) instanceof Map<?, ?> m && Objects.equals(m.get(key), id)) {
        return i;
      }
    }
    return -1;
  }

  /** Returns {@code map} with directives applied against nothing (a value new to the object). */
  private static @Nullable Map<String, @Nullable Object> strip(Map<String, @Nullable Object> map,
      Map<String, PatchSchema.Field> schema) {
    map.remove(PATCH);
    return mergeMap(new LinkedHashMap<>(), map, schema);
  }

  /**
   * Orders {@code list} by {@code order}: the elements the order names, in its order, interleaved
   * with the others (kept in their current relative order) by their current position.
   */
  private static List<@Nullable Object> reorder(List<?> list, List<?> order, String mergeKey) {
    List<Object> ordered = new ArrayList<>();
    for (Object o : order) {
      Object id = mergeKey.isEmpty() ? o : (o instanceof Map<?, ?> m ? m.get(mergeKey) : null);
      for (Object item : list) {
        Object itemId = mergeKey.isEmpty() ? item : (item instanceof Map<?, ?> m ? m.get(mergeKey) : null);
        if (Objects.equals(itemId, id) && !ordered.contains(item)) {
          ordered.add(item);
          break;
        }
      }
    }
    List<Object> others = new ArrayList<>();
    for (Object item : list) {
      if (!ordered.contains(item)) {
        others.add(item);
      }
    }
    List<@Nullable Object> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < ordered.size() || j < others.size()) {
      if (j >= others.size()
          || (i < ordered.size() && list.indexOf(ordered.get(i)) < list.indexOf(others.get(j)))) {
        out.add(ordered.get(i++));
      } else {
        out.add(others.get(j++));
      }
    }
    return out;
  }
}
