package io.gatehouse.server.apply;

import io.gatehouse.api.Status;
import io.gatehouse.api.StatusException;
import io.gatehouse.api.StatusReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The 409 Conflict an apply with conflicts gets (upstream's {@code NewConflictError}): {@code
 * Apply failed with 1 conflict: conflict with "m" using apps/v1: .spec.replicas}, or for several
 * the managers in order, each followed by its fields; one {@code FieldManagerConflict} cause per
 * field. Stateless.
 */
final class ApplyConflict {

  private ApplyConflict() {}

  static StatusException of(Conflicts conflicts) {
    List<Conflicts.Conflict> all = conflicts.conflicts();
    List<Status.Cause> causes = new ArrayList<>();
    for (Conflicts.Conflict c : all) {
      causes.add(new Status.Cause("FieldManagerConflict",
          "conflict with " + ManagedFields.Identity.print(c.manager()), c.path().toString()));
    }
    String message;
    if (all.size() == 1) {
      message = "Apply failed with 1 conflict: conflict with "
          + ManagedFields.Identity.print(all.get(0).manager()) + ": " + all.get(0).path();
    } else {
      Map<String, List<FieldPath>> byManager = new TreeMap<>();
      all.forEach(c -> byManager.computeIfAbsent(c.manager(), k -> new ArrayList<>())
          .add(c.path()));
      List<String> lines = new ArrayList<>();
      byManager.forEach((manager, paths) -> {
        lines.add("conflicts with " + ManagedFields.Identity.print(manager) + ":");
        paths.forEach(p -> lines.add("- " + p));
      });
      message = "Apply failed with " + all.size() + " conflicts: " + String.join("\n", lines);
    }
    return new StatusException(new Status(message, StatusReason.CONFLICT,
        new Status.Details("", "", "", causes), 409));
  }
}
