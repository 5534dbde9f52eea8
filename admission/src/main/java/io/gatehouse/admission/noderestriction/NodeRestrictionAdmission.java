package io.gatehouse.admission.noderestriction;

import io.gatehouse.admission.AdmissionAttributes;
import io.gatehouse.admission.AdmissionResult;
import io.gatehouse.admission.ClusterState;
import io.gatehouse.admission.Denial;
import io.gatehouse.admission.Operation;
import io.gatehouse.api.GoQuote;
import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.Status;
import io.gatehouse.api.StatusReason;
import io.gatehouse.api.Unstructured;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code NodeRestriction} admission plugin, as upstream's {@code noderestriction.Plugin}:
 * requests of a node identity ({@code system:node:<name>} in group {@code system:nodes}) may only
 * create mirror pods bound to the node (owned by its Node, referencing no service account, secret,
 * configmap, PVC or cluster trust bundle), delete pods bound to it, update the status of its pods
 * (not their labels or resource claim statuses), write its own Node object (no {@code
 * configSource}, no taint changes, no restricted labels), update PVC status only (capacity,
 * conditions and the expansion-recovery fields), request service-account tokens only bound to its
 * pods, and touch only its own Lease in {@code kube-node-lease} and its own CSINode. A denial is a
 * 403 {@code <resource> "<name>" is forbidden: <reason>}; a missing Node or Pod is the lister's
 * 404. Other users and resources pass. Stateless; thread-safe.
 */
public final class NodeRestrictionAdmission {

  /** The plugin's name. */
  public static final String PLUGIN = "NodeRestriction";

  private static final String MIRROR_POD = "kubernetes.io/config.mirror";
  private static final String NODE_LEASE_NAMESPACE = "kube-node-lease";
  private static final GroupVersionKind NODE = new GroupVersionKind("", "v1", "Node");
  private static final GroupVersionKind POD = new GroupVersionKind("", "v1", "Pod");
  private static final NodeRestrictionAdmission INSTANCE = new NodeRestrictionAdmission();

  private NodeRestrictionAdmission() {}

  /** Returns the plugin (expansion-recovery fields of PVC status allowed, as in 1.32+). */
  public static NodeRestrictionAdmission create() {
    return INSTANCE;
  }

  private static final Verdict PASS = Verdict.PASS;

  /** Upstream's default node identifier: the node name for a node identity. */
  static Optional<String> nodeName(io.gatehouse.api.authz.UserInfo user) {
    if (!user.name().startsWith("system:node:") || !user.groups().contains("system:nodes")) {
      return Optional.empty();
    }
    return Optional.of(user.name().substring("system:node:".length()));
  }

  /** Admits {@code a}; {@code cluster} supplies Nodes and Pods the checks look up. */
  public AdmissionResult admit(AdmissionAttributes a, ClusterState cluster) {
    Optional<String> node = nodeName(a.userInfo());
    if (node.isEmpty()) {
      return AdmissionResult.ALLOWED;
    }
    String n = node.get();
    Verdict v;
    if (n.isEmpty()) {
      v = new Verdict.Forbidden("could not determine node from user "
          + GoQuote.quote(a.userInfo().name()));
    } else {
      v = switch (a.resource().group() + "/" + a.resource().resource()) {
        case "/pods" -> switch (a.subresource()) {
          case "" -> pod(n, a, cluster);
          case "status" -> podStatus(n, a);
          case "eviction" -> podEviction(n, a, cluster);
          default -> new Verdict.Forbidden("unexpected pod subresource " + GoQuote.quote(a.subresource())
              + ", only 'status' and 'eviction' are allowed");
        };
        case "/nodes" -> NodeObjects.admit(n, a);
        case "/persistentvolumeclaims" -> a.subresource().equals("status")
            ? pvcStatus(n, a) : new Verdict.Forbidden("may only update PVC status");
        case "/serviceaccounts" -> serviceAccount(n, a, cluster);
        case "coordination.k8s.io/leases" -> lease(n, a);
        case "storage.k8s.io/csinodes" -> ownName(n, a, "can only access CSINode with the same "
            + "name as the requesting node");
        default -> PASS;
      };
    }
    return result(a, v);
  }

