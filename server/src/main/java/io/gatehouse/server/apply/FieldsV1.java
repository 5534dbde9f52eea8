package io.gatehouse.server.apply;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code FieldsV1} encoding of a {@link FieldSet} as a JSON object tree, byte-compatible with
 * upstream's {@code Set.ToJSON}: keys in path-element order ({@code f:}, then {@code k:}, {@code
 * v:}, {@code i:}), an empty object for a leaf member, {@code ".": {}} first in a node that is
 * itself a member and has children. Decoding follows {@code Set.FromJSON}: unknown element types
 * are dropped, anything else malformed fails. Stateless.
 */
final class FieldsV1 {

  private FieldsV1() {}

  /** Encodes {@code set} as a JSON object tree (insertion-ordered maps). */
  static Map<String, Object> encode(FieldSet set) {
    return emit(set, false);
  }

  private static Map<String, Object> emit(FieldSet set, boolean includeSelf) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (includeSelf && !(set.members().isEmpty() && set.children().isEmpty())) {
      out.put(".", new LinkedHashMap<>());
    }
    Iterator<PathElement> mi = set.members().iterator();
    Iterator<Map.Entry<PathElement, FieldSet>> ci = set.children().entrySet().iterator();
    PathElement m = mi.hasNext() ? mi.next() : null;
    Map.Entry<PathElement, FieldSet> c = ci.hasNext() ? ci.next() : null;
    while (m != null || c != null) {
      int cmp = m == null ? 1 : c == null ? -1 : m.compareTo(c.getKey());
      if (cmp < 0) {
        out.put(m.serialized(), new LinkedHashMap<>());
        m = mi.hasNext() ? mi.next() : null;
      } else {
        out.put(c.getKey().serialized(), emit(c.getValue(), cmp == 0));
        if (cmp == 0) {
          m = mi.hasNext() ? mi.next() : null;
        }
        c = ci.hasNext() ? ci.next() : null;
      }
    }
    return out;
  }

  /**
   * Decodes a {@code FieldsV1} object.
   *
   * @throws IllegalArgumentException if {@code fields} is not a valid encoding
   */
  static FieldSet decode(@Nullable Object fields) {
    Node n = read(fields);
    return n.children == null ? FieldSet.empty() : n.children;
  }

  private record Node(@Nullable FieldSet children, boolean member) {}

  private static Node read(@Nullable Object value) {
    if (value == null) {
      return new Node(null, true);
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("parsing JSON: expect { or n, but found " + value);
    }
    FieldSet children = null;
    boolean member = false;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = String.valueOf(e.getKey());
      if (key.equals(".")) {
        member = true;
        continue;
      }
      PathElement pe;
      try {
        pe = PathElement.parse(key);
      } catch (PathElement.UnknownKindException unknown) {
        continue;
      }
      Node child = read(e.getValue());
      if (child.member) {
        children = children == null ? FieldSet.empty() : children;
        children.members().add(pe);
      }
      if (child.children != null) {
        children = children == null ? FieldSet.empty() : children;
        children.children().put(pe, child.children);
      }
    }
    return new Node(children, children == null || member);
  }
}
