package io.gatehouse.server.apply;

import io.gatehouse.server.apply.SchemaType.ListType;
import io.gatehouse.server.apply.SchemaType.MapType;
import io.gatehouse.server.apply.SchemaType.Relationship;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Merges an applied configuration into a live object (upstream's {@code TypedValue.Merge} with
 * {@code ruleKeepRHS}): leaves take the configuration's value; granular maps merge by entry;
 * associative lists merge by key, ordered as upstream orders them (the configuration's items in
 * its order, live items it does not mention kept in place between them, duplicated live items not
 * merged). Index-based and atomic lists are leaves. Maps keep the live object's key order, new
 * keys last. Stateless.
 */
final class MergeWalk {

  private MergeWalk() {}

  /** A merge that cannot proceed (invalid list items, a scalar where a map is expected…). */
  static final class MergeException extends Exception {
    private static final long serialVersionUID = 1L;

    MergeException(String message) {
      super(message, null, false, false);
    }
  }

  /** Returns {@code lhs} merged with {@code rhs}. */
  static @Nullable Object merge(SchemaType type, @Nullable Object lhs, @Nullable Object rhs)
      throws MergeException {
    Object out = merge(type, lhs, rhs, FieldPath.ROOT);
    return out == Atoms.ABSENT ? null : out;
  }

  private static @Nullable Object merge(SchemaType type, @Nullable Object lhs,
      @Nullable Object rhs, FieldPath path) throws MergeException {
    SchemaType al = Atoms.resolve(type, lhs);
    SchemaType ar = Atoms.resolve(type, rhs);
    if (!al.equals(ar)) {
      handle(al, lhs, rhs, path);
    }
    return handle(ar, lhs, rhs, path);
  }

  private static @Nullable Object leaf(@Nullable Object lhs, @Nullable Object rhs) {
    return Atoms.isAbsent(rhs) ? lhs : rhs;
  }

  private static @Nullable Object handle(SchemaType atom, @Nullable Object lhs,
      @Nullable Object rhs, FieldPath path) throws MergeException {
    switch (atom) {
      case ListType list -> {
        List<?> l = Comparison.asList(lhs);
        List<?> r = Comparison.asList(rhs);
        boolean empty = (l == null || l.isEmpty()) && (r == null || r.isEmpty());
        if (list.relationship() == Relationship.ATOMIC || empty) {
          return leaf(lhs, rhs);
        }
        return mergeItems(list, l, r, path);
      }
      case MapType map -> {
        Map<?, ?> l = Comparison.asMap(lhs);
        Map<?, ?> r = Comparison.asMap(rhs);
        boolean empty = (l == null || l.isEmpty()) && (r == null || r.isEmpty());
        if (map.atomic() || empty) {
          return leaf(lhs, rhs);
        }
        Set<String> keys = new LinkedHashSet<>();
        if (l != null) {
          l.keySet().forEach(k -> keys.add(String.valueOf(k)));
        }
        if (r != null) {
          r.keySet().forEach(k -> keys.add(String.valueOf(k)));
        }
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        for (String k : keys) {
          SchemaType t = map.typeOf(k);
          FieldPath child = path.child(new PathElement.FieldName(k));
          if (t == null) {
            throw new MergeException(child + ": field not declared in schema");
          }
          Object v = merge(t, Comparison.entry(l, k), Comparison.entry(r, k), child);
          if (v != Atoms.ABSENT) {
            out.put(k, v);
          }
        }
        return out.isEmpty() ? Atoms.ABSENT : out;
      }
      default -> {
        if (!scalarOrMissing(lhs) || !scalarOrMissing(rhs)) {
          throw new MergeException(path + ": expected any scalar, got "
              + Atoms.describe(scalarOrMissing(lhs) ? rhs : lhs));
        }
        return leaf(lhs, rhs);
      }
    }
  }

  private static boolean scalarOrMissing(@Nullable Object v) {
    return !(v instanceof Map<?, ?>) && !(v instanceof List<?>);
  }

