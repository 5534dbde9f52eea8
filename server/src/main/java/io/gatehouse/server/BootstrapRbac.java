package io.gatehouse.server;

import io.gatehouse.api.StatusException;
import io.gatehouse.api.Unstructured;
import io.gatehouse.auth.rbac.BootstrapPolicy;
import io.gatehouse.auth.rbac.BootstrapReconciliation;
import io.gatehouse.auth.rbac.PolicyRule;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * kube-apiserver's {@code rbac/bootstrap-roles} post-start hook, run at every start: each role and
 * binding of the bootstrap policy (the {@code auth} module's, ClusterRoles, ClusterRoleBindings,
 * then namespaced Roles and RoleBindings) is reconciled with the stored one as {@link
 * BootstrapReconciliation} decides, and the result written through the registry: missing objects
 * are created, stored ones gain the missing rules, selectors and subjects, bindings with another
 * {@code roleRef} are deleted (uid precondition) and created again; objects annotated {@code
 * rbac.authorization.kubernetes.io/autoupdate: "false"} are left alone with a warning when they
 * lack something. A conflict re-runs the object's reconciliation (up to five times, as {@code
 * retry.RetryOnConflict}'s default backoff); other failures are logged and the next object is
 * tried ("try to create as many as you can"). The writes bypass admission. Stateless.
 */
final class BootstrapRbac {

  private static final Logger LOG = LoggerFactory.getLogger(BootstrapRbac.class);
  private static final int ATTEMPTS = 5;

  private BootstrapRbac() {}

  /** Reconciles every bootstrap object; returns how many writes were made. */
  static int reconcile(Registry registry, ResourceTable table) {
    int writes = 0;
    for (Unstructured expected : ordered(BootstrapPolicy.objects())) {
      StoredResource r = table.forKind(expected.groupVersionKind()).orElseThrow();
      for (int attempt = 1; ; attempt++) {
        try {
          writes += reconcileOne(registry, r, expected) ? 1 : 0;
          break;
        } catch (StatusException e) {
          if (e.status().code() == 409 && attempt < ATTEMPTS) {
            continue;
          }
          LOG.atError().setMessage("Unable to reconcile bootstrap RBAC object")
              .addKeyValue("kind", expected.kind()).addKeyValue("namespace", expected.namespace())
              .addKeyValue("name", expected.name()).addKeyValue("err", e.getMessage()).log();
          break;
        }
      }
    }
    return writes;
  }

  private static boolean reconcileOne(Registry registry, StoredResource r, Unstructured expected) {
    Unstructured existing = read(registry, r, expected);
    BootstrapReconciliation.Result result = BootstrapReconciliation.reconcile(expected, existing);
    String what = expected.kind().toLowerCase(java.util.Locale.ROOT)
        + ".rbac.authorization.k8s.io/" + expected.name();
    if (result.protectedObject()) {
      if (result.operation() != BootstrapReconciliation.Operation.NONE) {
        LOG.atWarn().setMessage("Skipped reconcile-protected bootstrap RBAC object")
            .addKeyValue("object", what).addKeyValue("namespace", expected.namespace())
            .addKeyValue("missing", missing(result)).log();
      }
      return false;
    }
    switch (result.operation()) {
      case CREATE -> registry.create(r, result.object().deepCopy(), false, WriteAdmission.NONE);
      case UPDATE -> registry.update(r, expected.namespace(), expected.name(), "",
          old -> result.object().deepCopy(), false, WriteAdmission.NONE);
      case RECREATE -> {
        try {
          registry.delete(r, expected.namespace(), expected.name(),
              new DeleteOptions(existing == null ? "" : existing.uid(), "", false, ""),
              WriteAdmission.NONE);
        } catch (StatusException e) {
          if (e.status().code() != 404) {
            throw e;
          }
        }
        registry.create(r, result.object().deepCopy(), false, WriteAdmission.NONE);
      }
      case NONE -> {
        return false;
      }
    }
    LOG.atDebug().setMessage("Reconciled bootstrap RBAC object").addKeyValue("object", what)
        .addKeyValue("namespace", expected.namespace())
        .addKeyValue("operation", result.operation()).addKeyValue("missing", missing(result)).log();
    return true;
  }

  private static @Nullable Unstructured read(Registry registry, StoredResource r,
      Unstructured expected) {
    try {
      return registry.get(r, expected.namespace(), expected.name());
    } catch (StatusException e) {
      if (e.status().code() == 404) {
        return null;
      }
      throw e;
    }
  }

  private static String missing(BootstrapReconciliation.Result result) {
    return result.missingRules().isEmpty()
        ? String.valueOf(result.missingSubjects())
        : result.missingRules().stream().map(PolicyRule::compactString).toList().toString();
  }

  /** Upstream's order: ClusterRoles, ClusterRoleBindings, Roles, RoleBindings. */
  private static List<Unstructured> ordered(List<Unstructured> objects) {
    List<String> order = List.of("ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding");
    return objects.stream()
        .sorted(java.util.Comparator.comparingInt(o -> order.indexOf(o.kind())))
        .toList();
  }
}