  private static Verdict pod(String node, AdmissionAttributes a, ClusterState cluster) {
    switch (a.operation()) {
      case CREATE -> {
        return PodCreation.admit(node, a.object(), () -> cluster.get(NODE, "", node));
      }
      case DELETE -> {
        Optional<Unstructured> existing = Optional.ofNullable(a.oldObject())
            .or(() -> cluster.get(POD, a.namespace(), a.name()));
        if (existing.isEmpty()) {
          return new Verdict.NotFound("pod", a.name());
        }
        return nodeNameOf(existing.get()).equals(node) ? PASS : new Verdict.Forbidden("node "
            + GoQuote.quote(node) + " can only delete pods with spec.nodeName set to itself");
      }
      default -> {
        return new Verdict.Forbidden("unexpected operation " + GoQuote.quote(a.operation().name())
            + ", node " + GoQuote.quote(node) + " can only create and delete mirror pods");
      }
    }
  }

  private static Verdict podStatus(String node, AdmissionAttributes a) {
    if (a.operation() != Operation.UPDATE || a.oldObject() == null || a.object() == null) {
      return new Verdict.Forbidden("unexpected operation " + GoQuote.quote(a.operation().name()));
    }
    if (!nodeNameOf(a.oldObject()).equals(node)) {
      return new Verdict.Forbidden("node " + GoQuote.quote(node) + " can only update pod status for pods "
          + "with spec.nodeName set to itself");
    }
    if (!a.oldObject().labels().equals(a.object().labels())) {
      return new Verdict.Forbidden("node " + GoQuote.quote(node) + " cannot update labels through pod "
          + "status");
    }
    if (!claimStatuses(a.oldObject()).equals(claimStatuses(a.object()))) {
      return new Verdict.Forbidden("node " + GoQuote.quote(node) + " cannot update resource claim statues");
    }
    return PASS;
  }

  private static Verdict podEviction(String node, AdmissionAttributes a, ClusterState cluster) {
    if (a.operation() != Operation.CREATE) {
      return new Verdict.Forbidden("unexpected operation " + a.operation().name());
    }
    String pod = a.name();
    if (pod.isEmpty()) {
      pod = a.object() == null ? "" : a.object().name();
      if (pod.isEmpty()) {
        return new Verdict.Forbidden("could not determine pod from request data");
      }
    }
    Optional<Unstructured> existing = cluster.get(POD, a.namespace(), pod);
    if (existing.isEmpty()) {
      return new Verdict.NotFound("pod", pod);
    }
    return nodeNameOf(existing.get()).equals(node) ? PASS : new Verdict.Forbidden("node " + node
        + " can only evict pods with spec.nodeName set to itself");
  }

  private static Verdict pvcStatus(String node, AdmissionAttributes a) {
    if (a.operation() != Operation.UPDATE || a.oldObject() == null || a.object() == null) {
      return new Verdict.Forbidden("unexpected operation " + GoQuote.quote(a.operation().name()));
    }
    Map<String, Object> before = PvcStatus.comparable(a.oldObject());
    Map<String, Object> after = PvcStatus.comparable(a.object());
    if (before.equals(after)) {
      return PASS;
    }
    return new Verdict.Forbidden("node " + GoQuote.quote(node) + " is not allowed to update fields other "
        + "than status.capacity and status.conditions: " + PvcStatus.difference(before, after));
  }

