package io.gatehouse.server;

import io.gatehouse.api.GoSyntax;
import io.gatehouse.api.GroupResource;
import io.gatehouse.api.StatusException;
import io.gatehouse.api.Unstructured;
import io.gatehouse.server.schema.FieldError;
import io.gatehouse.server.schema.GoText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The parts of {@code meta.k8s.io/v1 DeleteOptions} the registry honours: preconditions ({@code
 * uid}, {@code resourceVersion}), {@code dryRun}, and how dependents are garbage collected ({@code
 * propagationPolicy} and the deprecated {@code orphanDependents}, see {@link
 * DeletionPropagation}). {@code gracePeriodSeconds} is irrelevant (nothing runs). Immutable.
 *
 * @param uid the uid precondition, or empty
 * @param resourceVersion the resourceVersion precondition, or empty
 * @param dryRun whether nothing is persisted
 * @param propagationPolicy {@code Orphan}, {@code Background}, {@code Foreground} or empty (nil)
 * @param orphanDependents the deprecated {@code orphanDependents}, or {@code null} when unset
 */
record DeleteOptions(String uid, String resourceVersion, boolean dryRun, String propagationPolicy,
    @Nullable Boolean orphanDependents) {

  static final String ORPHAN = "Orphan";
  static final String BACKGROUND = "Background";
  static final String FOREGROUND = "Foreground";

  static final DeleteOptions DEFAULT = new DeleteOptions("", "", false, "");

  /** Options without {@code orphanDependents}. */
  DeleteOptions(String uid, String resourceVersion, boolean dryRun, String propagationPolicy) {
    this(uid, resourceVersion, dryRun, propagationPolicy, null);
  }

  /** Options with only a propagation policy. */
  static DeleteOptions propagating(String policy) {
    return new DeleteOptions("", "", false, policy);
  }

  /**
   * Reads the options as upstream's delete handlers do — from the body when the request has one,
   * else from the query parameters (never both) — then validates them as upstream's {@code
   * ValidateDeleteOptions}.
   *
   * @param body the decoded body, or null for a request without one
   * @throws StatusException 422 {@code DeleteOptions.meta.k8s.io "" is invalid} for an unknown
   *     propagation policy, one set with {@code orphanDependents}, or a {@code dryRun} value other
   *     than {@code All} ({@code dryRun: Unsupported value: []string{"x"}: supported values:
   *     "All"})
   */
  static DeleteOptions of(@Nullable Map<String, @Nullable Object> body, List<String> queryDryRun,
      String queryPolicy) {
    String uid = "";
    String rv = "";
    List<String> dryRun = queryDryRun;
    String policy = queryPolicy;
    Boolean orphan = null;
    if (body != null) {
      dryRun = body.get("dryRun") instanceof List<?> l
          ? l.stream().map(String::valueOf).toList() : List.of();
      policy = body.get("propagationPolicy") instanceof String s ? s : "";
      if (body.get("preconditions") instanceof Map<?, ?> p) {
        uid = p.get("uid") instanceof String s ? s : "";
        rv = p.get("resourceVersion") instanceof String s ? s : "";
      }
      if (body.get("orphanDependents") instanceof Boolean b) {
        orphan = b;
      }
    }
    List<FieldError> errors = new ArrayList<>();
    if (orphan != null && !policy.isEmpty()) {
      errors.add(FieldError.invalid("propagationPolicy", policy,
          "orphanDependents and deletionPropagation cannot be both set"));
    }
    if (!policy.isEmpty() && !List.of(ORPHAN, BACKGROUND, FOREGROUND).contains(policy)) {
      errors.add(FieldError.notSupported("propagationPolicy", policy,
          List.of(FOREGROUND, BACKGROUND, ORPHAN, "nil")));
    }
    if (!DryRun.valid(dryRun)) {
      errors.add(FieldError.notSupported("dryRun", new GoText.Raw(GoSyntax.strings(dryRun)),
          List.of("All")));
    }
    if (!errors.isEmpty()) {
      throw SchemaErrors.invalid("meta.k8s.io", "DeleteOptions", "", errors);
    }
    return new DeleteOptions(uid, rv, !dryRun.isEmpty(), policy, orphan);
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
