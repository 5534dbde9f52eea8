package io.gatehouse.admission.podsecurity;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.admission.AdmissionAttributes;
import io.gatehouse.admission.AdmissionResult;
import io.gatehouse.admission.Operation;
import io.gatehouse.admission.Warning;
import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.GroupVersionResource;
import io.gatehouse.api.Status;
import io.gatehouse.api.StatusReason;
import io.gatehouse.api.Unstructured;
import io.gatehouse.api.authz.UserInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Namespace create and update: label validation and the dry run against existing pods. The cases
 * are upstream's {@code TestValidateNamespace} as data, with real pods whose violations stand in
 * for upstream's fake evaluator messages.
 */
class NamespaceAdmissionTest {

  private static final String ENFORCE = "pod-security.kubernetes.io/enforce";
  private static final String ENFORCE_VERSION = "pod-security.kubernetes.io/enforce-version";

  /** A pod that passes restricted:latest, tweaked per pod by {@code extra} spec lines. */
  private static Unstructured pod(String name, String metadata, String extra) {
    return TestObjects.pod(
        """
        metadata: {name: %s, namespace: test%s}
        spec:
          securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
          containers:
          - name: c
            securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
        %s
        """
            .formatted(name, metadata, extra.indent(2)));
  }

  private static final String HOST_PID = "hostPID: true";

  private static List<Unstructured> defaultPods() {
    return List.of(
        pod("noruntimeclasspod", "", HOST_PID),
        pod("runtimeclass1pod", "", HOST_PID + "\nruntimeClassName: runtimeclass1"),
        pod("runtimeclass2pod", "", HOST_PID + "\nruntimeClassName: runtimeclass2"),
        pod("runtimeclass3pod", "", HOST_PID + "\nvolumes: [{name: h, hostPath: {path: /}}]"));
  }

  private record Case(
      String name,
      List<String> exemptNamespaces,
      List<String> exemptRuntimeClasses,
      String defaultEnforce,
      String newLabels,
      @Nullable String oldLabels,
      List<Unstructured> pods,
      long nanosPerTick,
      @Nullable String expectError,
      List<String> expectWarnings) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case simple(
      String name, String newLabels, @Nullable String oldLabels, @Nullable String error) {
    return new Case(
        name,
        List.of(),
        List.of(),
        "privileged",
        newLabels,
        oldLabels,
        defaultPods(),
        0,
        error,
        List.of());
  }