  private static Verdict serviceAccount(String node, AdmissionAttributes a, ClusterState cluster) {
    if (a.operation() != Operation.CREATE || !a.subresource().equals("token")
        || a.object() == null) {
      return PASS;
    }
    Map<?, ?> ref = map(map(a.object().object().get("spec")).get("boundObjectRef"));
    if (ref.isEmpty() || !"v1".equals(ref.get("apiVersion")) || !"Pod".equals(ref.get("kind"))
        || str(ref.get("name")).isEmpty()) {
      return new Verdict.Forbidden("node requested token not bound to a pod");
    }
    String uid = str(ref.get("uid"));
    if (uid.isEmpty()) {
      return new Verdict.Forbidden("node requested token with a pod binding without a uid");
    }
    Optional<Unstructured> pod = cluster.get(POD, a.namespace(), str(ref.get("name")));
    if (pod.isEmpty()) {
      return new Verdict.NotFound("pod", str(ref.get("name")));
    }
    if (!uid.equals(str(pod.get().metadata().get("uid")))) {
      return new Verdict.Forbidden("the UID in the bound object reference (" + uid + ") does not match "
          + "the UID in record. The object might have been deleted and then recreated");
    }
    return nodeNameOf(pod.get()).equals(node) ? PASS
        : new Verdict.Forbidden("node requested token bound to a pod scheduled on a different node");
  }

  private static Verdict lease(String node, AdmissionAttributes a) {
    if (!a.namespace().equals(NODE_LEASE_NAMESPACE)) {
      return new Verdict.Forbidden("can only access leases in the " + GoQuote.quote(NODE_LEASE_NAMESPACE)
          + " system namespace");
    }
    return ownName(node, a, "can only access node lease with the same name as the requesting node");
  }

  private static Verdict ownName(String node, AdmissionAttributes a, String reason) {
    String name = a.operation() == Operation.CREATE && a.object() != null
        ? a.object().name() : a.name();
    return name.equals(node) ? PASS : new Verdict.Forbidden(reason);
  }

  private static AdmissionResult result(AdmissionAttributes a, Verdict v) {
    return switch (v) {
      case Verdict.Pass p -> AdmissionResult.ALLOWED;
      case Verdict.NotFound nf -> {
        String message = nf.resource() + " " + GoQuote.quote(nf.name()) + " not found";
        yield new AdmissionResult(List.of(new Denial(PLUGIN, "", "", message, "NotFound", 404,
            "", "")), List.of(), Map.of(), new Status(message, StatusReason.NOT_FOUND,
            new Status.Details(nf.name(), "", nf.resource(), List.of()), 404));
      }
      case Verdict.Forbidden f -> {
        String name = resourceName(a);
        String group = a.resource().group();
        String qualified = group.isEmpty() ? a.resource().resource()
            : a.resource().resource() + "." + group;
        String message = qualified + " " + GoQuote.quote(name) + " is forbidden: " + f.reason();
        yield new AdmissionResult(List.of(new Denial(PLUGIN, "", "", f.reason(), "Forbidden",
            403, "", "")), List.of(), Map.of(), new Status(message, StatusReason.FORBIDDEN,
            new Status.Details(name, group, a.resource().resource(), List.of()), 403));
      }
    };
  }

  /** Upstream's {@code extractResourceName}: the request's name, else the object's, else "Unknown". */
  private static String resourceName(AdmissionAttributes a) {
    if (!a.name().isEmpty()) {
      return a.name();
    }
    if (a.object() != null) {
      if (!a.object().name().isEmpty()) {
        return a.object().name();
      }
      String generate = str(a.object().metadata().get("generateName"));
      if (!generate.isEmpty()) {
        return generate;
      }
    }
    return "Unknown";
  }

  static String nodeNameOf(Unstructured pod) {
    return str(map(pod.object().get("spec")).get("nodeName"));
  }

  private static Object claimStatuses(Unstructured pod) {
    return SemanticValue.of(map(pod.object().get("status")).get("resourceClaimStatuses"));
  }

  static Map<?, ?> map(@Nullable Object o) {
    return o instanceof Map<?, ?> m ? m : Map.of();
  }

  static List<?> list(@Nullable Object o) {
    return o instanceof List<?> l ? l : List.of();
  }

  static String str(@Nullable Object o) {
    return o instanceof String s ? s : "";
  }
}
