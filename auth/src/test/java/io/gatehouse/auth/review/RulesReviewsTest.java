package io.gatehouse.auth.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.authz.UserInfo;
import io.gatehouse.api.codec.ManifestDecoder;
import io.gatehouse.api.codec.ValueDecoder;
import io.gatehouse.auth.AlwaysAllowAuthorizer;
import io.gatehouse.auth.AlwaysDenyAuthorizer;
import io.gatehouse.auth.AuthorizerChain;
import io.gatehouse.auth.RuleResolver;
import io.gatehouse.auth.node.NodeAuthorizer;
import io.gatehouse.auth.node.NodeGraph;
import io.gatehouse.auth.rbac.BootstrapPolicy;
import io.gatehouse.auth.rbac.RbacAuthorizer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RulesReviewsTest {

  private static final RbacAuthorizer RBAC = RbacAuthorizer.fromObjects(ManifestDecoder.decode(
      "rbac.yaml", """
          apiVersion: rbac.authorization.k8s.io/v1
          kind: ClusterRole
          metadata: {name: health}
          rules: [{nonResourceURLs: [/healthz, /logs/*], verbs: [get]}]
          ---
          apiVersion: rbac.authorization.k8s.io/v1
          kind: ClusterRoleBinding
          metadata: {name: health}
          roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: health}
          subjects: [{apiGroup: rbac.authorization.k8s.io, kind: Group, name: devs}]
          ---
          apiVersion: rbac.authorization.k8s.io/v1
          kind: Role
          metadata: {name: cm, namespace: dev}
          rules: [{apiGroups: [""], resources: [configmaps], resourceNames: [app], verbs: [get]}]
          ---
          apiVersion: rbac.authorization.k8s.io/v1
          kind: RoleBinding
          metadata: {name: a-cm, namespace: dev}
          roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: cm}
          subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: jane}]
          ---
          apiVersion: rbac.authorization.k8s.io/v1
          kind: RoleBinding
          metadata: {name: b-gone, namespace: dev}
          roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: gone}
          subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: jane}]
          """.getBytes(StandardCharsets.UTF_8)).manifests().stream().map(m -> m.object()).toList());
  private static final NodeAuthorizer NODE = NodeAuthorizer.create(
      NodeGraph.fromObjects(List.of()), BootstrapPolicy.nodeRules(), true);
  private static final UserInfo JANE = UserInfo.of("jane", "devs", "system:authenticated");
  private static final UserInfo NODE_USER = UserInfo.of("system:node:n1", "system:nodes");
  private static final String BODY = """
      {"apiVersion":"authorization.k8s.io/v1","kind":"SelfSubjectRulesReview",
       "spec":{"namespace":"dev"}}""";

  private record Case(String name, RuleResolver resolver, UserInfo user, Map<String, Object> status) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Map<String, Object> status(List<Map<String, Object>> resources,
      List<Map<String, Object>> nonResources, boolean incomplete, String error) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("resourceRules", resources);
    s.put("nonResourceRules", nonResources);
    s.put("incomplete", incomplete);
    if (!error.isEmpty()) {
      s.put("evaluationError", error);
    }
    return s;
  }

  private static AuthorizerChain chain(Object... typeNameAuthorizer) {
    List<AuthorizerChain.Entry> entries = new java.util.ArrayList<>();
    for (int i = 0; i < typeNameAuthorizer.length; i += 2) {
      entries.add(new AuthorizerChain.Entry((String) typeNameAuthorizer[i],
          ((String) typeNameAuthorizer[i]).toLowerCase(java.util.Locale.ROOT),
          (io.gatehouse.api.authz.Authorizer) typeNameAuthorizer[i + 1]));
    }
    return AuthorizerChain.of(entries);
  }

  static Stream<Case> cases() {
    Map<String, Object> cmRule = Map.of("verbs", List.of("get"), "apiGroups", List.of(""),
        "resources", List.of("configmaps"), "resourceNames", List.of("app"));
    Map<String, Object> healthRule = Map.of("verbs", List.of("get"),
        "nonResourceURLs", List.of("/healthz", "/logs/*"));
    return Stream.of(
        new Case("rbac: cluster then namespace rules, missing role as error, complete",
            chain("RBAC", RBAC), JANE, status(List.of(cmRule), List.of(healthRule), false,
                "clusterrole.rbac.authorization.k8s.io \"gone\" not found")),
        new Case("system:masters is not a resolver: nothing", chain("RBAC", RBAC),
            UserInfo.of("root", "system:masters"), status(List.of(), List.of(), false, "")),
        new Case("node then rbac: a node's rules are incomplete", chain("Node", NODE, "RBAC", RBAC),
            NODE_USER, status(List.of(), List.of(), true,
                "node authorizer does not support user rule resolution")),
        new Case("node for a non-node user: complete", chain("Node", NODE), JANE,
            status(List.of(), List.of(), false, "")),
        new Case("always allow lists everything, always deny nothing",
            chain("AlwaysDeny", AlwaysDenyAuthorizer.INSTANCE, "AlwaysAllow",
                AlwaysAllowAuthorizer.INSTANCE), JANE,
            status(List.of(Map.of("verbs", List.of("*"), "apiGroups", List.of("*"), "resources",
                List.of("*"))), List.of(Map.of("verbs", List.of("*"), "nonResourceURLs",
                List.of("*"))), false, "")),
        new Case("errors of several authorizers aggregate", chain("Node", NODE, "RBAC", RBAC,
            "Custom", (io.gatehouse.api.authz.Authorizer) a -> null), JANE,
            status(List.of(cmRule), List.of(healthRule), true, "[clusterrole.rbac.authorization"
                + ".k8s.io \"gone\" not found, Custom authorizer custom does not support user "
                + "rule resolution]")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void answer_chain_rulesIncompleteAndErrorsAsUpstream(Case c) {
    RulesReviews.Outcome outcome = RulesReviews.answer("v1", body(BODY), c.user(), c.resolver());
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("creationTimestamp", null);
    assertThat(outcome).isEqualTo(new RulesReviews.Answered(Map.of("kind",
        "SelfSubjectRulesReview", "apiVersion", "authorization.k8s.io/v1", "metadata", metadata,
        "spec", Map.of(), "status", c.status()), List.of()));
  }

  @Test
  void answer_noNamespaceOrNoUser_badRequestWithUpstreamText() {
    assertThat(RulesReviews.answer("v1", body("{\"spec\":{}}"), JANE, chain("RBAC", RBAC)))
        .isEqualTo(new RulesReviews.BadRequest("no namespace on request"));
    assertThat(RulesReviews.answer("v1", body(BODY), null, chain("RBAC", RBAC)))
        .isEqualTo(new RulesReviews.BadRequest("no user present on request"));
    assertThat(RulesReviews.answer("v1", body("{\"spec\":{\"namespace\":1}}"), JANE,
        chain("RBAC", RBAC))).isEqualTo(new RulesReviews.BadRequest("SelfSubjectRulesReview in "
        + "version \"v1\" cannot be handled as a SelfSubjectRulesReview: json: cannot unmarshal "
        + "number into Go struct field SelfSubjectRulesReviewSpec.spec.namespace of type string"));
  }

  private static Map<?, ?> body(String json) {
    return (Map<?, ?>) ValueDecoder.decode("body", json).value();
  }
}
