package io.gatehouse.auth.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.Unstructured;
import io.gatehouse.api.authz.Decision;
import io.gatehouse.api.authz.RequestAttributes;
import io.gatehouse.api.authz.UserInfo;
import io.gatehouse.api.codec.Manifest;
import io.gatehouse.api.codec.ManifestDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bootstrap policy as a running cluster has it, reconciled with stored objects. */
class BootstrapPolicyTest {

  private static List<Unstructured> objects(String yaml) {
    return ManifestDecoder.decode("t.yaml", yaml.getBytes(StandardCharsets.UTF_8)).manifests()
        .stream().map(Manifest::object).toList();
  }

  private static Decision decide(List<Unstructured> stored, RequestAttributes a) {
    return RbacAuthorizer.fromObjects(BootstrapPolicy.reconcile(stored)).authorize(a).decision();
  }

  @Test
  void reconcile_nothingStored_editAggregatesViewAndAuthenticatedUsersMayDiscover() {
    List<Unstructured> stored = objects("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: dev, namespace: team}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
        subjects: [{kind: User, name: dev, apiGroup: rbac.authorization.k8s.io}]
        """);
    UserInfo dev = UserInfo.of("dev", "system:authenticated");
    assertThat(decide(stored, RequestAttributes.resource(dev, "list", "team", "", "v1", "pods", "log", "")))
        .isEqualTo(Decision.ALLOW);
    assertThat(decide(stored, RequestAttributes.resource(dev, "create", "team", "rbac.authorization.k8s.io",
        "v1", "rolebindings", "", ""))).isEqualTo(Decision.NO_OPINION);
    assertThat(decide(stored, RequestAttributes.nonResource(dev, "get", "/apis/apps"))).isEqualTo(Decision.ALLOW);
    assertThat(decide(List.of(), RequestAttributes.nonResource(UserInfo.of("anon", "system:unauthenticated"),
        "get", "/apis"))).isEqualTo(Decision.NO_OPINION);
  }

  @Test
  void reconcile_storedRole_gainsMissingRulesUnlessAutoupdateFalse() {
    String role = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: system:discovery%s}
        rules: [{nonResourceURLs: [/custom], verbs: [get]}]
        """;
    UserInfo user = UserInfo.of("u", "system:authenticated");
    RequestAttributes api = RequestAttributes.nonResource(user, "get", "/api");
    RequestAttributes custom = RequestAttributes.nonResource(user, "get", "/custom");
    List<Unstructured> updated = objects(role.formatted(""));
    assertThat(decide(updated, api)).isEqualTo(Decision.ALLOW);
    assertThat(decide(updated, custom)).isEqualTo(Decision.ALLOW);
    List<Unstructured> pinned = objects(role.formatted(", annotations: {rbac.authorization.kubernetes.io/autoupdate: \"false\"}"));
    assertThat(decide(pinned, api)).isEqualTo(Decision.NO_OPINION);
    assertThat(decide(pinned, custom)).isEqualTo(Decision.ALLOW);
  }

  @Test
  void nodeRules_areTheSystemNodeClusterRole() {
    assertThat(BootstrapPolicy.nodeRules()).contains(new PolicyRule(List.of("create"),
        List.of(""), List.of("serviceaccounts/token"), List.of(), List.of()));
  }
}
