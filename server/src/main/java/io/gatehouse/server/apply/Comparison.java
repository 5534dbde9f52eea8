package io.gatehouse.server.apply;

import io.gatehouse.server.apply.SchemaType.ListType;
import io.gatehouse.server.apply.SchemaType.MapType;
import io.gatehouse.server.apply.SchemaType.Relationship;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The difference between two values of one type (upstream's {@code TypedValue.Compare}): the
 * fields {@code rhs} removed, modified and added. Leaves (scalars, atomic values, empty or null
 * lists and maps) are compared whole; a granular list or map that appears or disappears is itself
 * added or removed as well as all its children. Duplicated list items are compared once. Not
 * thread-safe; the sets are owned by the caller.
 *
 * @param removed fields present only in lhs
 * @param modified leaves present in both but different
 * @param added fields present only in rhs
 */
record Comparison(FieldSet removed, FieldSet modified, FieldSet added) {

  /** Compares {@code lhs} with {@code rhs}. */
  static Comparison of(SchemaType type, @Nullable Object lhs, @Nullable Object rhs) {
    Comparison c = new Comparison(FieldSet.empty(), FieldSet.empty(), FieldSet.empty());
    c.compare(type, lhs, rhs, FieldPath.ROOT);
    return c;
  }

  boolean isSame() {
    return removed.isEmpty() && modified.isEmpty() && added.isEmpty();
  }

  /** Returns this comparison without the fields under {@code ignored} (upstream's ExcludeFields). */
  Comparison excluding(@Nullable FieldSet ignored) {
    if (ignored == null || ignored.isEmpty()) {
      return this;
    }
    return new Comparison(removed.recursiveDifference(ignored),
        modified.recursiveDifference(ignored), added.recursiveDifference(ignored));
  }

  private void compare(SchemaType type, @Nullable Object lhs, @Nullable Object rhs,
      FieldPath path) {
    SchemaType al = Atoms.resolve(type, lhs);
    SchemaType ar = Atoms.resolve(type, rhs);
    boolean leaf;
    if (Atoms.isAbsent(rhs)) {
      leaf = handle(al, lhs, rhs, path);
    } else if (Atoms.isAbsent(lhs) || al.equals(ar)) {
      leaf = handle(ar, lhs, rhs, path);
    } else {
      handle(al, lhs, rhs, path);
      leaf = handle(ar, lhs, rhs, path);
    }
    if (!leaf) {
      if (Atoms.isAbsent(lhs)) {
        added.insert(path);
      } else if (Atoms.isAbsent(rhs)) {
        removed.insert(path);
      }
    }
  }

  /** Compares under one resolved type; returns whether the value was a leaf. */
  private boolean handle(SchemaType atom, @Nullable Object lhs, @Nullable Object rhs,
      FieldPath path) {
    switch (atom) {
      case ListType list -> {
        List<?> l = asList(lhs);
        List<?> r = asList(rhs);
        boolean empty = (l == null || l.isEmpty()) && (r == null || r.isEmpty());
        if (list.relationship() == Relationship.ATOMIC || empty) {
          leaf(lhs, rhs, path);
          return true;
        }
        compareItems(list, l, r, path);
        return false;
      }
      case MapType map -> {
        Map<?, ?> l = asMap(lhs);
        Map<?, ?> r = asMap(rhs);
        boolean empty = (l == null || l.isEmpty()) && (r == null || r.isEmpty());
        if (map.atomic() || empty) {
          leaf(lhs, rhs, path);
          return true;
        }
        Set<String> keys = new LinkedHashSet<>();
        if (l != null) {
          l.keySet().forEach(k -> keys.add(String.valueOf(k)));
        }
        if (r != null) {
          r.keySet().forEach(k -> keys.add(String.valueOf(k)));
        }
        for (String k : keys) {
          SchemaType t = map.typeOf(k);
          if (t != null) {
            compare(t, present(map, k, entry(l, k)), present(map, k, entry(r, k)),
                path.child(new PathElement.FieldName(k)));
          }
        }
        return false;
      }
      default -> {
        leaf(lhs, rhs, path);
        return true;
      }
    }
  }

  private void leaf(@Nullable Object lhs, @Nullable Object rhs, FieldPath path) {
    if (Atoms.isAbsent(lhs)) {
      added.insert(path);
    } else if (Atoms.isAbsent(rhs)) {
      removed.insert(path);
    } else if (!Values.equal(lhs, rhs)) {
      modified.insert(path);
    }
  }

  private void compareItems(ListType list, @Nullable List<?> l, @Nullable List<?> r,
      FieldPath path) {
    TreeMap<PathElement, Object> lValues = index(list, l);
    TreeMap<PathElement, Object> rValues = new TreeMap<>();
    if (r != null) {
      for (int i = 0; i < r.size(); i++) {
        PathElement pe = element(list, i, r.get(i));
        if (pe == null || rValues.containsKey(pe)) {
          continue;
        }
        rValues.put(pe, r.get(i));
        compare(list.element(), lValues.getOrDefault(pe, Atoms.ABSENT), r.get(i),
            path.child(pe));
      }
    }
    if (l != null) {
      for (int i = 0; i < l.size(); i++) {
        PathElement pe = element(list, i, l.get(i));
        if (pe != null && !rValues.containsKey(pe)) {
          compare(list.element(), l.get(i), Atoms.ABSENT, path.child(pe));
        }
      }
    }
  }

  private static TreeMap<PathElement, Object> index(ListType list, @Nullable List<?> items) {
    TreeMap<PathElement, Object> out = new TreeMap<>();
    if (items != null) {
      for (int i = 0; i < items.size(); i++) {
        PathElement pe = element(list, i, items.get(i));
        if (pe != null) {
          out.putIfAbsent(pe, items.get(i));
        }
      }
    }
    return out;
  }

  private static @Nullable PathElement element(ListType list, int i, @Nullable Object item) {
    try {
      return Atoms.item(list, i, item);
    } catch (Atoms.ItemException e) {
      return null;
    }
  }

  /** A typed object's always-present struct field is an empty map when missing. */
  private static @Nullable Object present(MapType map, String key, @Nullable Object v) {
    return Atoms.isAbsent(v) && map.present().contains(key) ? Map.of() : v;
  }

  static @Nullable Object entry(@Nullable Map<?, ?> m, String key) {
    return m != null && m.containsKey(key) ? m.get(key) : Atoms.ABSENT;
  }

  static @Nullable List<?> asList(@Nullable Object v) {
    return v instanceof List<?> l ? l : null;
  }

  static @Nullable Map<?, ?> asMap(@Nullable Object v) {
    return v instanceof Map<?, ?> m ? m : null;
  }
}
