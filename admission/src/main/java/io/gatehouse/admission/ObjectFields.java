package io.gatehouse.admission;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Typed reads and creating writes of the {@code Map}/{@code List} trees inside objects, for
 * plugins that read or change a few fields. Reads never fail: a missing or mistyped value reads
 * as empty. Stateless.
 */
public final class ObjectFields {

  private ObjectFields() {}

  /** The value if it is a map, else an empty map. */
  public static Map<?, ?> map(@Nullable Object o) {
    return o instanceof Map<?, ?> m ? m : Map.of();
  }

  /** The value if it is a list, else an empty list. */
  public static List<?> list(@Nullable Object o) {
    return o instanceof List<?> l ? l : List.of();
  }

  /** The maps in the value if it is a list (other elements skipped), else an empty list. */
  public static List<Map<String, @Nullable Object>> maps(@Nullable Object o) {
    List<Map<String, @Nullable Object>> out = new ArrayList<>();
    for (Object e : list(o)) {
      if (e instanceof Map<?, ?> m) {
        @SuppressWarnings("unchecked")
        Map<String, @Nullable Object> typed = (Map<String, @Nullable Object>) m;
        out.add(typed);
      }
    }
    return out;
  }

  /** The value if it is a string, else {@code ""}. */
  public static String str(@Nullable Object o) {
    return o instanceof String s ? s : "";
  }

  /** The value at {@code path} below {@code root}, or null. */
  public static @Nullable Object at(@Nullable Object root, String... path) {
    Object cur = root;
    for (String p : path) {
      if (!(cur instanceof Map<?, ?> m)) {
        return null;
      }
      cur = m.get(p);
    }
    return cur;
  }

  /** The map at {@code key} of {@code parent}, created (replacing a non-map) when missing. */
  public static Map<String, @Nullable Object> child(Map<String, @Nullable Object> parent,
      String key) {
    if (parent.get(key) instanceof Map<?, ?> m) {
      @SuppressWarnings("unchecked")
      Map<String, @Nullable Object> typed = (Map<String, @Nullable Object>) m;
      return typed;
    }
    Map<String, @Nullable Object> created = new LinkedHashMap<>();
    parent.put(key, created);
    return created;
  }

  /** The list at {@code key} of {@code parent}, created (replacing a non-list) when missing. */
  public static List<@Nullable Object> childList(Map<String, @Nullable Object> parent,
      String key) {
    if (parent.get(key) instanceof List<?> l) {
      @SuppressWarnings("unchecked")
      List<@Nullable Object> typed = (List<@Nullable Object>) l;
      return typed;
    }
    List<@Nullable Object> created = new ArrayList<>();
    parent.put(key, created);
    return created;
  }
}
