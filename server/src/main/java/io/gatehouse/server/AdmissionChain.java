package io.gatehouse.server;

import io.gatehouse.admission.AdmissionAttributes;
import io.gatehouse.admission.AdmissionResult;
import io.gatehouse.admission.ClusterState;
import io.gatehouse.admission.Operation;
import io.gatehouse.admission.Warning;
import io.gatehouse.admission.noderestriction.NodeRestrictionAdmission;
import io.gatehouse.admission.podsecurity.PodSecurityAdmission;
import io.gatehouse.admission.validating.ValidatingAdmissionPolicyPlugin;
import io.gatehouse.api.Status;
import io.gatehouse.api.StatusException;
import io.gatehouse.api.StatusReason;
import io.gatehouse.api.authz.Authorizer;
import io.gatehouse.api.authz.UserInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Validating admission for every write, in kube-apiserver's plugin order and stopping at the first
 * denial as it does: NodeRestriction (a mutating plugin upstream, which changes nothing, so it
 * runs first), PodSecurity (namespace labels from the store, the AdmissionConfiguration
 * defaults and exemptions), then ValidatingAdmissionPolicy (policies and bindings from the store,
 * the current snapshot; params from stored objects; CEL's {@code authorizer} is the server's).
 * Warnings of the plugins that ran go to the response; a denial becomes the plugin's Status. No
 * mutating admission yet. Thread-safe.
 */
final class AdmissionChain {

  private final PodSecurityAdmission podSecurity;
  private final Supplier<ValidatingAdmissionPolicyPlugin> policies;
  private final ClusterState cluster;
  private final Authorizer authorizer;

  AdmissionChain(PodSecurityAdmission podSecurity,
      Supplier<ValidatingAdmissionPolicyPlugin> policies, ClusterState cluster,
      Authorizer authorizer) {
    this.podSecurity = podSecurity;
    this.policies = policies;
    this.cluster = cluster;
    this.authorizer = authorizer;
  }

  /** Returns the registry's callback for requests made by {@code user}. */
  WriteAdmission forUser(UserInfo user) {
    return request -> admit(request, user);
  }

  private List<String> admit(WriteRequest w, UserInfo user) {
    Operation op = Operation.valueOf(w.operation());
    String optionsKind = switch (op) {
      case CREATE -> "CreateOptions";
      case UPDATE -> "UpdateOptions";
      case DELETE -> "DeleteOptions";
      case CONNECT -> "";
    };
    AdmissionAttributes attributes = new AdmissionAttributes(w.object(), w.oldObject(),
        w.kind(), w.resource().served().groupVersionResource(), w.subresource(),
        w.namespace(), w.name(), op,
        Map.of("kind", optionsKind, "apiVersion", "meta.k8s.io/v1"), w.dryRun(), user);
    List<String> warnings = new ArrayList<>();
    check(NodeRestrictionAdmission.create().admit(attributes, cluster), warnings);
    check(podSecurity.admit(attributes), warnings);
    check(policies.get().validate(attributes, cluster, authorizer), warnings);
    return warnings;
  }

  private static void check(AdmissionResult result, List<String> warnings) {
    for (Warning w : result.warnings()) {
      warnings.add(w.message());
    }
    if (!result.allowed()) {
      Status s = result.status();
      throw new StatusException(s != null ? s
          : new Status("admission denied the request", StatusReason.FORBIDDEN, null, 403));
    }
  }
}
