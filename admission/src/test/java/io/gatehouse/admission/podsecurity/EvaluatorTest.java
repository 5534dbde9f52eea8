package io.gatehouse.admission.podsecurity;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.Unstructured;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Which checks run at each level and version, their order, and the aggregated texts. */
class EvaluatorTest {

  private static final Evaluator EVALUATOR = Evaluator.create();

  /** A pod failing many checks, in init, regular and ephemeral containers. */
  private static final String MESSY_POD =
      """
      metadata: {name: x}
      spec:
        hostNetwork: true
        initContainers:
        - {name: init, image: busybox, securityContext: {privileged: true}}
        containers:
        - name: app
          image: nginx
          ports: [{containerPort: 80}]
          securityContext: {capabilities: {add: [NET_ADMIN]}}
        - name: sidecar
          image: envoy
          securityContext:
            allowPrivilegeEscalation: false
            capabilities: {drop: [ALL]}
            runAsNonRoot: true
            seccompProfile: {type: RuntimeDefault}
        ephemeralContainers:
        - {name: debugger, image: busybox, securityContext: {runAsUser: 0}}
        volumes: [{name: host, hostPath: {path: /}}]
      """;

  private record Case(String name, String levelVersion, List<String> checks) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> checkOrder() {
    List<String> baseline10 =
        List.of(
            "appArmorProfile",
            "capabilities_baseline",
            "hostNamespaces",
            "hostPathVolumes",
            "hostPorts",
            "privileged",
            "procMount",
            "seLinuxOptions",
            "seccompProfile_baseline",
            "sysctls",
            "windowsHostProcess");
    return Stream.of(
        new Case("privileged runs nothing", "privileged:latest", List.of()),
        new Case("baseline v1.0", "baseline:v1.0", baseline10),
        new Case("baseline v1.33", "baseline:v1.33", baseline10),
        new Case(
            "baseline v1.34 adds hostProbesAndHostLifecycle",
            "baseline:v1.34",
            List.of(
                "appArmorProfile",
                "capabilities_baseline",
                "hostNamespaces",
                "hostPathVolumes",
                "hostPorts",
                "hostProbesAndHostLifecycle",
                "privileged",
                "procMount",
                "seLinuxOptions",
                "seccompProfile_baseline",
                "sysctls",
                "windowsHostProcess")),
        new Case(
            "restricted v1.0: restrictedVolumes overrides hostPathVolumes",
            "restricted:v1.0",
            List.of(
                "appArmorProfile",
                "capabilities_baseline",
                "hostNamespaces",
                "hostPorts",
                "privileged",
                "procMount",
                "seLinuxOptions",
                "seccompProfile_baseline",
                "sysctls",
                "windowsHostProcess",
                "restrictedVolumes",
                "runAsNonRoot")),
        new Case(
            "restricted v1.8 adds allowPrivilegeEscalation",
            "restricted:v1.8",
            List.of(
                "appArmorProfile",
                "capabilities_baseline",
                "hostNamespaces",
                "hostPorts",
                "privileged",
                "procMount",
                "seLinuxOptions",
                "seccompProfile_baseline",
                "sysctls",
                "windowsHostProcess",
                "allowPrivilegeEscalation",
                "restrictedVolumes",
                "runAsNonRoot")),
        new Case(
            "restricted v1.19 seccompProfile_restricted overrides the baseline twin",
            "restricted:v1.19",
            List.of(
                "appArmorProfile",
                "capabilities_baseline",
                "hostNamespaces",
                "hostPorts",
                "privileged",
                "procMount",
                "seLinuxOptions",
                "sysctls",
                "windowsHostProcess",
                "allowPrivilegeEscalation",
                "restrictedVolumes",
                "runAsNonRoot",
                "seccompProfile_restricted")),
        new Case(
            "restricted v1.23 capabilities_restricted and runAsUser",
            "restricted:v1.23",
            List.of(
                "appArmorProfile",
                "hostNamespaces",
                "hostPorts",
                "privileged",
                "procMount",
                "seLinuxOptions",
                "sysctls",
                "windowsHostProcess",
                "allowPrivilegeEscalation",
                "capabilities_restricted",
                "restrictedVolumes",
                "runAsNonRoot",
                "runAsUser",
                "seccompProfile_restricted")),
        new Case(
            "restricted latest: procMount_restricted overrides procMount",
            "restricted:latest",
            List.of(
                "appArmorProfile",
                "hostNamespaces",
                "hostPorts",
                "hostProbesAndHostLifecycle",
                "privileged",
                "seLinuxOptions",
                "sysctls",
                "windowsHostProcess",
                "allowPrivilegeEscalation",
                "capabilities_restricted",
                "procMount_restricted",
                "restrictedVolumes",
                "runAsNonRoot",
                "runAsUser",
                "seccompProfile_restricted")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("checkOrder")
  void checkIds_levelVersion_upstreamOrder(Case c) {
    assertThat(EVALUATOR.checkIds(LevelVersion.parse(c.levelVersion()))).isEqualTo(c.checks());
  }

  @Test
  void maxVersion_defaultChecks_isNewestRevision() {
    assertThat(EVALUATOR.maxVersion()).isEqualTo(Version.of(37));
    assertThat(EVALUATOR.checkIds(LevelVersion.parse("restricted:v1.99")))
        .isEqualTo(EVALUATOR.checkIds(LevelVersion.parse("restricted:latest")));
  }

  @Test
  void evaluate_emulatedOlderServer_latestIsItsVersion() {
    Evaluator emulated = Evaluator.builder().emulationVersion(Version.of(33)).build();

    assertThat(emulated.maxVersion()).isEqualTo(Version.of(33));
    assertThat(emulated.checkIds(LevelVersion.parse("baseline:latest")))
        .doesNotContain("hostProbesAndHostLifecycle");
  }

  @Test
  void evaluate_manyViolationsAtRestricted_upstreamDenialMessage() {
    PolicyEvaluation r = evaluate("restricted:latest", MESSY_POD);

    assertThat(r.denialMessage())
        .isEqualTo(
            "violates PodSecurity \"restricted:latest\": host namespaces (hostNetwork=true),"
                + " hostPort (container \"app\" uses hostPort 80), privileged (container \"init\""
                + " must not set securityContext.privileged=true), allowPrivilegeEscalation !="
                + " false (containers \"init\", \"app\", \"debugger\" must set"
                + " securityContext.allowPrivilegeEscalation=false), unrestricted capabilities"
                + " (containers \"init\", \"app\", \"debugger\" must set"
                + " securityContext.capabilities.drop=[\"ALL\"]; container \"app\" must not"
                + " include \"NET_ADMIN\" in securityContext.capabilities.add), restricted volume"
                + " types (volume \"host\" uses restricted volume type \"hostPath\"), runAsNonRoot"
                + " != true (pod or containers \"init\", \"app\", \"debugger\" must set"
                + " securityContext.runAsNonRoot=true), runAsUser=0 (container \"debugger\" must"
                + " not set runAsUser=0), seccompProfile (pod or containers \"init\", \"app\","
                + " \"debugger\" must set securityContext.seccompProfile.type to \"RuntimeDefault\""
                + " or \"Localhost\")");
  }

  @Test
  void evaluate_manyViolationsAtBaseline_reasonsAndWarningInCheckOrder() {
    PolicyEvaluation r = evaluate("baseline:v1.30", MESSY_POD);

    assertThat(r.forbiddenReason())
        .isEqualTo(
            "non-default capabilities, host namespaces, hostPath volumes, hostPort, privileged");
    assertThat(r.warningMessage())
        .isEqualTo(
            "would violate PodSecurity \"baseline:v1.30\": non-default capabilities (container"
                + " \"app\" must not include \"NET_ADMIN\" in securityContext.capabilities.add),"
                + " host namespaces (hostNetwork=true), hostPath volumes (volume \"host\"),"
                + " hostPort (container \"app\" uses hostPort 80), privileged (container \"init\""
                + " must not set securityContext.privileged=true)");
    assertThat(r.violations())
        .extracting(Violation::check)
        .containsExactly(
            "capabilities_baseline",
            "hostNamespaces",
            "hostPathVolumes",
            "hostPorts",
            "privileged");
  }

  @Test
  void evaluate_restrictedV1_18_seccompAnnotationsNotFields() {
    String pod =
        """
        metadata:
          annotations: {seccomp.security.alpha.kubernetes.io/pod: unconfined}
        spec:
          securityContext: {runAsNonRoot: true, seccompProfile: {type: Unconfined}}
          containers: [{name: a, securityContext: {allowPrivilegeEscalation: false}}]
        """;

    assertThat(evaluate("restricted:v1.18", pod).forbiddenDetail())
        .isEqualTo(
            "seccompProfile (forbidden annotation"
                + " seccomp.security.alpha.kubernetes.io/pod=\"unconfined\")");
    assertThat(evaluate("restricted:v1.19", pod).forbiddenDetail())
        .isEqualTo(
            "seccompProfile (pod must not set securityContext.seccompProfile.type to"
                + " \"Unconfined\")");
  }

  @Test
  void evaluate_windowsPod_linuxOnlyChecksSkippedFromV1_25() {
    String pod =
        """
        spec:
          os: {name: windows}
          securityContext: {runAsNonRoot: true}
          containers: [{name: a}]
        """;

    assertThat(evaluate("restricted:v1.25", pod).allowed()).isTrue();
    assertThat(evaluate("restricted:v1.24", pod).violations())
        .extracting(Violation::check)
        .containsExactly(
            "allowPrivilegeEscalation", "capabilities_restricted", "seccompProfile_restricted");
  }

  @Test
  void evaluate_userNamespacePod_relaxedFromV1_35Only() {
    String pod =
        """
        spec:
          hostUsers: false
          securityContext: {runAsUser: 0, seccompProfile: {type: RuntimeDefault}}
          containers:
          - name: a
            securityContext:
              allowPrivilegeEscalation: false
              capabilities: {drop: [ALL]}
              procMount: Unmasked
        """;

    assertThat(evaluate("restricted:v1.35", pod).violations())
        .extracting(Violation::check)
        .containsExactly("procMount_restricted");
    assertThat(evaluate("baseline:v1.35", pod).allowed()).isTrue();
    assertThat(evaluate("restricted:v1.34", pod).violations())
        .extracting(Violation::check)
        .containsExactly("procMount", "runAsNonRoot", "runAsUser");
  }

  @Test
  void evaluate_userNamespacesGateOn_relaxesOlderVersionsToo() {
    Evaluator gated = Evaluator.builder().userNamespacesPodSecurityStandards(true).build();
    PodView pod =
        TestObjects.view(
            """
            spec:
              hostUsers: false
              securityContext: {runAsUser: 0, seccompProfile: {type: RuntimeDefault}}
              containers:
              - name: a
                securityContext:
                  allowPrivilegeEscalation: false
                  capabilities: {drop: [ALL]}
                  procMount: Unmasked
            """);

    assertThat(gated.evaluate(LevelVersion.parse("restricted:v1.30"), pod).allowed()).isTrue();
  }

  @Test
  void evaluateObject_deployment_fieldPathsInTheTemplate() {
    Unstructured deployment =
        TestObjects.object(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              template:
                spec:
                  containers: [{name: app, image: nginx, securityContext: {privileged: true}}]
            """);

    ObjectEvaluation e =
        EVALUATOR.evaluateObject(deployment, LevelVersion.parse("baseline")).orElseThrow();

    assertThat(e.pod()).isFalse();
    assertThat(e.evaluation().violations())
        .containsExactly(
            new Violation(
                "privileged",
                "privileged",
                "container \"app\" must not set securityContext.privileged=true",
                List.of("app"),
                List.of("spec.template.spec.containers[0].securityContext.privileged")));
  }

  @Test
  void evaluateObject_cronJobAndService_templateOrNothing() {
    Unstructured cronJob =
        TestObjects.object(
            """
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: c}
            spec:
              jobTemplate:
                spec:
                  template:
                    spec:
                      hostPID: true
            """);
    Unstructured service =
        TestObjects.object("apiVersion: v1\nkind: Service\nmetadata: {name: s}\n");

    assertThat(EVALUATOR.evaluateObject(cronJob, LevelVersion.parse("baseline")))
        .hasValueSatisfying(
            e ->
                assertThat(e.evaluation().violations().get(0).fields())
                    .containsExactly("spec.jobTemplate.spec.template.spec.hostPID"));
    assertThat(EVALUATOR.evaluateObject(service, LevelVersion.parse("baseline"))).isEmpty();
  }

  private static PolicyEvaluation evaluate(String levelVersion, String pod) {
    return EVALUATOR.evaluate(LevelVersion.parse(levelVersion), TestObjects.view(pod));
  }
}
