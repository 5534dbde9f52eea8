package io.gatehouse.admission.noderestriction;

import static io.gatehouse.admission.noderestriction.NodeRestrictionAdmission.map;

import io.gatehouse.admission.AdmissionAttributes;
import io.gatehouse.admission.Operation;
import io.gatehouse.api.GoQuote;
import java.util.Map;
import java.util.Set;

/**
 * Upstream's {@code admitNode}: a node may only write its own Node object; on create without
 * {@code spec.configSource} and restricted labels, on update without setting a new {@code
 * configSource}, changing taints or touching restricted labels ({@link NodeLabels}). Stateless.
 */
final class NodeObjects {

  private NodeObjects() {}

  static Verdict admit(String node, AdmissionAttributes a) {
    String n = GoQuote.quote(node);
    String requested = a.name();
    if (a.operation() == Operation.CREATE && requested.isEmpty() && a.object() != null) {
      requested = a.object().name();
    }
    if (!requested.equals(node)) {
      return new Verdict.Forbidden("node " + n + " is not allowed to modify node "
          + GoQuote.quote(requested));
    }
    if (a.operation() == Operation.CREATE && a.object() != null) {
      if (map(a.object().object().get("spec")).get("configSource") != null) {
        return new Verdict.Forbidden("node " + n + " is not allowed to create pods with a "
            + "non-nil configSource");
      }
      Set<String> forbidden = NodeLabels.forbidden(
          NodeLabels.modified(a.object().labels(), Map.of()));
      if (!forbidden.isEmpty()) {
        return new Verdict.Forbidden("node " + n + " is not allowed to set the following labels: "
            + String.join(", ", forbidden));
      }
    }
    if (a.operation() == Operation.UPDATE && a.object() != null && a.oldObject() != null) {
      Object source = map(a.object().object().get("spec")).get("configSource");
      Object oldSource = map(a.oldObject().object().get("spec")).get("configSource");
      if (source != null && !SemanticValue.equal(source, oldSource)) {
        return new Verdict.Forbidden("node " + n + " is not allowed to update configSource to a "
            + "new non-nil configSource");
      }
      if (!SemanticValue.equal(map(a.object().object().get("spec")).get("taints"),
          map(a.oldObject().object().get("spec")).get("taints"))) {
        return new Verdict.Forbidden("node " + n + " is not allowed to modify taints");
      }
      Set<String> forbidden = NodeLabels.forbidden(
          NodeLabels.modified(a.object().labels(), a.oldObject().labels()));
      if (!forbidden.isEmpty()) {
        return new Verdict.Forbidden("is not allowed to modify labels: "
            + String.join(", ", forbidden));
      }
    }
    return Verdict.PASS;
  }
}
