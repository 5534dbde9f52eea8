package io.gatehouse.server;

import io.gatehouse.api.GoSyntax;
import io.gatehouse.api.GroupResource;
import io.gatehouse.api.GroupVersionKind;
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
 * DeletionPropagation}). {@code gracePeriodSeconds} is parsed but not kept (nothing runs).
 * Immutable.
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
   * else from the query parameters ({@link DeleteOptionsQuery}), never both — then validates them
   * as upstream's {@code ValidateDeleteOptions}. {@code gracePeriodSeconds} is read (a bad query
   * value is refused) but not kept.
   *
   * @param body the decoded body, or null for a request without one
   * @param query the request's query parameters
   * @throws StatusException 400 for a {@code gracePeriodSeconds} query value that is not an int64;
   *     422 {@code DeleteOptions.meta.k8s.io "" is invalid} for {@code orphanDependents} set with
   *     a propagation policy, an unknown (or empty) policy, or a {@code dryRun} value other than
   *     {@code All} ({@code dryRun: Unsupported value: []string{"x"}: supported values: "All"})
   */
  static DeleteOptions of(@Nullable Map<String, @Nullable Object> body,
      Map<String, List<String>> query) {
    Map<String, @Nullable Object> options = body != null ? body : DeleteOptionsQuery.decode(query);
    String uid = "";
    String rv = "";
    List<String> dryRun = options.get("dryRun") instanceof List<?> l
        ? l.stream().map(String::valueOf).toList() : List.of();
    @Nullable String policy = options.get("propagationPolicy") instanceof String s ? s : null;
    if (options.get("preconditions") instanceof Map<?, ?> p) {
      uid = p.get("uid") instanceof String s ? s : "";
      rv = p.get("resourceVersion") instanceof String s ? s : "";
    }
    Boolean orphan = options.get("orphanDependents") instanceof Boolean b ? b : null;
    List<FieldError> errors = new ArrayList<>();
    if (orphan != null && policy != null) {
      errors.add(FieldError.invalid("propagationPolicy", policy,
          "orphanDependents and deletionPropagation cannot be both set"));
    }
    if (policy != null && !List.of(ORPHAN, BACKGROUND, FOREGROUND).contains(policy)) {
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
    return new DeleteOptions(uid, rv, !dryRun.isEmpty(), policy == null ? "" : policy, orphan);
  }

  /**
   * Throws the conflict upstream's {@code BeforeDelete} answers for a precondition {@code
   * current} does not meet; like upstream it names the object by kind and group ({@code
   * ConfigMap "x"}, {@code Deployment.apps "x"}), not by resource.
   */
  void checkPreconditions(GroupVersionKind kind, Unstructured current) {
    GroupResource gr = new GroupResource(kind.group(), kind.kind());
    if (!uid.isEmpty() && !uid.equals(current.uid())) {
      throw ApiErrors.conflict(gr, current.name(), "the UID in the precondition (" + uid
          + ") does not match the UID in record (" + current.uid() + "). The object might have "
          + "been deleted and then recreated");
    }
    String currentRv = current.metadata().get("resourceVersion") instanceof String s ? s : "";
    if (!resourceVersion.isEmpty() && !resourceVersion.equals(currentRv)) {
      throw ApiErrors.conflict(gr, current.name(), "the ResourceVersion in the precondition ("
          + resourceVersion + ") does not match the ResourceVersion in record (" + currentRv
          + "). The object might have been modified");
    }
  }
}
