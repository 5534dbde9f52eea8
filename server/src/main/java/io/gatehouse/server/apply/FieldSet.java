package io.gatehouse.server.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A set of field paths stored as a tree (upstream's {@code fieldpath.Set}): at each node the
 * elements that are members (owned leaves or owned nodes) and the children with paths below them;
 * a node may be both. The set operations follow upstream exactly, including {@link
 * #difference} ignoring members of the other set when descending, and {@link
 * #recursiveDifference} dropping whole subtrees under the other set's members.
 *
 * <p>Not thread-safe. Only {@link #insert} mutates; the operations return new sets that share no
 * nodes with their inputs.
 */
final class FieldSet {

  private final NavigableSet<PathElement> members = new TreeSet<>();
  private final NavigableMap<PathElement, FieldSet> children = new TreeMap<>();

  /** Returns a new empty set. */
  static FieldSet empty() {
    return new FieldSet();
  }

  /** Returns a set of {@code paths}. */
  static FieldSet of(FieldPath... paths) {
    FieldSet s = new FieldSet();
    for (FieldPath p : paths) {
      s.insert(p);
    }
    return s;
  }

  NavigableSet<PathElement> members() {
    return members;
  }

  NavigableMap<PathElement, FieldSet> children() {
    return children;
  }

  /** Adds {@code path} (the root path is ignored). */
  void insert(FieldPath path) {
    List<PathElement> els = path.elements();
    if (els.isEmpty()) {
      return;
    }
    FieldSet node = this;
    for (int i = 0; i < els.size() - 1; i++) {
      node = node.children.computeIfAbsent(els.get(i), k -> new FieldSet());
    }
    node.members.add(els.get(els.size() - 1));
  }

  /** Returns the child set below {@code pe}, creating it. */
  FieldSet descend(PathElement pe) {
    return children.computeIfAbsent(pe, k -> new FieldSet());
  }

  /** Returns whether {@code path} is a member. */
  boolean has(FieldPath path) {
    List<PathElement> els = path.elements();
    if (els.isEmpty()) {
      return false;
    }
    FieldSet node = this;
    for (int i = 0; i < els.size() - 1; i++) {
      node = node.children.get(els.get(i));
      if (node == null) {
        return false;
      }
    }
    return node.members.contains(els.get(els.size() - 1));
  }

  boolean isEmpty() {
    if (!members.isEmpty()) {
      return false;
    }
    for (FieldSet c : children.values()) {
      if (!c.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /** Returns the paths below {@code pe} (relative to it), or an empty set. */
  FieldSet withPrefix(PathElement pe) {
    FieldSet c = children.get(pe);
    return c == null ? new FieldSet() : c.copy();
  }

  FieldSet copy() {
    FieldSet out = new FieldSet();
    out.members.addAll(members);
    children.forEach((pe, c) -> out.children.put(pe, c.copy()));
    return out;
  }

  FieldSet union(FieldSet o) {
    FieldSet out = copy();
    out.members.addAll(o.members);
    o.children.forEach((pe, c) -> {
      FieldSet mine = out.children.get(pe);
      out.children.put(pe, mine == null ? c.copy() : mine.union(c));
    });
    return out;
  }

  FieldSet intersection(FieldSet o) {
    FieldSet out = new FieldSet();
    for (PathElement pe : members) {
      if (o.members.contains(pe)) {
        out.members.add(pe);
      }
    }
    children.forEach((pe, c) -> {
      FieldSet theirs = o.children.get(pe);
      if (theirs != null) {
        FieldSet i = c.intersection(theirs);
        if (!i.isEmpty()) {
          out.children.put(pe, i);
        }
      }
    });
    return out;
  }

  FieldSet difference(FieldSet o) {
    FieldSet out = new FieldSet();
    for (PathElement pe : members) {
      if (!o.members.contains(pe)) {
        out.members.add(pe);
      }
    }
    children.forEach((pe, c) -> {
      FieldSet theirs = o.children.get(pe);
      if (theirs == null) {
        out.children.put(pe, c.copy());
      } else {
        FieldSet d = c.difference(theirs);
        if (!d.isEmpty()) {
          out.children.put(pe, d);
        }
      }
    });
    return out;
  }

  FieldSet recursiveDifference(FieldSet o) {
    FieldSet out = new FieldSet();
    for (PathElement pe : members) {
      if (!o.members.contains(pe)) {
        out.members.add(pe);
      }
    }
    children.forEach((pe, c) -> {
      if (o.members.contains(pe)) {
        return;
      }
      FieldSet theirs = o.children.get(pe);
      if (theirs == null) {
        out.children.put(pe, c.copy());
      } else {
        FieldSet d = c.recursiveDifference(theirs);
        if (!d.isEmpty()) {
          out.children.put(pe, d);
        }
      }
    });
    return out;
  }

  /** Calls {@code f} for every member path: this node's members first, then each child's. */
  void iterate(Consumer<FieldPath> f) {
    iterate(FieldPath.ROOT, f);
  }

  private void iterate(FieldPath prefix, Consumer<FieldPath> f) {
    members.forEach(pe -> f.accept(prefix.child(pe)));
    children.forEach((pe, c) -> c.iterate(prefix.child(pe), f));
  }

  /** Returns every member path in iteration order. */
  List<FieldPath> paths() {
    List<FieldPath> out = new ArrayList<>();
    iterate(out::add);
    return out;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof FieldSet s)) {
      return false;
    }
    if (!members.equals(s.members) || children.size() != s.children.size()) {
      return false;
    }
    for (Map.Entry<PathElement, FieldSet> e : children.entrySet()) {
      FieldSet theirs = s.children.get(e.getKey());
      if (theirs == null || !theirs.equals(e.getValue())) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return paths().size();
  }

  @Override
  public String toString() {
    List<String> out = new ArrayList<>();
    iterate(p -> out.add(p.toString()));
    return String.join("\n", out);
  }
}
