package io.gatehouse.server.patch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** RFC 6901 JSON pointers over map trees, for {@link JsonPatch}. Mutates the given tree. */
final class Pointer {

  private Pointer() {}

  static List<String> parse(String pointer) {
    List<String> out = new ArrayList<>();
    if (pointer.isEmpty()) {
      return out;
    }
    if (!pointer.startsWith("/")) {
      throw new PatchException("JSON pointer must be empty or start with a \"/\": "
          + quote(pointer), false);
    }
    for (String t : pointer.substring(1).split("/", -1)) {
      out.add(t.replace("~1", "/").replace("~0", "~"));
    }
    return out;
  }

  static String quote(String s) {
    return io.gatehouse.api.GoQuote.quote(s);
  }

  static boolean exists(@Nullable Object doc, List<String> tokens) {
    Object cur = doc;
    for (String t : tokens) {
      if (cur instanceof Map<?, ?> m && m.containsKey(t)) {
        cur = m.get(t);
      } else if (cur instanceof List<?> l && index(t, l.size()) >= 0) {
        cur = l.get(index(t, l.size()));
      } else {
        return false;
      }
    }
    return true;
  }

  static @Nullable Object get(@Nullable Object doc, List<String> tokens) {
    Object cur = doc;
    for (String t : tokens) {
      cur = cur instanceof Map<?, ?> m ? m.get(t) : ((List<?>) cur).get(index(t, Integer.MAX_VALUE));
    }
    return cur;
  }

  @SuppressWarnings("unchecked")
  static @Nullable Object add(@Nullable Object doc, List<String> tokens, @Nullable Object value,
      String path) {
    if (tokens.isEmpty()) {
      return value;
    }
    Object parent = parent(doc, tokens, path, "add");
    String last = tokens.get(tokens.size() - 1);
    if (parent instanceof Map<?, ?> m) {
      ((Map<String, @Nullable Object>) m).put(last, value);
    } else if (parent instanceof List<?> l) {
      List<@Nullable Object> list = (List<@Nullable Object>) l;
      int i = last.equals("-") ? list.size() : index(last, list.size() + 1);
      if (i < 0) {
        throw new PatchException("Unable to access invalid index: " + last
            + ": invalid index referenced", false);
      }
      list.add(i, value);
    } else {
      throw new PatchException("add operation does not apply: doc is missing path: "
          + quote(path) + ": missing value", false);
    }
    return doc;
  }

  @SuppressWarnings("unchecked")
  static @Nullable Object remove(@Nullable Object doc, List<String> tokens, String path) {
    if (tokens.isEmpty()) {
      return null;
    }
    Object parent = parent(doc, tokens, path, "remove");
    String last = tokens.get(tokens.size() - 1);
    if (parent instanceof Map<?, ?> m && m.containsKey(last)) {
      ((Map<String, @Nullable Object>) m).remove(last);
    } else if (parent instanceof List<?> l && index(last, l.size()) >= 0) {
      ((List<@Nullable Object>) l).remove(index(last, l.size()));
    } else if (parent instanceof List<?>) {
      throw new PatchException("Unable to access invalid index: " + last
          + ": invalid index referenced", false);
    } else {
      throw new PatchException("Unable to remove nonexistent key: " + last + ": missing value",
          false);
    }
    return doc;
  }

  private static @Nullable Object parent(@Nullable Object doc, List<String> tokens, String path,
      String op) {
    List<String> head = tokens.subList(0, tokens.size() - 1);
    if (!exists(doc, head)) {
      throw new PatchException(op + " operation does not apply: doc is missing path: "
          + quote(path) + ": missing value", false);
    }
    return get(doc, head);
  }

  /** The index {@code t} names in a list of {@code size}, or -1. */
  private static int index(String t, int size) {
    if (t.isEmpty() || (t.length() > 1 && t.startsWith("0")) || !t.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    try {
      int i = Integer.parseInt(t);
      return i < size ? i : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static Map<String, @Nullable Object> emptyMap() {
    return new LinkedHashMap<>();
  }
}
