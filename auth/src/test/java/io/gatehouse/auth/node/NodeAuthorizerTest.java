package io.gatehouse.auth.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.authz.AuthorizationResult;
import io.gatehouse.api.authz.Decision;
import io.gatehouse.api.authz.FieldSelectorRequirement;
import io.gatehouse.api.authz.RequestAttributes;
import io.gatehouse.api.authz.SelectorOperator;
import io.gatehouse.api.authz.UserInfo;
import io.gatehouse.api.codec.Manifest;
import io.gatehouse.api.codec.ManifestDecoder;
import io.gatehouse.auth.rbac.BootstrapPolicy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Node authorizer over pods, PVCs and attachments given as manifests. */
class NodeAuthorizerTest {

  private static final String OBJECTS = """
      apiVersion: v1
      kind: Pod
      metadata: {name: web-0, namespace: shop}
      spec:
        nodeName: node-1
        serviceAccountName: web
        imagePullSecrets: [{name: registry}]
        containers:
        - name: app
          envFrom: [{configMapRef: {name: app-config}}]
          env: [{name: PASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}]
        volumes:
        - {name: data, persistentVolumeClaim: {claimName: data-web-0}}
        - {name: tls, projected: {sources: [{secret: {name: tls-cert}}]}}
        - {name: cache, ephemeral: {volumeClaimTemplate: {spec: {}}}}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: pending, namespace: shop}
      spec:
        containers: [{name: app}]
        volumes: [{name: s, secret: {secretName: unscheduled-secret}}]
      ---
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: data-web-0, namespace: shop}
      spec: {volumeName: pv-1}
      ---
      apiVersion: storage.k8s.io/v1
      kind: VolumeAttachment
      metadata: {name: va-1}
      spec: {nodeName: node-1}
      """;

  private static final NodeAuthorizer AUTHORIZER = NodeAuthorizer.create(
      NodeGraph.fromObjects(ManifestDecoder.decode("objects.yaml", OBJECTS.getBytes(StandardCharsets.UTF_8))
          .manifests().stream().map(Manifest::object).toList()),
      BootstrapPolicy.nodeRules(), true);

  private static final UserInfo NODE1 = UserInfo.of("system:node:node-1", "system:nodes");
  private static final UserInfo NODE2 = UserInfo.of("system:node:node-2", "system:nodes");

