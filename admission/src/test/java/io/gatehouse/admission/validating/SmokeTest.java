package io.gatehouse.admission.validating;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.admission.AdmissionResult;
import io.gatehouse.admission.FakeCluster;
import io.gatehouse.admission.Manifests;
import io.gatehouse.admission.Operation;
import io.gatehouse.admission.Requests;
import io.gatehouse.api.GroupVersionResource;
import io.gatehouse.api.authz.AuthorizationResult;
import io.gatehouse.api.authz.Decision;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void validate_replicaLimit_denies() {
    var plugin = ValidatingAdmissionPolicyPlugin.create(Manifests.of("""
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicy
        metadata: {name: demo}
        spec:
          matchConstraints:
            resourceRules:
            - {apiGroups: [apps], apiVersions: [v1], operations: [CREATE], resources: [deployments]}
          validations:
          - expression: object.spec.replicas <= 3
          - expression: object.spec.replicas <= 2
            messageExpression: "'too many: ' + string(object.spec.replicas)"
          - expression: object.spec.replicas <= 1
            message: no more than one
        ---
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicyBinding
        metadata: {name: demo-b}
        spec: {policyName: demo, validationActions: [Deny]}
        """), ValidatingAdmissionPolicyPlugin.Options.DEFAULT);
    assertThat(plugin.problems()).isEmpty();
    var deploy = Manifests.one("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: default}
        spec: {replicas: 5}
        """);
    AdmissionResult r = plugin.validate(
        Requests.create(deploy, new GroupVersionResource("apps", "v1", "deployments"), Operation.CREATE, null),
        FakeCluster.create().namespace("default", java.util.Map.of()),
        a -> AuthorizationResult.of(Decision.ALLOW, ""));
    System.out.println(r);
    assertThat(r.allowed()).isFalse();
  }
}
