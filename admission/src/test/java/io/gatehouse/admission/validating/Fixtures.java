package io.gatehouse.admission.validating;

import io.gatehouse.admission.AdmissionAttributes;
import io.gatehouse.admission.AdmissionResult;
import io.gatehouse.admission.ClusterState;
import io.gatehouse.admission.FakeCluster;
import io.gatehouse.admission.Manifests;
import io.gatehouse.admission.Operation;
import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.GroupVersionResource;
import io.gatehouse.api.Unstructured;
import io.gatehouse.api.authz.AuthorizationResult;
import io.gatehouse.api.authz.Authorizer;
import io.gatehouse.api.authz.Decision;
import io.gatehouse.api.authz.UserInfo;
import java.util.List;
import java.util.Map;

/** Shared fixtures of the plugin tests. */
final class Fixtures {

  static final GroupVersionResource DEPLOYMENTS = new GroupVersionResource("apps", "v1", "deployments");
  static final Authorizer ALLOW_ALL = a -> AuthorizationResult.of(Decision.ALLOW, "");

  private Fixtures() {}

  /** A policy matching CREATE and UPDATE of apps/v1 deployments with {@code specBody} appended. */
  static String policy(String name, String specBody) {
    return """
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicy
        metadata: {name: %s}
        spec:
          matchConstraints:
            resourceRules:
            - {apiGroups: [apps], apiVersions: [v1], operations: [CREATE, UPDATE], resources: [deployments]}
        %s
        """.formatted(name, specBody.indent(2));
  }

  /** A binding of {@code policy} with {@code actions} and {@code specBody} appended. */
  static String binding(String name, String policy, String actions, String specBody) {
    return """
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicyBinding
        metadata: {name: %s}
        spec:
          policyName: %s
          validationActions: [%s]
        %s
        """.formatted(name, policy, actions, specBody.indent(2));
  }

  static ValidatingAdmissionPolicyPlugin plugin(String... documents) {
    return ValidatingAdmissionPolicyPlugin.create(
        Manifests.of(String.join("\n---\n", documents)), ValidatingAdmissionPolicyPlugin.Options.DEFAULT);
  }

  static Unstructured deployment(int replicas) {
    return Manifests.one("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: default, labels: {app: web}}
        spec: {replicas: %d}
        """.formatted(replicas));
  }

  static AdmissionAttributes create(Unstructured object) {
    return new AdmissionAttributes(object, null, object.groupVersionKind(), DEPLOYMENTS, "",
        object.namespace(), object.name(), Operation.CREATE,
        Map.of("kind", "CreateOptions", "apiVersion", "meta.k8s.io/v1"), false,
        new UserInfo("alice", "", List.of(), Map.of()));
  }

  static FakeCluster cluster() {
    return FakeCluster.create().namespace("default", Map.of("env", "prod"));
  }

  static AdmissionResult run(ValidatingAdmissionPolicyPlugin plugin, AdmissionAttributes request) {
    return run(plugin, request, cluster());
  }

  static AdmissionResult run(
      ValidatingAdmissionPolicyPlugin plugin, AdmissionAttributes request, ClusterState cluster) {
    return plugin.validate(request, cluster, ALLOW_ALL);
  }

  static GroupVersionKind gvk(String group, String version, String kind) {
    return new GroupVersionKind(group, version, kind);
  }

  /** Returns the denial messages of {@code result}. */
  static List<String> messages(AdmissionResult result) {
    return result.denials().stream().map(io.gatehouse.admission.Denial::message).toList();
  }
}
