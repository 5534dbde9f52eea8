package io.gatehouse.admission.noderestriction;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.admission.AdmissionAttributes;
import io.gatehouse.admission.AdmissionResult;
import io.gatehouse.admission.FakeCluster;
import io.gatehouse.admission.Manifests;
import io.gatehouse.admission.Operation;
import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.GroupVersionResource;
import io.gatehouse.api.Status;
import io.gatehouse.api.Unstructured;
import io.gatehouse.api.authz.UserInfo;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NodeRestrictionAdmissionTest {

  private static final UserInfo N1 = UserInfo.of("system:node:n1", "system:nodes",
      "system:authenticated");
  private static final FakeCluster CLUSTER = FakeCluster.create().add(Manifests.of("""
      apiVersion: v1
      kind: Node
      metadata: {name: n1, uid: node-uid-1}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: theirs, namespace: ns, uid: pod-uid-2}
      spec: {nodeName: n2}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: ours, namespace: ns, uid: pod-uid-1}
      spec: {nodeName: n1}
      """).toArray(Unstructured[]::new));

  private static final String MIRROR = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: static-web
        namespace: ns
        annotations: {kubernetes.io/config.mirror: abc}
        ownerReferences: [{apiVersion: v1, kind: Node, name: n1, uid: node-uid-1, controller: true}]
      spec:
        nodeName: n1
        containers: [{name: web, image: nginx%s}]
      %s
      """;

  private record Case(String name, UserInfo user, String group, String resource, String sub,
      Operation op, String namespace, String objectName, @Nullable String object,
      @Nullable String old, @Nullable Status expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Status forbidden(String resource, String group, String name, String reason) {
    String qualified = group.isEmpty() ? resource : resource + "." + group;
    return new Status(qualified + " \"" + name + "\" is forbidden: " + reason,
        io.gatehouse.api.StatusReason.FORBIDDEN,
        new Status.Details(name, group, resource, java.util.List.of()), 403);
  }

  private static Case pod(String name, String containerExtra, String specExtra, Status expected) {
    return new Case(name, N1, "", "pods", "", Operation.CREATE, "ns", "static-web",
        MIRROR.formatted(containerExtra, specExtra), null, expected);
  }

  static Stream<Case> cases() {
    String node = "apiVersion: v1\nkind: Node\nmetadata:\n  name: n1\n  labels: %s\nspec: %s\n";
    return Stream.of(
        pod("mirror pod bound to itself, owned by its Node", "", "", null),
        new Case("a plain pod", N1, "", "pods", "", Operation.CREATE, "ns", "web",
            "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec: {nodeName: n1}\n", null,
            forbidden("pods", "", "web", "pod does not have \"kubernetes.io/config.mirror\" "
                + "annotation, node \"n1\" can only create mirror pods")),
        pod("a mirror pod referring to a secret", ", envFrom: [{secretRef: {name: s}}]", "",
            forbidden("pods", "", "static-web", "node \"n1\" can not create pods that reference "
                + "secrets")),
        pod("a mirror pod referring to a configmap", "",
            "  volumes: [{name: c, configMap: {name: c}}]",
            forbidden("pods", "", "static-web", "node \"n1\" can not create pods that reference "
                + "configmaps")),
        pod("a mirror pod with a service account", "", "  serviceAccountName: default",
            forbidden("pods", "", "static-web", "node \"n1\" can not create pods that reference "
                + "a service account")),
        pod("a mirror pod with a PVC", "",
            "  volumes: [{name: d, persistentVolumeClaim: {claimName: d}}]",
            forbidden("pods", "", "static-web", "node \"n1\" can not create pods that reference "
                + "persistentvolumeclaims")),
        new Case("deleting a pod of another node", N1, "", "pods", "", Operation.DELETE, "ns",
            "theirs", null, null, forbidden("pods", "", "theirs", "node \"n1\" can only delete "
                + "pods with spec.nodeName set to itself")),
        new Case("deleting its own pod", N1, "", "pods", "", Operation.DELETE, "ns", "ours", null,
            null, null),
        new Case("updating a pod", N1, "", "pods", "", Operation.UPDATE, "ns", "ours",
            "apiVersion: v1\nkind: Pod\nmetadata: {name: ours}\n",
            "apiVersion: v1\nkind: Pod\nmetadata: {name: ours}\n",
            forbidden("pods", "", "ours", "unexpected operation \"UPDATE\", node \"n1\" can only "
                + "create and delete mirror pods")),
        new Case("pod status relabelled", N1, "", "pods", "status", Operation.UPDATE, "ns",
            "ours", "apiVersion: v1\nkind: Pod\nmetadata: {name: ours, labels: {a: b}}\n"
                + "spec: {nodeName: n1}\n",
            "apiVersion: v1\nkind: Pod\nmetadata: {name: ours}\nspec: {nodeName: n1}\n",
            forbidden("pods", "", "ours", "node \"n1\" cannot update labels through pod status")),
        new Case("its own Node with a kubelet label", N1, "", "nodes", "", Operation.CREATE, "",
            "n1", node.formatted("{kubernetes.io/hostname: n1, node.kubernetes.io/x: y}", "{}"),
            null, null),
        new Case("its own Node with restricted labels", N1, "", "nodes", "", Operation.CREATE,
            "", "n1", node.formatted("{node-restriction.kubernetes.io/a: b, "
                + "foo.k8s.io/b: c, kubernetes.io/os: linux}", "{}"), null,
            forbidden("nodes", "", "n1", "node \"n1\" is not allowed to set the following "
                + "labels: foo.k8s.io/b, node-restriction.kubernetes.io/a")),
        new Case("another Node", N1, "", "nodes", "", Operation.UPDATE, "", "n2",
            node.formatted("{}", "{}"), node.formatted("{}", "{}"),
            forbidden("nodes", "", "n2", "node \"n1\" is not allowed to modify node \"n2\"")),
        new Case("its own taints", N1, "", "nodes", "", Operation.UPDATE, "", "n1",
            node.formatted("{}", "{}"),
            node.formatted("{}", "{taints: [{key: k, effect: NoSchedule}]}"),
            forbidden("nodes", "", "n1", "node \"n1\" is not allowed to modify taints")),
        new Case("a lease elsewhere", N1, "coordination.k8s.io", "leases", "", Operation.UPDATE,
            "default", "n1", "apiVersion: coordination.k8s.io/v1\nkind: Lease\nmetadata: "
                + "{name: n1}\n", null, forbidden("leases", "coordination.k8s.io", "n1",
                "can only access leases in the \"kube-node-lease\" system namespace")),
        new Case("another node's lease", N1, "coordination.k8s.io", "leases", "",
            Operation.CREATE, "kube-node-lease", "n2", "apiVersion: coordination.k8s.io/v1\n"
                + "kind: Lease\nmetadata: {name: n2}\n", null,
            forbidden("leases", "coordination.k8s.io", "n2", "can only access node lease with "
                + "the same name as the requesting node")),
        new Case("PVC spec", N1, "", "persistentvolumeclaims", "", Operation.UPDATE, "ns", "d",
            "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: d}\n", null,
            forbidden("persistentvolumeclaims", "", "d", "may only update PVC status")),
        new Case("PVC status capacity", N1, "", "persistentvolumeclaims", "status",
            Operation.UPDATE, "ns", "d", "apiVersion: v1\nkind: PersistentVolumeClaim\n"
                + "metadata: {name: d, resourceVersion: '9'}\nstatus: {capacity: {storage: 2Gi}}\n",
            "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: d, resourceVersion: "
                + "'8'}\nstatus: {capacity: {storage: 1Gi}, phase: Bound}\n",
            forbidden("persistentvolumeclaims", "", "d", "node \"n1\" is not allowed to update "
                + "fields other than status.capacity and status.conditions: [status]")),
        new Case("not a node: not restricted", UserInfo.of("system:node:n1"), "", "pods", "",
            Operation.CREATE, "ns", "web", "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\n",
            null, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void admit_nodeRequest_upstreamVerdict(Case c) {
    AdmissionAttributes a = new AdmissionAttributes(
        c.object() == null ? null : Manifests.one(c.object()),
        c.old() == null ? null : Manifests.one(c.old()),
        new GroupVersionKind(c.group(), "v1", "X"),
        new GroupVersionResource(c.group(), "v1", c.resource()), c.sub(), c.namespace(),
        c.objectName(), c.op(), null, false, c.user());
    AdmissionResult r = NodeRestrictionAdmission.create().admit(a, CLUSTER);
    assertThat(r.status()).isEqualTo(c.expected());
  }
}
