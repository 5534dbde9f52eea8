package io.gatehouse.server.apply;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Ownership bookkeeping and the apply merge of upstream's {@code merge.Updater}: {@link #update}
 * gives the changed fields to the manager and takes them from everyone else; {@link #apply}
 * merges a configuration, prunes what the applier owned alone and stopped applying, and fails
 * with {@link Conflicts} when it would change fields others own (unless forced, in which case they
 * lose them). All versions share one schema here, so conversion between versions is the identity.
 * Thread-safe if the reset-field function is.
 */
final class Updater {

  private final SchemaType type;
  private final Function<String, @Nullable FieldSet> ignored;

  /**
   * @param type the objects' type
   * @param ignored the reset fields per API version (never owned through this endpoint)
   */
  Updater(SchemaType type, Function<String, @Nullable FieldSet> ignored) {
    this.type = type;
    this.ignored = ignored;
  }

  /**
   * The outcome of an apply.
   *
   * @param changed whether the object changed (upstream returns no object otherwise)
   * @param object the new object
   * @param managers the new owners
   */
  record Applied(boolean changed, @Nullable Object object, Map<String, VersionedSet> managers) {}

  private record Updated(Map<String, VersionedSet> managers, Comparison comparison) {}

  private Updated update(@Nullable Object oldObject, @Nullable Object newObject, String version,
      Map<String, VersionedSet> managers, String workflow, boolean force) throws Conflicts {
    Map<String, Comparison> versions = new HashMap<>();
    Comparison compare = Comparison.of(type, oldObject, newObject).excluding(ignored.apply(version));
    versions.put(version, compare);
    Map<String, VersionedSet> conflicts = new TreeMap<>();
    Map<String, FieldSet> removed = new TreeMap<>();
    for (Map.Entry<String, VersionedSet> e : new TreeMap<>(managers).entrySet()) {
      if (e.getKey().equals(workflow)) {
        continue;
      }
      VersionedSet vs = e.getValue();
      Comparison c = versions.computeIfAbsent(vs.apiVersion(), v -> Comparison.of(type,
          oldObject, newObject).excluding(ignored.apply(v)));
      FieldSet conflict = vs.set().intersection(c.modified().union(c.added()));
      if (!conflict.isEmpty()) {
        conflicts.put(e.getKey(), new VersionedSet(conflict, vs.apiVersion(), false));
      }
      if (!c.removed().isEmpty()) {
        removed.put(e.getKey(), c.removed());
      }
    }
    if (!force && !conflicts.isEmpty()) {
      throw Conflicts.of(conflicts);
    }
    conflicts.forEach((m, c) -> managers.put(m, without(managers.get(m), c.set())));
    removed.forEach((m, r) -> managers.put(m, without(managers.get(m), r)));
    managers.values().removeIf(vs -> vs.set().isEmpty());
    return new Updated(managers, compare);
  }

  private static VersionedSet without(VersionedSet vs, FieldSet fields) {
    return new VersionedSet(vs.set().difference(fields), vs.apiVersion(), vs.applied());
  }

  /**
   * Records that {@code manager} turned {@code live} into {@code updated} (create, update and
   * non-apply patches). Returns the new owners.
   */
  Map<String, VersionedSet> update(@Nullable Object live, @Nullable Object updated,
      String version, Map<String, VersionedSet> managers, String manager) {
    Updated u;
    try {
      u = update(live, updated, version, new HashMap<>(managers), manager, true);
    } catch (Conflicts impossible) {
      throw new IllegalStateException(impossible);
    }
    Map<String, VersionedSet> out = u.managers();
    VersionedSet mine = out.getOrDefault(manager, new VersionedSet(FieldSet.empty(), version,
        false));
    FieldSet reset = ignored.apply(version);
    Comparison c = u.comparison();
    FieldSet set = mine.set().union(c.modified()).union(c.added()).difference(c.removed())
        .recursiveDifference(reset == null ? FieldSet.empty() : reset);
    out.put(manager, new VersionedSet(set, version, false));
    if (set.isEmpty()) {
      out.remove(manager);
    }
    return out;
  }

  /**
   * Applies {@code config} to {@code live} for {@code manager}.
   *
   * @throws Conflicts when not forced and other managers own changed fields
   * @throws MergeWalk.MergeException when the configuration cannot be merged
   */
  Applied apply(@Nullable Object live, @Nullable Object config, String version,
      Map<String, VersionedSet> managers, String manager, boolean force)
      throws Conflicts, MergeWalk.MergeException {
    Map<String, VersionedSet> owners = new HashMap<>(managers);
    Object merged = MergeWalk.merge(type, live, config);
    VersionedSet lastSet = owners.get(manager);
    FieldSet set = FieldSetWalk.toFieldSet(type, config);
    FieldSet reset = ignored.apply(version);
    if (reset != null) {
      set = set.recursiveDifference(reset);
    }
    owners.put(manager, new VersionedSet(set, version, true));
    Object pruned = prune(merged, owners, lastSet);
    Updated u = update(live, pruned, version, owners, manager, force);
    return new Applied(!Values.equal(live, pruned), pruned, u.managers());
  }

  private @Nullable Object prune(@Nullable Object merged, Map<String, VersionedSet> managers,
      @Nullable VersionedSet lastSet) {
    if (lastSet == null || lastSet.set().isEmpty()) {
      return merged;
    }
    Object pruned = RemoveWalk.remove(type, merged, named(lastSet.set()));
    FieldSet managed = FieldSet.empty();
    for (VersionedSet vs : managers.values()) {
      managed = managed.union(vs.set());
    }
    FieldSet mergedSet = named(FieldSetWalk.toFieldSet(type, merged));
    FieldSet prunedSet = named(FieldSetWalk.toFieldSet(type, pruned));
    pruned = RemoveWalk.remove(type, merged,
        mergedSet.difference(prunedSet.union(named(managed))));
    prunedSet = named(FieldSetWalk.toFieldSet(type, pruned));
    return RemoveWalk.remove(type, merged,
        mergedSet.difference(prunedSet).intersection(named(lastSet.set())));
  }

  private FieldSet named(FieldSet s) {
    return FieldSetWalk.ensureNamedFieldsAreMembers(s, type);
  }
}