  static Stream<Case> cases() {
    String levelError =
        "Namespace \"test\" is invalid: metadata.labels[pod-security.kubernetes.io/enforce]:"
            + " Invalid value: \"unknown\": must be one of privileged, baseline, restricted";
    String versionError =
        "Namespace \"test\" is invalid:"
            + " metadata.labels[pod-security.kubernetes.io/enforce-version]: Invalid value:"
            + " \"unknown\": must be \"latest\" or \"v1.x\"";
    List<Unstructured> bound = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      bound.add(pod("pod" + i, "", HOST_PID));
    }
    List<Unstructured> prioritized = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      prioritized.add(pod("exemptpod" + i, "", HOST_PID + "\nruntimeClassName: runtimeclass1"));
    }
    for (int i = 1; i <= 4; i++) {
      prioritized.add(
          pod("replicaset1pod" + i, ", ownerReferences: [{uid: '1', controller: true}]", HOST_PID));
    }
    for (int i = 1; i <= 4; i++) {
      prioritized.add(
          pod(
              "replicaset2pod" + i,
              ", ownerReferences: [{uid: '2', controller: true}]",
              "volumes: [{name: g, gitRepo: {repository: r}}]"));
    }
    prioritized.add(
        pod(
            "uniquepod1",
            "",
            "initContainers: [{name: i, securityContext: {privileged: true,"
                + " allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}}]"));
    prioritized.add(
        pod("uniquepod2", "", "hostIPC: true\nvolumes: [{name: h, nfs: {server: s, path: /}}]"));
    prioritized.add(pod("uniquepod3", "", "hostNetwork: true"));
    prioritized.add(pod("uniquepod4", "", "hostIPC: true"));
    return Stream.of(
        simple(
            "create privileged",
            ENFORCE + ": privileged, " + ENFORCE_VERSION + ": v1.0",
            null,
            null),
        simple("create baseline", ENFORCE + ": baseline", null, null),
        simple("create malformed level", ENFORCE + ": unknown", null, levelError),
        simple(
            "create malformed version",
            ENFORCE + ": privileged, " + ENFORCE_VERSION + ": unknown",
            null,
            versionError),
        simple(
            "create malformed level and version",
            ENFORCE + ": unknown, " + ENFORCE_VERSION + ": unknown",
            null,
            "Namespace \"test\" is invalid: [metadata.labels[pod-security.kubernetes.io/enforce]:"
                + " Invalid value: \"unknown\": must be one of privileged, baseline, restricted,"
                + " metadata.labels[pod-security.kubernetes.io/enforce-version]: Invalid value:"
                + " \"unknown\": must be \"latest\" or \"v1.x\"]"),
        simple(
            "update no-op",
            ENFORCE + ": restricted, " + ENFORCE_VERSION + ": v1.0",
            ENFORCE + ": restricted, " + ENFORCE_VERSION + ": v1.0",
            null),
        simple("update no-op malformed level", ENFORCE + ": unknown", ENFORCE + ": unknown", null),
        simple(
            "update no-op malformed version",
            ENFORCE + ": baseline, " + ENFORCE_VERSION + ": unknown",
            ENFORCE + ": baseline, " + ENFORCE_VERSION + ": unknown",
            null),
        simple(
            "update relax level identical version",
            ENFORCE + ": baseline, " + ENFORCE_VERSION + ": v1.0",
            ENFORCE + ": restricted, " + ENFORCE_VERSION + ": v1.0",
            null),
        simple(
            "update relax level implicit latest",
            ENFORCE + ": baseline",
            ENFORCE + ": restricted",
            null),
        simple(
            "update to explicit privileged",
            ENFORCE + ": privileged",
            ENFORCE + ": restricted, " + ENFORCE_VERSION + ": v1.0",
            null),
        simple(
            "update to implicit privileged",
            "",
            ENFORCE + ": restricted, " + ENFORCE_VERSION + ": v1.0",
            null),
        simple(
            "update malformed level",
            ENFORCE + ": unknown",
            ENFORCE + ": restricted, " + ENFORCE_VERSION + ": v1.0",
            levelError),
        simple(
            "update malformed version",
            ENFORCE + ": privileged, " + ENFORCE_VERSION + ": unknown",
            ENFORCE + ": restricted, " + ENFORCE_VERSION + ": v1.0",
            versionError),
        new Case(
            "update exempt to restricted",
            List.of("test"),
            List.of(),
            "privileged",
            ENFORCE + ": restricted, " + ENFORCE_VERSION + ": v1.0",
            "",
            defaultPods(),
            0,
            null,
            List.of(
                "namespace \"test\" is exempt from Pod Security, and the policy"
                    + " (enforce=restricted:v1.0) will be ignored")),
        new Case(
            "update to implicit restricted",
            List.of(),
            List.of(),
            "restricted",
            "",
            ENFORCE + ": baseline, " + ENFORCE_VERSION + ": v1.0",
            defaultPods(),
            0,
            null,
            List.of(
                "existing pods in namespace \"test\" violate the new PodSecurity enforce level"
                    + " \"restricted:latest\"",
                "noruntimeclasspod (and 2 other pods): host namespaces",
                "runtimeclass3pod: host namespaces, restricted volume types")),
        new Case(
            "update with runtimeclass exempt pods",
            List.of(),
            List.of("runtimeclass1"),
            "privileged",
            ENFORCE + ": restricted",
            ENFORCE + ": baseline",
            defaultPods(),
            0,
            null,
            List.of(
                "existing pods in namespace \"test\" violate the new PodSecurity enforce level"
                    + " \"restricted:latest\"",
                "noruntimeclasspod (and 1 other pod): host namespaces",
                "runtimeclass3pod: host namespaces, restricted volume types")),
        new Case(
            "timeout on evaluate",
            List.of(),
            List.of(),
            "privileged",
            ENFORCE + ": restricted",
            ENFORCE + ": baseline",
            defaultPods(),
            550_000_000L,
            null,
            List.of(
                "new PodSecurity enforce level only checked against the first 2 of 4 existing pods",
                "existing pods in namespace \"test\" violate the new PodSecurity enforce level"
                    + " \"restricted:latest\"",
                "noruntimeclasspod (and 1 other pod): host namespaces")),
        new Case(
            "bound number of pods",
            List.of(),
            List.of(),
            "privileged",
            ENFORCE + ": restricted",
            ENFORCE + ": baseline",
            bound,
            0,
            null,
            List.of(
                "new PodSecurity enforce level only checked against the first 4 of 5 existing pods",
                "existing pods in namespace \"test\" violate the new PodSecurity enforce level"
                    + " \"restricted:latest\"",
                "pod1 (and 3 other pods): host namespaces")),
        new Case(
            "prioritized pods",
            List.of(),
            List.of("runtimeclass1"),
            "privileged",
            ENFORCE + ": restricted",
            ENFORCE + ": baseline",
            prioritized,
            0,
            null,
            List.of(
                "new PodSecurity enforce level only checked against the first 4 of 12 existing"
                    + " pods",
                "existing pods in namespace \"test\" violate the new PodSecurity enforce level"
                    + " \"restricted:latest\"",
                "replicaset1pod1: host namespaces",
                "replicaset2pod1: restricted volume types",
                "uniquepod1: privileged",
                "uniquepod2: host namespaces, restricted volume types")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void admit_namespace_upstreamOutcome(Case c) {
    FakeClusterState cluster = new FakeClusterState();
    c.pods().forEach(cluster::add);
    AtomicLong now = new AtomicLong();
    PodSecurityAdmission plugin =
        PodSecurityAdmission.create(
            new PodSecurityConfiguration(
                new PodSecurityConfiguration.Defaults(c.defaultEnforce(), "", "", "", "", ""),
                new PodSecurityConfiguration.Exemptions(
                    List.of(), c.exemptNamespaces(), c.exemptRuntimeClasses())),
            Evaluator.create(),
            cluster,
            4,
            1_000_000_000L,
            () -> now.getAndAdd(c.nanosPerTick()));

    AdmissionResult r =
        plugin.admit(
            attrs(
                namespace(c.newLabels()),
                c.oldLabels() == null ? null : namespace(c.oldLabels()),
                c.oldLabels() == null ? Operation.CREATE : Operation.UPDATE));

    assertThat(r.status() == null ? null : r.status().message()).isEqualTo(c.expectError());
    assertThat(r.warnings()).extracting(Warning::message).isEqualTo(c.expectWarnings());
  }

  @Test
  void admit_invalidLabels_statusWithCauses() {
    PodSecurityAdmission plugin =
        PodSecurityAdmission.create(
            PodSecurityConfiguration.DEFAULT, Evaluator.create(), new FakeClusterState());

    AdmissionResult r =
        plugin.admit(attrs(namespace(ENFORCE + ": strict"), null, Operation.CREATE));

    assertThat(r.status())
        .isEqualTo(
            new Status(
                "Namespace \"test\" is invalid:"
                    + " metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value:"
                    + " \"strict\": must be one of privileged, baseline, restricted",
                StatusReason.INVALID,
                new Status.Details(
                    "test",
                    "",
                    "Namespace",
                    List.of(
                        new Status.Cause(
                            "FieldValueInvalid",
                            "Invalid value: \"strict\": must be one of privileged, baseline,"
                                + " restricted",
                            "metadata.labels[pod-security.kubernetes.io/enforce]"))),
                422));
  }

  @Test
  void admit_exemptNamespaceCreate_warnsOnlyForExplicitNonPrivilegedModes() {
    PodSecurityAdmission plugin =
        PodSecurityAdmission.create(
            new PodSecurityConfiguration(
                PodSecurityConfiguration.DEFAULT.defaults(),
                new PodSecurityConfiguration.Exemptions(List.of(), List.of("test"), List.of())),
            Evaluator.create(),
            new FakeClusterState());

    AdmissionResult warned =
        plugin.admit(
            attrs(
                namespace(
                    ENFORCE
                        + ": baseline, pod-security.kubernetes.io/audit: privileged,"
                        + " pod-security.kubernetes.io/warn-version: v1.30,"
                        + " pod-security.kubernetes.io/warn: restricted"),
                null,
                Operation.CREATE));
    AdmissionResult quiet =
        plugin.admit(attrs(namespace(ENFORCE + ": privileged"), null, Operation.CREATE));

    assertThat(warned.warnings())
        .extracting(Warning::message)
        .containsExactly(
            "namespace \"test\" is exempt from Pod Security, and the policy"
                + " (enforce=baseline:latest, warn=restricted:v1.30) will be ignored");
    assertThat(quiet).isEqualTo(AdmissionResult.ALLOWED);
  }

  private static Unstructured namespace(String labels) {
    return TestObjects.object(
        "apiVersion: v1\nkind: Namespace\nmetadata: {name: test, labels: {" + labels + "}}\n");
  }

  private static AdmissionAttributes attrs(
      Unstructured ns, @Nullable Unstructured old, Operation op) {
    return new AdmissionAttributes(
        ns,
        old,
        new GroupVersionKind("", "v1", "Namespace"),
        new GroupVersionResource("", "v1", "namespaces"),
        "",
        "test",
        "test",
        op,
        null,
        false,
        UserInfo.of("admin"));
  }
}
