package io.gatehouse.auth.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.authz.UserInfo;
import io.gatehouse.api.codec.Manifest;
import io.gatehouse.api.codec.ManifestDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EscalationTest {

  private static final RbacAuthorizer RBAC = RbacAuthorizer.fromObjects(ManifestDecoder.decode(
      "t.yaml", """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata: {name: pods, namespace: team}
      rules:
      - {apiGroups: [""], resources: [pods], verbs: [get, list]}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: bob-pods, namespace: team}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: pods}
      subjects: [{kind: User, name: bob}]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata: {name: bob-dangling}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: missing}
      subjects: [{kind: User, name: carol}]
      """.getBytes(StandardCharsets.UTF_8)).manifests().stream().map(Manifest::object).toList());

  private static final UserInfo BOB = UserInfo.of("bob", "devs", "system:authenticated");

  @Test
  void confirmNoEscalation_heldRules_allowed() {
    assertThat(Escalation.confirmNoEscalation(RBAC, BOB, "team",
        List.of(PolicyRule.resources(List.of("get"), List.of(""), List.of("pods"))))).isEmpty();
  }

  @Test
  void confirmNoEscalation_otherNamespace_upstreamMessageWithCompactedSortedRules() {
    assertThat(Escalation.confirmNoEscalation(RBAC, BOB, "other", List.of(
        PolicyRule.resources(List.of("get", "list"), List.of(""), List.of("pods", "configmaps")),
        new PolicyRule(List.of("get"), List.of(), List.of(), List.of(), List.of("/healthz")))))
        .contains("user \"bob\" (groups=[\"devs\" \"system:authenticated\"]) is attempting to "
            + "grant RBAC permissions not currently held:\n"
            + "{APIGroups:[\"\"], Resources:[\"configmaps\"], Verbs:[\"get\" \"list\"]}\n"
            + "{APIGroups:[\"\"], Resources:[\"pods\"], Verbs:[\"get\" \"list\"]}\n"
            + "{NonResourceURLs:[\"/healthz\"], Verbs:[\"get\"]}");
  }

  @Test
  void confirmNoEscalation_partlyHeld_onlyTheMissingBrokenDownRules() {
    assertThat(Escalation.confirmNoEscalation(RBAC, BOB, "team", List.of(
        new PolicyRule(List.of("get", "delete"), List.of(""), List.of("pods"), List.of("a"),
            List.of()))))
        .contains("user \"bob\" (groups=[\"devs\" \"system:authenticated\"]) is attempting to "
            + "grant RBAC permissions not currently held:\n"
            + "{APIGroups:[\"\"], Resources:[\"pods\"], ResourceNames:[\"a\"], Verbs:[\"delete\"]}");
  }

  @Test
  void confirmNoEscalation_unresolvableRole_resolutionErrorsAppended() {
    assertThat(Escalation.confirmNoEscalation(RBAC, UserInfo.of("carol"), "",
        List.of(PolicyRule.resources(List.of("get"), List.of(""), List.of("pods")))))
        .contains("user \"carol\" (groups=[]) is attempting to grant RBAC permissions not "
            + "currently held:\n{APIGroups:[\"\"], Resources:[\"pods\"], Verbs:[\"get\"]}; "
            + "resolution errors: [clusterroles.rbac.authorization.k8s.io \"missing\" not found]");
  }
}
