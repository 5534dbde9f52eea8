package io.gatehouse.admission.noderestriction;

import static io.gatehouse.admission.noderestriction.NodeRestrictionAdmission.list;
import static io.gatehouse.admission.noderestriction.NodeRestrictionAdmission.map;
import static io.gatehouse.admission.noderestriction.NodeRestrictionAdmission.str;

import io.gatehouse.api.GoQuote;
import io.gatehouse.api.Unstructured;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Upstream's {@code admitPodCreate}: a node may only create mirror pods bound to itself, owned
 * (as controller, without {@code blockOwnerDeletion}) by its own Node — whose uid must match —
 * and referring to no service account, secret, configmap, cluster trust bundle or PVC (the
 * references {@code podutil.VisitPodSecretNames} and {@code VisitPodConfigmapNames} visit).
 * Stateless.
 */
final class PodCreation {

  private static final List<String> SECRET_DRIVERS = List.of("azureFile", "cephfs", "cinder",
      "flexVolume", "iscsi", "rbd", "scaleIO", "storageos", "csi");

  private PodCreation() {}

  static Verdict admit(String node, @Nullable Unstructured pod,
      Supplier<Optional<Unstructured>> nodeObject) {
    if (pod == null) {
      return new Verdict.Forbidden("unexpected type <nil>");
    }
    String n = GoQuote.quote(node);
    if (!pod.annotations().containsKey("kubernetes.io/config.mirror")) {
      return new Verdict.Forbidden("pod does not have \"kubernetes.io/config.mirror\" annotation, "
          + "node " + n + " can only create mirror pods");
    }
    if (!NodeRestrictionAdmission.nodeNameOf(pod).equals(node)) {
      return new Verdict.Forbidden("node " + n + " can only create pods with spec.nodeName set "
          + "to itself");
    }
    List<?> owners = list(pod.metadata().get("ownerReferences"));
    if (owners.size() > 1) {
      return new Verdict.Forbidden("node " + n + " can only create pods with a single owner "
          + "reference set to itself");
    }
    if (owners.isEmpty()) {
      return new Verdict.Forbidden("node " + n + " can only create pods with an owner reference "
          + "set to itself");
    }
    Map<?, ?> owner = map(owners.get(0));
    if (!"v1".equals(owner.get("apiVersion")) || !"Node".equals(owner.get("kind"))
        || !node.equals(owner.get("name"))) {
      return new Verdict.Forbidden("node " + n + " can only create pods with an owner reference "
          + "set to itself");
    }
    if (!Boolean.TRUE.equals(owner.get("controller"))) {
      return new Verdict.Forbidden("node " + n + " can only create pods with a controller owner "
          + "reference set to itself");
    }
    if (Boolean.TRUE.equals(owner.get("blockOwnerDeletion"))) {
      return new Verdict.Forbidden("node " + n + " must not set blockOwnerDeletion on an owner "
          + "reference");
    }
    Optional<Unstructured> nodeObj = nodeObject.get();
    if (nodeObj.isEmpty()) {
      return new Verdict.NotFound("node", node);
    }
    String uid = str(owner.get("uid"));
    String nodeUid = str(nodeObj.get().metadata().get("uid"));
    if (!uid.equals(nodeUid)) {
      return new Verdict.Forbidden("node " + node + " UID mismatch: expected " + uid + " got "
          + nodeUid);
    }
    Map<?, ?> spec = map(pod.object().get("spec"));
    if (!str(spec.get("serviceAccountName")).isEmpty()) {
      return new Verdict.Forbidden("node " + n + " can not create pods that reference a service "
          + "account");
    }
    if (references(spec, true)) {
      return new Verdict.Forbidden("node " + n + " can not create pods that reference secrets");
    }
    if (references(spec, false)) {
      return new Verdict.Forbidden("node " + n + " can not create pods that reference configmaps");
    }
    for (Object v : list(spec.get("volumes"))) {
      for (Object source : list(map(map(v).get("projected")).get("sources"))) {
        if (map(source).get("clusterTrustBundle") != null) {
          return new Verdict.Forbidden("node " + n + " can not create pods that reference "
              + "clustertrustbundles");
        }
      }
    }
    for (Object v : list(spec.get("volumes"))) {
      if (map(v).get("persistentVolumeClaim") != null) {
        return new Verdict.Forbidden("node " + n + " can not create pods that reference "
            + "persistentvolumeclaims");
      }
    }
    return Verdict.PASS;
  }

  /** Whether the pod spec refers to a secret ({@code secrets}) or a configmap. */
  private static boolean references(Map<?, ?> spec, boolean secrets) {
    if (secrets && !list(spec.get("imagePullSecrets")).isEmpty()) {
      return true;
    }
    String env = secrets ? "secretKeyRef" : "configMapKeyRef";
    String envFrom = secrets ? "secretRef" : "configMapRef";
    for (String field : List.of("initContainers", "containers", "ephemeralContainers")) {
      for (Object c : list(spec.get(field))) {
        for (Object e : list(map(c).get("envFrom"))) {
          if (map(e).get(envFrom) != null) {
            return true;
          }
        }
        for (Object e : list(map(c).get("env"))) {
          if (map(map(e).get("valueFrom")).get(env) != null) {
            return true;
          }
        }
      }
    }
    for (Object o : list(spec.get("volumes"))) {
      Map<?, ?> v = map(o);
      if (v.get(secrets ? "secret" : "configMap") != null) {
        return true;
      }
      for (Object source : list(map(v.get("projected")).get("sources"))) {
        if (map(source).get(secrets ? "secret" : "configMap") != null) {
          return true;
        }
      }
      if (secrets) {
        for (String driver : SECRET_DRIVERS) {
          Map<?, ?> d = map(v.get(driver));
          if (!str(d.get("secretName")).isEmpty() || d.get("secretRef") != null
              || d.get("nodePublishSecretRef") != null) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