  private record Indexed(List<PathElement> order, TreeMap<PathElement, Object> observed,
      TreeSet<PathElement> duplicated) {}

  private static Indexed index(ListType list, @Nullable List<?> items, boolean allowDuplicates,
      FieldPath path) throws MergeException {
    List<PathElement> order = new ArrayList<>();
    TreeMap<PathElement, Object> observed = new TreeMap<>();
    TreeSet<PathElement> duplicated = new TreeSet<>();
    if (items != null) {
      for (int i = 0; i < items.size(); i++) {
        PathElement pe;
        try {
          pe = Atoms.item(list, i, items.get(i));
        } catch (Atoms.ItemException e) {
          throw new MergeException(path + ": element " + i + ": " + e.getMessage());
        }
        if (observed.containsKey(pe)) {
          if (!allowDuplicates) {
            throw new MergeException(path + ": duplicate entries for key " + pe.text());
          }
          duplicated.add(pe);
        } else {
          observed.put(pe, items.get(i));
        }
        order.add(pe);
      }
    }
    return new Indexed(order, observed, duplicated);
  }

  private static Object mergeItems(ListType list, @Nullable List<?> l, @Nullable List<?> r,
      FieldPath path) throws MergeException {
    Indexed rhs = index(list, r, false, path);
    Indexed lhs = index(list, l, true, path);
    List<PathElement> shared = new ArrayList<>();
    for (PathElement pe : rhs.order()) {
      if (lhs.observed().containsKey(pe)) {
        shared.add(pe);
      }
    }
    int next = 0;
    PathElement nextShared = shared.isEmpty() ? null : shared.get(next++);
    TreeSet<PathElement> mergedRhs = new TreeSet<>();
    List<@Nullable Object> out = new ArrayList<>();
    int lLen = lhs.order().size();
    int rLen = rhs.order().size();
    for (int li = 0, ri = 0; li < lLen || ri < rLen; ) {
      if (li < lLen && ri < rLen) {
        PathElement pe = lhs.order().get(li);
        if (pe.compareTo(rhs.order().get(ri)) == 0) {
          mergedRhs.add(pe);
          add(out, mergeItem(list, pe, lhsChild(lhs, pe), rhs.observed().get(pe), path));
          li++;
          ri++;
          nextShared = next < shared.size() ? shared.get(next++) : null;
          continue;
        }
        if (rhs.observed().containsKey(pe) && nextShared != null
            && nextShared.compareTo(pe) != 0) {
          li++;
          continue;
        }
      }
      if (li < lLen) {
        PathElement pe = lhs.order().get(li);
        if (!rhs.observed().containsKey(pe)) {
          add(out, mergeItem(list, pe, l.get(li), Atoms.ABSENT, path));
          li++;
          continue;
        } else if (mergedRhs.contains(pe)) {
          li++;
          continue;
        }
      }
      if (ri < rLen) {
        PathElement pe = rhs.order().get(ri);
        mergedRhs.add(pe);
        Object lChild = lhs.observed().containsKey(pe) ? lhsChild(lhs, pe) : Atoms.ABSENT;
        add(out, mergeItem(list, pe, lChild, rhs.observed().get(pe), path));
        ri++;
        if (nextShared != null && nextShared.compareTo(pe) == 0) {
          nextShared = next < shared.size() ? shared.get(next++) : null;
        }
      }
    }
    return out.isEmpty() ? Atoms.ABSENT : out;
  }

  /** A duplicated live item is not merged: the configuration's item replaces it. */
  private static @Nullable Object lhsChild(Indexed lhs, PathElement pe) {
    return lhs.duplicated().contains(pe) ? Atoms.ABSENT : lhs.observed().get(pe);
  }

  private static void add(List<@Nullable Object> out, @Nullable Object v) {
    if (v != Atoms.ABSENT) {
      out.add(v);
    }
  }

  private static @Nullable Object mergeItem(ListType list, PathElement pe, @Nullable Object l,
      @Nullable Object r, FieldPath path) throws MergeException {
    return merge(list.element(), l, r, path.child(pe));
  }
}
