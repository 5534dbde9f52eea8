package io.gatehouse.admission.podsecurity;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.admission.AdmissionAttributes;
import io.gatehouse.admission.AdmissionResult;
import io.gatehouse.admission.Denial;
import io.gatehouse.admission.Operation;
import io.gatehouse.admission.Warning;
import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.GroupVersionResource;
import io.gatehouse.api.Status;
import io.gatehouse.api.StatusReason;
import io.gatehouse.api.Unstructured;
import io.gatehouse.api.authz.UserInfo;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The plugin on pods and pod controllers: texts, statuses, annotations, exemptions. */
class PodSecurityAdmissionTest {

  private static final GroupVersionResource PODS = new GroupVersionResource("", "v1", "pods");
  private static final GroupVersionKind POD = new GroupVersionKind("", "v1", "Pod");
  private static final GroupVersionResource DEPLOYMENTS =
      new GroupVersionResource("apps", "v1", "deployments");
  private static final GroupVersionKind DEPLOYMENT =
      new GroupVersionKind("apps", "v1", "Deployment");

  private static final String RUNTIME_ONLY =
      """
      metadata: {name: x-7c5b-abcde, namespace: NS}
      spec:
        containers: [{name: runtime, image: registry.example/runtime:1}]
      """;
  private static final String PRIVILEGED =
      """
      metadata: {name: test-pod, namespace: NS}
      spec:
        containers: [{name: a, image: nginx, securityContext: {privileged: true}}]
      """;
  private static final String RESTRICTED_DENIAL =
      "violates PodSecurity \"restricted:latest\": allowPrivilegeEscalation != false (container"
          + " \"runtime\" must set securityContext.allowPrivilegeEscalation=false), unrestricted"
          + " capabilities (container \"runtime\" must set"
          + " securityContext.capabilities.drop=[\"ALL\"]), runAsNonRoot != true (pod or"
          + " container \"runtime\" must set securityContext.runAsNonRoot=true), seccompProfile"
          + " (pod or container \"runtime\" must set securityContext.seccompProfile.type to"
          + " \"RuntimeDefault\" or \"Localhost\")";

  private final FakeClusterState cluster =
      new FakeClusterState()
          .namespace("restricted-ns", "pod-security.kubernetes.io/enforce: restricted")
          .namespace(
              "restricted-all",
              "pod-security.kubernetes.io/enforce: restricted, pod-security.kubernetes.io/audit:"
                  + " restricted, pod-security.kubernetes.io/warn: restricted")
          .namespace("baseline-warn-ns", "pod-security.kubernetes.io/warn: baseline")
          .namespace("baseline-audit-ns", "pod-security.kubernetes.io/audit: baseline")
          .namespace("privileged-ns", "pod-security.kubernetes.io/enforce: privileged")
          .namespace("invalid-ns", "pod-security.kubernetes.io/enforce: not-a-valid-level")
          .namespace("exempt-ns", "pod-security.kubernetes.io/enforce: restricted");

  private final PodSecurityAdmission plugin =
      PodSecurityAdmission.create(
          new PodSecurityConfiguration(
              PodSecurityConfiguration.DEFAULT.defaults(),
              new PodSecurityConfiguration.Exemptions(
                  List.of("exempt-user"), List.of("exempt-ns"), List.of("exempt-runtimeclass"))),
          Evaluator.create(),
          cluster);

  @Test
  void admit_podViolatingEnforce_deniedWithUpstreamStatus() {
    AdmissionResult r = plugin.admit(create(pod(RUNTIME_ONLY, "restricted-ns")));

    assertThat(r.allowed()).isFalse();
    assertThat(r.status())
        .isEqualTo(
            new Status(
                "pods \"x-7c5b-abcde\" is forbidden: " + RESTRICTED_DENIAL,
                StatusReason.FORBIDDEN,
                new Status.Details("x-7c5b-abcde", "", "pods", List.of()),
                403));
    assertThat(r.denials())
        .extracting(Denial::check)
        .containsExactly(
            "allowPrivilegeEscalation",
            "capabilities_restricted",
            "runAsNonRoot",
            "seccompProfile_restricted");
    assertThat(r.denials().get(0))
        .isEqualTo(
            new Denial(
                "PodSecurity",
                "",
                "",
                "violates PodSecurity \"restricted:latest\": allowPrivilegeEscalation != false"
                    + " (container \"runtime\" must set"
                    + " securityContext.allowPrivilegeEscalation=false)",
                "Forbidden",
                403,
                "",
                "allowPrivilegeEscalation",
                List.of("spec.containers[0].securityContext.allowPrivilegeEscalation")));
    assertThat(r.warnings()).isEmpty();
    assertThat(r.auditAnnotations())
        .isEqualTo(Map.of("pod-security.kubernetes.io/enforce-policy", "restricted:latest"));
  }

