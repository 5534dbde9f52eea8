package io.gatehouse.server.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fields an operation would change that other managers own (upstream's {@code merge.Conflicts}),
 * in manager order (upstream's order is random) and, per manager, in field-set order. Thrown by
 * the updater when the operation is not forced.
 */
final class Conflicts extends Exception {

  private static final long serialVersionUID = 1L;

  /** One conflicting field. */
  record Conflict(String manager, FieldPath path) {}

  private final transient List<Conflict> conflicts;

  Conflicts(List<Conflict> conflicts) {
    super("conflicts", null, false, false);
    this.conflicts = List.copyOf(conflicts);
  }

  /** Returns the conflicts of {@code sets} (manager → conflicting fields). */
  static Conflicts of(Map<String, VersionedSet> sets) {
    List<Conflict> out = new ArrayList<>();
    new TreeMap<>(sets).forEach((manager, vs) -> vs.set().iterate(p -> out.add(
        new Conflict(manager, p))));
    return new Conflicts(out);
  }

  List<Conflict> conflicts() {
    return conflicts;
  }

  /** Returns the conflicting paths as a set. */
  FieldSet toSet() {
    FieldSet s = FieldSet.empty();
    conflicts.forEach(c -> s.insert(c.path()));
    return s;
  }

  /** Returns the conflicts whose path is not in {@code allowed}. */
  Conflicts without(FieldSet allowed) {
    return new Conflicts(conflicts.stream().filter(c -> !allowed.has(c.path())).toList());
  }
}