  private record Case(String name, RequestAttributes request, AuthorizationResult expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static RequestAttributes r(UserInfo u, String verb, String ns, String group,
      String resource, String sub, String name) {
    return RequestAttributes.resource(u, verb, ns, group, "v1", resource, sub, name);
  }

  private static AuthorizationResult allow() {
    return AuthorizationResult.of(Decision.ALLOW, "");
  }

  private static AuthorizationResult no(String reason) {
    return AuthorizationResult.of(Decision.NO_OPINION, reason);
  }

  static Stream<Case> cases() {
    String noRelation1 = "no relationship found between node 'node-1' and this object";
    String noRelation2 = "no relationship found between node 'node-2' and this object";
    return Stream.of(
        new Case("not a node", r(UserInfo.of("alice", "system:nodes"), "get", "shop", "", "secrets", "", "db"), no("")),
        new Case("node user without group", r(UserInfo.of("system:node:node-1"), "get", "shop", "", "secrets", "", "db"), no("")),
        new Case("unknown node name", r(UserInfo.of("system:node:", "system:nodes"), "get", "shop", "", "secrets", "", "db"),
            no("unknown node for user \"system:node:\"")),
        new Case("env secret of its pod", r(NODE1, "get", "shop", "", "secrets", "", "db"), allow()),
        new Case("image pull secret", r(NODE1, "get", "shop", "", "secrets", "", "registry"), allow()),
        new Case("projected secret", r(NODE1, "watch", "shop", "", "secrets", "", "tls-cert"), allow()),
        new Case("envFrom configmap", r(NODE1, "list", "shop", "", "configmaps", "", "app-config"), allow()),
        new Case("secret of another node's pod", r(NODE2, "get", "shop", "", "secrets", "", "db"), no(noRelation2)),
        new Case("secret of an unscheduled pod", r(NODE1, "get", "shop", "", "secrets", "", "unscheduled-secret"), no(noRelation1)),
        new Case("list all secrets", r(NODE1, "list", "shop", "", "secrets", "", ""), no("No Object name found")),
        new Case("update a secret", r(NODE1, "update", "shop", "", "secrets", "", "db"), no("can only read resources of this type")),
        new Case("pvc of its pod", r(NODE1, "get", "shop", "", "persistentvolumeclaims", "", "data-web-0"), allow()),
        new Case("ephemeral pvc", r(NODE1, "get", "shop", "", "persistentvolumeclaims", "", "web-0-cache"), allow()),
        new Case("pvc status update", r(NODE1, "patch", "shop", "", "persistentvolumeclaims", "status", "data-web-0"), allow()),
        new Case("pvc list", r(NODE1, "list", "shop", "", "persistentvolumeclaims", "", ""), no("can only get individual resources of this type")),
        new Case("bound pv", r(NODE1, "get", "", "", "persistentvolumes", "", "pv-1"), allow()),
        new Case("volume attachment", r(NODE1, "get", "", "storage.k8s.io", "volumeattachments", "", "va-1"), allow()),
        new Case("token of its pod's service account", r(NODE1, "create", "shop", "", "serviceaccounts", "token", "web"), allow()),
        new Case("token of another service account", r(NODE1, "create", "shop", "", "serviceaccounts", "token", "admin"), no(noRelation1)),
        new Case("service account get", r(NODE1, "get", "shop", "", "serviceaccounts", "", "web"),
            no("can only create tokens for individual service accounts")),
        new Case("own lease", r(NODE1, "update", "kube-node-lease", "coordination.k8s.io", "leases", "", "node-1"), allow()),
        new Case("other lease", r(NODE1, "update", "kube-node-lease", "coordination.k8s.io", "leases", "", "node-2"),
            no("can only access node lease with the same name as the requesting node")),
        new Case("lease elsewhere", r(NODE1, "get", "default", "coordination.k8s.io", "leases", "", "node-1"),
            no("can only access leases in the \"kube-node-lease\" system namespace")),
        new Case("own node", r(NODE1, "get", "", "", "nodes", "", "node-1"), allow()),
        new Case("other node", r(NODE1, "get", "", "", "nodes", "", "node-2"),
            no("node 'node-1' cannot read 'node-2', only its own Node object")),
        new Case("all nodes", r(NODE1, "list", "", "", "nodes", "", ""),
            no("node 'node-1' cannot read all nodes, only its own Node object")),
        new Case("its pod", r(NODE1, "get", "shop", "", "pods", "", "web-0"), allow()),
        new Case("list pods without selector", r(NODE1, "list", "", "", "pods", "", ""),
            no("can only list/watch pods with spec.nodeName field selector")),
        new Case("list its pods by selector", r(NODE1, "list", "", "", "pods", "", "").withFieldSelector(
            List.of(new FieldSelectorRequirement("spec.nodeName", SelectorOperator.EQUALS, "node-1")), ""), allow()),
        new Case("mirror pod create", r(NODE1, "create", "shop", "", "pods", "", ""), allow()),
        new Case("static rule: events", r(NODE1, "create", "shop", "", "events", "", ""), allow()),
        new Case("nothing for deployments", r(NODE1, "get", "shop", "apps", "deployments", "", "web"), no("")),
        new Case("non-resource", RequestAttributes.nonResource(NODE1, "get", "/healthz"), no("")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void authorize_nodeRequests_asUpstream(Case c) {
    assertThat(AUTHORIZER.authorize(c.request())).isEqualTo(c.expected());
  }
}