  @Test
  void admit_deniedWithAuditAndWarn_auditAnnotatedButNoWarning() {
    AdmissionResult r = plugin.admit(create(pod(RUNTIME_ONLY, "restricted-all")));

    assertThat(r.allowed()).isFalse();
    assertThat(r.warnings()).isEmpty();
    assertThat(r.auditAnnotations())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "pod-security.kubernetes.io/enforce-policy",
                "restricted:latest",
                "pod-security.kubernetes.io/audit-violations",
                "would " + RESTRICTED_DENIAL.replaceFirst("violates", "violate")));
  }

  @Test
  void admit_warnOnlyNamespace_allowedWithWarning() {
    AdmissionResult r = plugin.admit(create(pod(PRIVILEGED, "baseline-warn-ns")));

    assertThat(r.allowed()).isTrue();
    assertThat(r.warnings())
        .containsExactly(
            new Warning(
                "PodSecurity",
                "",
                "",
                "would violate PodSecurity \"baseline:latest\": privileged (container \"a\" must"
                    + " not set securityContext.privileged=true)",
                "privileged",
                List.of("spec.containers[0].securityContext.privileged")));
    assertThat(r.auditAnnotations())
        .isEqualTo(Map.of("pod-security.kubernetes.io/enforce-policy", "privileged:latest"));
  }

  @Test
  void admit_auditOnlyNamespace_auditAnnotation() {
    AdmissionResult r = plugin.admit(create(pod(PRIVILEGED, "baseline-audit-ns")));

    assertThat(r.allowed()).isTrue();
    assertThat(r.warnings()).isEmpty();
    assertThat(r.auditAnnotations())
        .containsEntry(
            "pod-security.kubernetes.io/audit-violations",
            "would violate PodSecurity \"baseline:latest\": privileged (container \"a\" must not"
                + " set securityContext.privileged=true)");
  }

  @Test
  void admit_fullyPrivilegedNamespace_shortCircuits() {
    AdmissionResult r = plugin.admit(create(pod(PRIVILEGED, "privileged-ns")));

    assertThat(r.allowed()).isTrue();
    assertThat(r.auditAnnotations())
        .isEqualTo(Map.of("pod-security.kubernetes.io/enforce-policy", "privileged:latest"));
    assertThat(r.evaluations()).isEmpty();
  }

  @Test
  void admit_exemptions_allowedWithExemptAnnotation() {
    Unstructured rcPod =
        pod(
            """
            metadata: {name: p, namespace: NS}
            spec:
              runtimeClassName: exempt-runtimeclass
              containers: [{name: a, securityContext: {privileged: true}}]
            """,
            "restricted-ns");

    assertThat(plugin.admit(create(pod(PRIVILEGED, "exempt-ns"))).auditAnnotations())
        .isEqualTo(Map.of("pod-security.kubernetes.io/exempt", "namespace"));
    assertThat(
            plugin
                .admit(withUser(create(pod(PRIVILEGED, "restricted-ns")), "exempt-user"))
                .auditAnnotations())
        .isEqualTo(Map.of("pod-security.kubernetes.io/exempt", "user"));
    assertThat(plugin.admit(create(rcPod)).auditAnnotations())
        .isEqualTo(Map.of("pod-security.kubernetes.io/exempt", "runtimeClass"));
  }

  @Test
  void admit_invalidNamespaceLabel_enforcesRestrictedAndRecordsError() {
    AdmissionResult r = plugin.admit(create(pod(PRIVILEGED, "invalid-ns")));

    assertThat(r.allowed()).isFalse();
    assertThat(r.status().message())
        .startsWith(
            "pods \"test-pod\" is forbidden: violates PodSecurity \"restricted:latest\":"
                + " privileged");
    assertThat(r.auditAnnotations())
        .containsEntry(
            "pod-security.kubernetes.io/error",
            "Failed to parse policy: metadata.labels[pod-security.kubernetes.io/enforce]: Invalid"
                + " value: \"not-a-valid-level\": must be one of privileged, baseline, restricted");
  }

  @Test
  void admit_missingNamespace_internalError() {
    AdmissionResult r = plugin.admit(create(pod(PRIVILEGED, "missing-ns")));

    assertThat(r.status())
        .isEqualTo(
            new Status(
                "Internal error occurred: failed to lookup namespace \"missing-ns\"",
                StatusReason.INTERNAL_ERROR,
                new Status.Details(
                    "",
                    "",
                    "",
                    List.of(new Status.Cause("", "failed to lookup namespace \"missing-ns\"", ""))),
                500));
    assertThat(r.auditAnnotations())
        .isEqualTo(
            Map.of(
                "pod-security.kubernetes.io/error",
                "Internal error occurred: failed to lookup namespace \"missing-ns\": namespaces"
                    + " \"missing-ns\" not found"));
  }

  @Test
  void admit_podUpdates_onlySignificantOnesChecked() {
    Unstructured old = pod(PRIVILEGED, "restricted-ns");
    Unstructured tolerant =
        pod(
            PRIVILEGED.replace("spec:", "spec:\n  tolerations: [{operator: Exists}]"),
            "restricted-ns");
    Unstructured newImage =
        pod(PRIVILEGED.replace("image: nginx", "image: nginx:2"), "restricted-ns");
    Unstructured newSeccompAnnotation =
        pod(
            PRIVILEGED.replace(
                "namespace: NS}",
                "namespace: NS, annotations: {container.seccomp.security.alpha.kubernetes.io/a:"
                    + " x}}"),
            "restricted-ns");

    assertThat(plugin.admit(update(tolerant, old))).isEqualTo(AdmissionResult.ALLOWED);
    assertThat(plugin.admit(update(newImage, old)).allowed()).isFalse();
    assertThat(plugin.admit(update(newSeccompAnnotation, old)).allowed()).isFalse();
  }

  @Test
  void admit_subresources_ignoredOrEvaluated() {
    Unstructured p = pod(PRIVILEGED, "restricted-ns");

    assertThat(plugin.admit(subresource(update(p, p), "status")))
        .isEqualTo(AdmissionResult.ALLOWED);
    Unstructured withDebugger =
        pod(PRIVILEGED + "  ephemeralContainers: [{name: dbg, image: busybox}]\n", "restricted-ns");
    assertThat(plugin.admit(subresource(update(withDebugger, p), "ephemeralcontainers")).allowed())
        .isFalse();
  }

  @Test
  void admit_deploymentTemplate_warnedNeverDenied() {
    Unstructured deployment =
        TestObjects.object(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: restricted-all}
            spec:
              template:
                spec:
                  containers: [{name: a, image: nginx, securityContext: {privileged: true}}]
            """);

    AdmissionResult r =
        plugin.admit(attrs(deployment, null, DEPLOYMENT, DEPLOYMENTS, "", Operation.CREATE));

    assertThat(r.allowed()).isTrue();
    assertThat(r.warnings())
        .extracting(Warning::message)
        .singleElement()
        .asString()
        .startsWith("would violate PodSecurity \"restricted:latest\": privileged (container \"a\"");
    assertThat(r.warnings().get(0).check())
        .isEqualTo(
            "privileged,allowPrivilegeEscalation,capabilities_restricted,runAsNonRoot,seccompProfile_restricted");
    assertThat(r.auditAnnotations())
        .containsOnlyKeys("pod-security.kubernetes.io/audit-violations");
  }

  @Test
  void admit_deploymentScaleOrEnforceOnlyNamespace_allowedUnchecked() {
    Unstructured deployment =
        TestObjects.object(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: restricted-ns}
            spec:
              template:
                spec:
                  containers: [{name: a, securityContext: {privileged: true}}]
            """);

    assertThat(plugin.admit(attrs(deployment, null, DEPLOYMENT, DEPLOYMENTS, "", Operation.CREATE)))
        .isEqualTo(AdmissionResult.ALLOWED);
    assertThat(
            plugin.admit(
                attrs(deployment, null, DEPLOYMENT, DEPLOYMENTS, "scale", Operation.UPDATE)))
        .isEqualTo(AdmissionResult.ALLOWED);
  }

  @Test
  void admit_controllerInMissingNamespace_allowedWithErrorAnnotation() {
    Unstructured deployment =
        TestObjects.object(
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: nowhere}\n");

    AdmissionResult r =
        plugin.admit(attrs(deployment, null, DEPLOYMENT, DEPLOYMENTS, "", Operation.CREATE));

    assertThat(r.allowed()).isTrue();
    assertThat(r.auditAnnotations())
        .isEqualTo(
            Map.of(
                "pod-security.kubernetes.io/error",
                "failed to lookup namespace \"nowhere\": namespaces \"nowhere\" not found"));
  }

  @Test
  void admit_otherOperationsAndResources_allowed() {
    Unstructured p = pod(PRIVILEGED, "restricted-ns");

    assertThat(plugin.admit(attrs(null, p, POD, PODS, "", Operation.DELETE)))
        .isEqualTo(AdmissionResult.ALLOWED);
    assertThat(
            plugin.admit(
                attrs(
                    TestObjects.object(
                        "apiVersion: v1\n"
                            + "kind: Service\n"
                            + "metadata: {name: s, namespace: restricted-ns}\n"),
                    null,
                    new GroupVersionKind("", "v1", "Service"),
                    new GroupVersionResource("", "v1", "services"),
                    "",
                    Operation.CREATE)))
        .isEqualTo(AdmissionResult.ALLOWED);
  }

  @Test
  void admit_generatedName_usesObjectNameOrNone() {
    Unstructured unnamed = pod(RUNTIME_ONLY.replace("name: x-7c5b-abcde, ", ""), "restricted-ns");

    AdmissionResult r = plugin.admit(create(unnamed));

    assertThat(r.status().message()).isEqualTo("pods is forbidden: " + RESTRICTED_DENIAL);
  }

  @Test
  void admit_notAPod_badRequest() {
    Unstructured notPod =
        TestObjects.object("apiVersion: v1\nkind: Namespace\nmetadata: {name: n}\n");

    AdmissionResult r =
        plugin.admit(
            inNamespace(attrs(notPod, null, POD, PODS, "", Operation.CREATE), "restricted-ns"));

    assertThat(r.status())
        .isEqualTo(new Status("failed to decode pod", StatusReason.BAD_REQUEST, null, 400));
    assertThat(r.auditAnnotations())
        .isEqualTo(Map.of("pod-security.kubernetes.io/error", "failed to decode pod"));
  }

  private static Unstructured pod(String yaml, String namespace) {
    return TestObjects.pod(yaml.replace("NS", namespace));
  }

  private static AdmissionAttributes create(Unstructured pod) {
    return attrs(pod, null, POD, PODS, "", Operation.CREATE);
  }

  private static AdmissionAttributes update(Unstructured pod, Unstructured old) {
    return attrs(pod, old, POD, PODS, "", Operation.UPDATE);
  }

  private static AdmissionAttributes subresource(AdmissionAttributes a, String subresource) {
    return new AdmissionAttributes(
        a.object(),
        a.oldObject(),
        a.kind(),
        a.resource(),
        subresource,
        a.namespace(),
        a.name(),
        a.operation(),
        null,
        false,
        a.userInfo());
  }

  private static AdmissionAttributes withUser(AdmissionAttributes a, String user) {
    return new AdmissionAttributes(
        a.object(),
        a.oldObject(),
        a.kind(),
        a.resource(),
        a.subresource(),
        a.namespace(),
        a.name(),
        a.operation(),
        null,
        false,
        UserInfo.of(user));
  }

  private static AdmissionAttributes attrs(
      @Nullable Unstructured object,
      @Nullable Unstructured old,
      GroupVersionKind kind,
      GroupVersionResource resource,
      String subresource,
      Operation op) {
    Unstructured o = object != null ? object : old;
    return new AdmissionAttributes(
        object,
        old,
        kind,
        resource,
        subresource,
        o.namespace(),
        o.name(),
        op,
        null,
        false,
        UserInfo.of("alice"));
  }

  private static AdmissionAttributes inNamespace(AdmissionAttributes a, String namespace) {
    return new AdmissionAttributes(
        a.object(),
        a.oldObject(),
        a.kind(),
        a.resource(),
        a.subresource(),
        namespace,
        a.name(),
        a.operation(),
        null,
        false,
        a.userInfo());
  }
}
