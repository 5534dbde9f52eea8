package io.gatehouse.auth.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.Unstructured;
import io.gatehouse.api.authz.AuthorizationResult;
import io.gatehouse.api.authz.Decision;
import io.gatehouse.api.authz.RequestAttributes;
import io.gatehouse.api.authz.UserInfo;
import io.gatehouse.api.codec.ManifestDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RbacAuthorizerTest {

  private static final String OBJECTS =
      """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: pod-reader, labels: {agg: "true"}}
      rules:
      - {apiGroups: [""], resources: [pods, pods/log], verbs: [get, list]}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: scaler}
      rules:
      - {apiGroups: ["apps"], resources: ["*/scale"], verbs: [update]}
      - {nonResourceURLs: ["/healthz", "/logs/*"], verbs: [get]}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: aggregated}
      aggregationRule:
        clusterRoleSelectors: [{matchLabels: {agg: "true"}}]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata: {name: ops-scale}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: scaler}
      subjects: [{kind: Group, name: ops}]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata: {name: dangling}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: missing}
      subjects: [{kind: User, name: bob}]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata: {name: secrets, namespace: team}
      rules:
      - {apiGroups: [""], resources: [secrets], resourceNames: [app], verbs: ["*"]}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: sa-secrets, namespace: team}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: secrets}
      subjects: [{kind: ServiceAccount, name: builder}]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: readers, namespace: team}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: aggregated}
      subjects: [{kind: User, name: alice}]
      """;

  private static final RbacAuthorizer RBAC =
      RbacAuthorizer.fromObjects(
          ManifestDecoder.decode("rbac.yaml", OBJECTS.getBytes(StandardCharsets.UTF_8))
              .manifests().stream().map(m -> m.object()).toList());

  private record Case(String name, RequestAttributes attributes, AuthorizationResult expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static RequestAttributes res(
      UserInfo u, String verb, String ns, String group, String resource, String sub, String name) {
    return RequestAttributes.resource(u, verb, ns, group, "v1", resource, sub, name);
  }

  static Stream<Case> cases() {
    UserInfo alice = UserInfo.of("alice", "system:authenticated");
    UserInfo ops = UserInfo.of("carol", "ops");
    UserInfo builder = UserInfo.of("system:serviceaccount:team:builder", "system:serviceaccounts");
    UserInfo bob = UserInfo.of("bob");
    return Stream.of(
        new Case("aggregated role through role binding",
            res(alice, "get", "team", "", "pods", "log", "web"),
            AuthorizationResult.of(Decision.ALLOW,
                "RBAC: allowed by RoleBinding \"readers/team\" of ClusterRole \"aggregated\" to User \"alice\"")),
        new Case("role binding does not reach other namespaces",
            res(alice, "get", "other", "", "pods", "", "web"),
            AuthorizationResult.of(Decision.NO_OPINION, "")),
        new Case("star-slash-subresource rule",
            res(ops, "update", "x", "apps", "deployments", "scale", "d"),
            AuthorizationResult.of(Decision.ALLOW,
                "RBAC: allowed by ClusterRoleBinding \"ops-scale\" of ClusterRole \"scaler\" to Group \"ops\"")),
        new Case("star-slash-subresource does not match the parent",
            res(ops, "update", "x", "apps", "deployments", "", "d"),
            AuthorizationResult.of(Decision.NO_OPINION, "")),
        new Case("non-resource prefix",
            RequestAttributes.nonResource(ops, "get", "/logs/kube.log"),
            AuthorizationResult.of(Decision.ALLOW,
                "RBAC: allowed by ClusterRoleBinding \"ops-scale\" of ClusterRole \"scaler\" to Group \"ops\"")),
        new Case("service account defaulted to binding namespace",
            res(builder, "delete", "team", "", "secrets", "", "app"),
            AuthorizationResult.of(Decision.ALLOW,
                "RBAC: allowed by RoleBinding \"sa-secrets/team\" of Role \"secrets\" to ServiceAccount \"builder/team\"")),
        new Case("resourceNames restrict",
            res(builder, "get", "team", "", "secrets", "", "other"),
            AuthorizationResult.of(Decision.NO_OPINION, "")),
        new Case("missing role is the reason",
            res(bob, "get", "", "", "nodes", "", ""),
            AuthorizationResult.of(Decision.NO_OPINION,
                "RBAC: clusterrole.rbac.authorization.k8s.io \"missing\" not found")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void authorize_request_decidesAsUpstream(Case c) {
    assertThat(RBAC.authorize(c.attributes())).isEqualTo(c.expected());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void authorize_unrelatedUser_hasNoOpinion(Case c) {
    RequestAttributes a = c.attributes();
    RequestAttributes stranger =
        new RequestAttributes(UserInfo.of("mallory"), a.verb(), a.resourceRequest(), a.namespace(),
            a.apiGroup(), a.apiVersion(), a.resource(), a.subresource(), a.name(), a.path());
    assertThat(RBAC.authorize(stranger).decision()).isEqualTo(Decision.NO_OPINION);
    assertThat(List.of(RBAC.authorize(stranger).reason())).containsAnyOf("");
  }
}
