package io.gatehouse.server;

import io.gatehouse.api.GroupVersion;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The API server's half of garbage collection: which deletion finalizers a delete request leaves
 * on an object, as upstream's generic registry ({@code shouldOrphanDependents}, {@code
 * shouldDeleteDependents}, {@code deletionFinalizersForGarbageCollection}) and the namespace
 * registry ({@code shouldHaveOrphanFinalizer}, {@code shouldHaveDeleteDependentsFinalizer}) decide
 * it: the request's {@code orphanDependents} or {@code propagationPolicy} first, then the
 * finalizers the object already has, then the resource's default policy. {@code orphan} makes the
 * garbage collector orphan the dependents, {@code foregroundDeletion} keeps the owner until its
 * blocking dependents are gone; neither (Background) deletes the owner at once and its dependents
 * afterwards. Stateless.
 */
final class DeletionPropagation {

  /** {@code metav1.FinalizerOrphanDependents}. */
  static final String ORPHAN_FINALIZER = "orphan";
  /** {@code metav1.FinalizerDeleteDependents}. */
  static final String FOREGROUND_FINALIZER = "foregroundDeletion";

  /** Upstream's {@code deleteOptionWarnings} of batch/v1 Jobs. */
  static final String JOB_ORPHAN_WARNING = "child pods are preserved by default when jobs are "
      + "deleted; set propagationPolicy=Background to remove them or set "
      + "propagationPolicy=Orphan to suppress this warning";

  private DeletionPropagation() {}

  /** A resource's {@code DefaultGarbageCollectionPolicy}. */
  enum DefaultPolicy {
    /** Dependents are deleted unless the request says otherwise. */
    DELETE_DEPENDENTS,
    /** Dependents are orphaned unless the request says otherwise (legacy group versions). */
    ORPHAN_DEPENDENTS
  }

  /**
   * The default policy of {@code r} at the group version it is served at: {@code OrphanDependents}
   * for core/v1 ReplicationControllers and batch/v1 Jobs (kept for backwards compatibility
   * upstream; apps' workloads orphan only in the group versions 1.16 stopped serving),
   * {@code DeleteDependents} otherwise (custom resources have no policy, which deletes too).
   */
  static DefaultPolicy defaultPolicy(StoredResource r) {
    GroupVersion gv = ResourceTable.groupVersion(r);
    String resource = r.groupResource().resource();
    boolean legacy = gv.equals(new GroupVersion("", "v1"))
        && resource.equals("replicationcontrollers")
        || gv.equals(new GroupVersion("batch", "v1")) && resource.equals("jobs");
    return legacy ? DefaultPolicy.ORPHAN_DEPENDENTS : DefaultPolicy.DELETE_DEPENDENTS;
  }

  /**
   * The finalizers a delete with {@code options} leaves on an object of {@code r} that has {@code
   * current}: both garbage-collection finalizers are removed, then the ones the request (or the
   * object, or the resource's default) asks for are appended.
   *
   * @return the new list, or empty when it holds the same finalizers as {@code current}
   */
  static Optional<List<String>> finalizers(StoredResource r, List<String> current,
      DeleteOptions options) {
    boolean orphan = shouldOrphan(r, current, options);
    boolean foreground = shouldDeleteInForeground(current, options);
    List<String> next = new ArrayList<>();
    for (String f : current) {
      if (!f.equals(ORPHAN_FINALIZER) && !f.equals(FOREGROUND_FINALIZER)) {
        next.add(f);
      }
    }
    if (orphan) {
      next.add(ORPHAN_FINALIZER);
    }
    if (foreground) {
      next.add(FOREGROUND_FINALIZER);
    }
    return new LinkedHashSet<>(next).equals(new LinkedHashSet<>(current))
        ? Optional.empty() : Optional.of(next);
  }

  /**
   * The finalizers the first delete of a namespace leaves on it: {@code orphan} and {@code
   * foregroundDeletion} as the request asks, kept as they are when it does not say.
   */
  static List<String> namespaceFinalizers(List<String> current, DeleteOptions options) {
    boolean orphan = current.contains(ORPHAN_FINALIZER);
    boolean foreground = current.contains(FOREGROUND_FINALIZER);
    if (options.orphanDependents() != null) {
      orphan = options.orphanDependents();
      foreground = !options.orphanDependents();
    } else if (!options.propagationPolicy().isEmpty()) {
      orphan = options.propagationPolicy().equals(DeleteOptions.ORPHAN);
      foreground = options.propagationPolicy().equals(DeleteOptions.FOREGROUND);
    }
    List<String> next = new ArrayList<>(current);
    adjust(next, ORPHAN_FINALIZER, orphan);
    adjust(next, FOREGROUND_FINALIZER, foreground);
    return next;
  }

  /**
   * The warning upstream's Job registry adds to deletes that leave the propagation to batch/v1's
   * orphaning default.
   */
  static List<String> warnings(StoredResource r, DeleteOptions options) {
    boolean jobs = r.groupResource().group().equals("batch")
        && r.groupResource().resource().equals("jobs");
    return jobs && options.propagationPolicy().isEmpty() && options.orphanDependents() == null
        && defaultPolicy(r) == DefaultPolicy.ORPHAN_DEPENDENTS
        ? List.of(JOB_ORPHAN_WARNING) : List.of();
  }

  private static void adjust(List<String> finalizers, String finalizer, boolean present) {
    if (!present) {
      finalizers.removeIf(finalizer::equals);
    } else if (!finalizers.contains(finalizer)) {
      finalizers.add(finalizer);
    }
  }

  private static boolean shouldOrphan(StoredResource r, List<String> current,
      DeleteOptions options) {
    if (options.orphanDependents() != null) {
      return options.orphanDependents();
    }
    if (!options.propagationPolicy().isEmpty()) {
      return options.propagationPolicy().equals(DeleteOptions.ORPHAN);
    }
    Optional<Boolean> fromFinalizers = firstDeletionFinalizer(current, ORPHAN_FINALIZER);
    return fromFinalizers.orElse(defaultPolicy(r) == DefaultPolicy.ORPHAN_DEPENDENTS);
  }

  private static boolean shouldDeleteInForeground(List<String> current, DeleteOptions options) {
    if (options.orphanDependents() != null) {
      return false;
    }
    if (!options.propagationPolicy().isEmpty()) {
      return options.propagationPolicy().equals(DeleteOptions.FOREGROUND);
    }
    return firstDeletionFinalizer(current, FOREGROUND_FINALIZER).orElse(false);
  }

  /** Whether the first garbage-collection finalizer of {@code current} is {@code wanted}. */
  private static Optional<Boolean> firstDeletionFinalizer(List<String> current, String wanted) {
    for (String f : current) {
      if (f.equals(ORPHAN_FINALIZER) || f.equals(FOREGROUND_FINALIZER)) {
        return Optional.of(f.equals(wanted));
      }
    }
    return Optional.empty();
  }
}
