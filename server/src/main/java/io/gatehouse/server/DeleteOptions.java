package io.gatehouse.server;

import io.gatehouse.api.GroupResource;
import io.gatehouse.api.StatusException;
import io.gatehouse.api.Unstructured;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The parts of {@code meta.k8s.io/v1 DeleteOptions} the registry honours: preconditions ({@code
 * uid}, {@code resourceVersion}) and {@code dryRun}. {@code gracePeriodSeconds} is irrelevant
 * (nothing runs), {@code propagationPolicy} is validated and accepted but no garbage collector
 * acts on it. Immutable.
 *
 * @param uid the uid precondition, or empty
 * @param resourceVersion the resourceVersion precondition, or empty
 * @param dryRun whether nothing is persisted
 * @param propagationPolicy {@code Orphan}, {@code Background}, {@code Foreground} or empty
 */
record DeleteOptions(String uid, String resourceVersion, boolean dryRun, String propagationPolicy) {

  static final DeleteOptions DEFAULT = new DeleteOptions("", "", false, "");

  /**
   * Reads a {@code DeleteOptions} body (may be null) merged with query parameters.
   *
   * @throws StatusException 400 for an unknown dry-run value or propagation policy
   */
  static DeleteOptions of(@Nullable Map<String, @Nullable Object> body, List<String> queryDryRun,
      String queryPolicy) {
    String uid = "";
    String rv = "";
    List<?> dryRun = queryDryRun;
    String policy = queryPolicy;
    if (body != null) {
      if (body.get("preconditions") instanceof Map<?, ?> p) {
        uid = p.get("uid") instanceof String s ? s : "";
        rv = p.get("resourceVersion") instanceof String s ? s : "";
      }
      if (body.get("dryRun") instanceof List<?> l && !l.isEmpty()) {
        dryRun = l;
      }
      if (body.get("propagationPolicy") instanceof String s) {
        policy = s;
      }
    }
    if (!policy.isEmpty() && !List.of("Orphan", "Background", "Foreground").contains(policy)) {
      throw StatusException.badRequest("DeleteOptions.meta.k8s.io \"\" is invalid: "
          + "propagationPolicy: Unsupported value: \"" + policy
          + "\": supported values: \"Foreground\", \"Background\", \"Orphan\", \"nil\"");
    }
    return new DeleteOptions(uid, rv, DryRun.parse(dryRun.stream().map(String::valueOf).toList()),
        policy);
  }

  /** Throws upstream's precondition conflicts. */
  void checkPreconditions(GroupResource gr, Unstructured current) {
    if (!uid.isEmpty() && !uid.equals(current.uid())) {
      throw ApiErrors.conflict(gr, current.name(), "Precondition failed: UID in precondition: "
          + uid + ", UID in object meta: " + current.uid());
    }
    String currentRv = current.metadata().get("resourceVersion") instanceof String s ? s : "";
    if (!resourceVersion.isEmpty() && !resourceVersion.equals(currentRv)) {
      throw ApiErrors.conflict(gr, current.name(), "Precondition failed: ResourceVersion in "
          + "precondition: " + resourceVersion + ", ResourceVersion in object meta: " + currentRv);
    }
  }
}
