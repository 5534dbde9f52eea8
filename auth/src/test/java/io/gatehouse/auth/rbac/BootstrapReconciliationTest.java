package io.gatehouse.auth.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.Unstructured;
import io.gatehouse.api.codec.ManifestDecoder;
import io.gatehouse.auth.rbac.BootstrapReconciliation.Operation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BootstrapReconciliationTest {

  private static Unstructured object(String yaml) {
    return ManifestDecoder.decode("t.yaml", yaml.getBytes(StandardCharsets.UTF_8)).manifests()
        .get(0).object();
  }

  private static final Unstructured EXPECTED_ROLE = object("""
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: r
        labels: {kubernetes.io/bootstrapping: rbac-defaults}
        annotations: {rbac.authorization.kubernetes.io/autoupdate: "true"}
      rules:
      - {apiGroups: [""], resources: [pods], verbs: [get, list]}
      """);

  private static final Unstructured EXPECTED_BINDING = object("""
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata: {name: b, annotations: {rbac.authorization.kubernetes.io/autoupdate: "true"}}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: r}
      subjects:
      - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: system:authenticated}
      """);

  @Test
  void reconcile_missing_createsTheBootstrapObject() {
    BootstrapReconciliation.Result r = BootstrapReconciliation.reconcile(EXPECTED_ROLE, null);
    assertThat(r.operation()).isEqualTo(Operation.CREATE);
    assertThat(r.object()).isEqualTo(EXPECTED_ROLE);
  }

  @Test
  void reconcile_roleLackingAVerb_appendsTheBrokenDownRuleAndKeepsItsOwn() {
    Unstructured stored = object("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: r
          labels: {kubernetes.io/bootstrapping: rbac-defaults, team: a}
          annotations: {rbac.authorization.kubernetes.io/autoupdate: "true"}
        rules:
        - {apiGroups: [""], resources: [pods], verbs: [get]}
        - {apiGroups: [""], resources: [configmaps], verbs: [get]}
        """);
    BootstrapReconciliation.Result r = BootstrapReconciliation.reconcile(EXPECTED_ROLE, stored);
    assertThat(r.operation()).isEqualTo(Operation.UPDATE);
    assertThat(r.missingRules()).containsExactly(
        PolicyRule.resources(List.of("list"), List.of(""), List.of("pods")));
    assertThat(r.object().object().get("rules")).isEqualTo(List.of(
        Map.of("apiGroups", List.of(""), "resources", List.of("pods"), "verbs", List.of("get")),
        Map.of("apiGroups", List.of(""), "resources", List.of("configmaps"), "verbs", List.of("get")),
        Map.of("verbs", List.of("list"), "apiGroups", List.of(""), "resources", List.of("pods"))));
    assertThat(r.object().labels()).containsEntry("team", "a");
  }

  @Test
  void reconcile_coveredRoleWithSameMetadata_none() {
    Unstructured stored = object("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: r
          labels: {kubernetes.io/bootstrapping: rbac-defaults}
          annotations: {rbac.authorization.kubernetes.io/autoupdate: "true"}
        rules:
        - {apiGroups: ["*"], resources: ["*"], verbs: ["*"]}
        """);
    assertThat(BootstrapReconciliation.reconcile(EXPECTED_ROLE, stored).operation())
        .isEqualTo(Operation.NONE);
  }

  @Test
  void reconcile_storedWithoutBootstrapLabel_updateAddsIt() {
    Unstructured stored = object("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: r}
        rules:
        - {apiGroups: [""], resources: [pods], verbs: [get, list]}
        """);
    BootstrapReconciliation.Result r = BootstrapReconciliation.reconcile(EXPECTED_ROLE, stored);
    assertThat(r.operation()).isEqualTo(Operation.UPDATE);
    assertThat(r.object().labels()).isEqualTo(Map.of("kubernetes.io/bootstrapping", "rbac-defaults"));
    assertThat(r.object().annotations()).containsEntry(BootstrapReconciliation.AUTOUPDATE, "true");
  }

  @Test
  void reconcile_autoupdateFalse_protectedWithTheMissingRulesReported() {
    Unstructured stored = object("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: r, annotations: {rbac.authorization.kubernetes.io/autoupdate: "false"}}
        rules: []
        """);
    BootstrapReconciliation.Result r = BootstrapReconciliation.reconcile(EXPECTED_ROLE, stored);
    assertThat(r.protectedObject()).isTrue();
    assertThat(r.operation()).isEqualTo(Operation.UPDATE);
    assertThat(r.missingRules()).hasSize(2);
  }

  @Test
  void reconcile_aggregationRule_missingSelectorsAppendedAndUnexpectedOneRemoved() {
    Unstructured expectedAggregated = object("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: admin}
        aggregationRule:
          clusterRoleSelectors:
          - matchLabels: {rbac.authorization.k8s.io/aggregate-to-admin: "true"}
        """);
    Unstructured stored = object("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: admin}
        aggregationRule:
          clusterRoleSelectors:
          - matchLabels: {custom: "true"}
        """);
    BootstrapReconciliation.Result r = BootstrapReconciliation.reconcile(expectedAggregated, stored);
    assertThat(r.operation()).isEqualTo(Operation.UPDATE);
    assertThat(r.object().get("aggregationRule", "clusterRoleSelectors").orElseThrow()).isEqualTo(
        List.of(Map.of("matchLabels", Map.of("custom", "true")),
            Map.of("matchLabels", Map.of("rbac.authorization.k8s.io/aggregate-to-admin", "true"))));
    BootstrapReconciliation.Result removed = BootstrapReconciliation.reconcile(EXPECTED_ROLE,
        object("""
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: r
              labels: {kubernetes.io/bootstrapping: rbac-defaults}
              annotations: {rbac.authorization.kubernetes.io/autoupdate: "true"}
            aggregationRule: {clusterRoleSelectors: [{matchLabels: {x: "y"}}]}
            rules: [{apiGroups: [""], resources: [pods], verbs: [get, list]}]
            """));
    assertThat(removed.operation()).isEqualTo(Operation.UPDATE);
    assertThat(removed.object().object()).doesNotContainKey("aggregationRule");
  }

  @Test
  void reconcile_bindingLackingASubject_appendsIt_defaultedApiGroupCountsAsEqual() {
    Unstructured stored = object("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: b, annotations: {rbac.authorization.kubernetes.io/autoupdate: "true"}}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: r}
        subjects:
        - {kind: User, name: alice}
        """);
    BootstrapReconciliation.Result r = BootstrapReconciliation.reconcile(EXPECTED_BINDING, stored);
    assertThat(r.operation()).isEqualTo(Operation.UPDATE);
    assertThat(r.object().object().get("subjects")).isEqualTo(List.of(
        Map.of("kind", "User", "name", "alice"),
        Map.of("apiGroup", "rbac.authorization.k8s.io", "kind", "Group", "name", "system:authenticated")));
    Unstructured defaulted = object("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: b, annotations: {rbac.authorization.kubernetes.io/autoupdate: "true"}}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: r}
        subjects:
        - {kind: Group, name: system:authenticated}
        """);
    assertThat(BootstrapReconciliation.reconcile(EXPECTED_BINDING, defaulted).operation())
        .isEqualTo(Operation.NONE);
  }

  @Test
  void reconcile_bindingWithAnotherRoleRef_recreated() {
    Unstructured stored = object("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: b}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: other}
        subjects: [{kind: User, name: alice}]
        """);
    BootstrapReconciliation.Result r = BootstrapReconciliation.reconcile(EXPECTED_BINDING, stored);
    assertThat(r.operation()).isEqualTo(Operation.RECREATE);
    assertThat(r.object()).isEqualTo(EXPECTED_BINDING);
  }
}
