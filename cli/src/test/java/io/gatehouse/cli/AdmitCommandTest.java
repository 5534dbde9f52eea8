package io.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class AdmitCommandTest {

  private static final String EXAMPLES = "../examples";
  private static final String DATA = "src/test/resources/io/gatehouse/cli/admit/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Run(int code, String out, String err) {
    JsonNode json() throws Exception {
      return JSON.readTree(out);
    }
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Gatehouse.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  private static Run examples(String... extra) {
    List<String> args = new ArrayList<>(List.of("admit", "--policy", EXAMPLES + "/policies",
        "--cluster", EXAMPLES + "/cluster", "--resource", EXAMPLES + "/resources"));
    args.addAll(List.of(extra));
    return run(args.toArray(String[]::new));
  }

  @Test
  void admit_examples_reportsEveryResourceInInputOrderAndExitsOne() throws Exception {
    Run r = examples("-o", "json");
    assertThat(r.code()).isEqualTo(1);
    JsonNode results = r.json().get("results");
    List<String> verdicts = new ArrayList<>();
    results.forEach(n -> verdicts.add(n.at("/resource/kind").asText() + " "
        + n.at("/resource/namespace").asText() + "/" + n.at("/resource/name").asText() + " "
        + n.get("allowed").asBoolean()));
    assertThat(verdicts).containsExactly(
        "Deployment payments/api true",
        "StatefulSet payments/ledger false",
        "Deployment search/indexer false",
        "Deployment test/web true",
        "Deployment test/load-generator false");
    assertThat(r.json().get("errors")).isEmpty();
    assertThat(r.json().get("policyProblems")).isEmpty();
  }

  @Test
  void admit_replicaLimitFromReleaseNotes_deniesWithUpstreamStatus() throws Exception {
    Run r = run("admit", "--policy", EXAMPLES + "/policies/replica-limit.yaml", "--cluster",
        EXAMPLES + "/cluster", "--resource", EXAMPLES + "/resources/test-too-many.yaml",
        "-o", "json");
    JsonNode result = r.json().at("/results/0");
    assertThat(r.code()).isEqualTo(1);
    assertThat(result.at("/denials/0/message").asText()).isEqualTo(
        "ValidatingAdmissionPolicy 'demo-policy.example.com' with binding"
            + " 'demo-binding-test.example.com' denied request: failed expression:"
            + " object.spec.replicas <= 10");
    assertThat(result.at("/denials/0/expression").asText()).isEqualTo("object.spec.replicas <= 10");
    assertThat(result.at("/status/code").asInt()).isEqualTo(422);
    assertThat(result.at("/status/reason").asText()).isEqualTo("Invalid");
    assertThat(result.at("/status/message").asText()).startsWith(
        "deployments.apps \"load-generator\" is forbidden: ValidatingAdmissionPolicy"
            + " 'demo-policy.example.com'");
  }

  @Test
  void admit_paramsFromCustomResource_usesTheNamespacesParamsAndMessageExpression()
      throws Exception {
    Run r = run("admit", "--policy", EXAMPLES + "/policies/replica-limit-params.yaml",
        "--cluster", EXAMPLES + "/cluster", "--resource",
        EXAMPLES + "/resources/payments-api.yaml", "-o", "json");
    JsonNode results = r.json().get("results");
    assertThat(results.get(0).get("allowed").asBoolean()).isTrue();
    assertThat(results.at("/1/denials/0/message").asText()).endsWith(
        "denied request: replicas 8 exceed the limit of 5 set by ReplicaLimit default");
    assertThat(results.at("/1/denials/0/reason").asText()).isEqualTo("Forbidden");
    assertThat(results.at("/1/status/code").asInt()).isEqualTo(403);
  }

  @Test
  void admit_warnBinding_admitsWithWarningAndAuditAnnotation() throws Exception {
    Run r = run("admit", "--policy", EXAMPLES + "/policies/require-owner-label.yaml",
        "--resource", EXAMPLES + "/resources/test-too-many.yaml", "-o", "json");
    assertThat(r.code()).isZero();
    JsonNode result = r.json().at("/results/0");
    assertThat(result.get("allowed").asBoolean()).isTrue();
    assertThat(result.at("/warnings/0/message").asText()).isEqualTo(
        "Validation failed for ValidatingAdmissionPolicy 'require-owner-label.example.com' with"
            + " binding 'require-owner-label-warn': workloads must have an owner label");
    assertThat(result.at("/auditAnnotations/require-owner-label.example.com~1owner").asText())
        .isEqualTo("unknown");
    assertThat(run("admit", "--policy", EXAMPLES + "/policies/require-owner-label.yaml",
        "--resource", EXAMPLES + "/resources/test-too-many.yaml", "--fail-on-warnings").code())
        .isEqualTo(1);
  }

  @Test
  void admit_policyOnDefaultedFields_seesApiServerDefaults() throws Exception {
    Run r = run("admit", "--policy", DATA + "pull-policy-policy.yaml", "--resource",
        DATA + "pull-policy-deployments.yaml", "-o", "json");

    JsonNode results = r.json().get("results");
    assertThat(r.code()).isEqualTo(1);
    assertThat(results.get(0).get("allowed").asBoolean()).isTrue();
    assertThat(results.get(1).get("allowed").asBoolean()).isFalse();
    assertThat(results.at("/1/denials/0/message").asText()).endsWith(
        "denied request: containers must not pull on every start");
    assertThat(results.at("/1/denials")).hasSize(1);
  }

  @Test
  void admit_authorizerCheck_followsRbacFromCluster() throws Exception {
    String[] base = {"admit", "--policy", DATA + "rbac-policy.yaml", "--cluster",
        DATA + "rbac-cluster.yaml", "--resource", DATA + "critical-deployment.yaml", "-o", "json"};
    Run alice = run(concat(base, "--user", "alice"));
    Run bob = run(concat(base, "--user", "bob", "--group", "dev"));
    Run admin = run(base);
    assertThat(alice.code()).isZero();
    assertThat(admin.code()).isZero();
    assertThat(bob.code()).isEqualTo(1);
    assertThat(bob.json().at("/results/0/denials/0/message").asText())
        .endsWith("denied request: user bob may not create critical deployments");
  }

  @Test
  void admit_restrictedNamespaceLabels_denyPodAndWarnForTemplate() throws Exception {
    Run r = run("admit", "--policy", DATA + "rbac-policy.yaml", "--cluster",
        DATA + "restricted-namespace.yaml", "--resource", DATA + "privileged-pod.yaml", "-o",
        "json");
    assertThat(r.code()).isEqualTo(1);
    JsonNode pod = r.json().at("/results/0");
    assertThat(pod.get("allowed").asBoolean()).isFalse();
    List<String> checks = new ArrayList<>();
    pod.get("denials").forEach(d -> checks.add(d.get("check").asText()));
    assertThat(checks).containsExactly("privileged", "allowPrivilegeEscalation",
        "capabilities_restricted", "runAsNonRoot", "seccompProfile_restricted");
    assertThat(pod.at("/denials/0/fields/0").asText())
        .isEqualTo("spec.containers[0].securityContext.privileged");
    assertThat(pod.at("/status/message").asText()).startsWith(
        "pods \"debugger\" is forbidden: violates PodSecurity \"restricted:v1.30\": privileged"
            + " (container \"shell\" must not set securityContext.privileged=true),"
            + " allowPrivilegeEscalation != false (containers \"init\", \"shell\" must set"
            + " securityContext.allowPrivilegeEscalation=false)");
    JsonNode deployment = r.json().at("/results/1");
    assertThat(deployment.get("allowed").asBoolean()).isTrue();
    assertThat(deployment.at("/warnings/0/message").asText())
        .startsWith("would violate PodSecurity \"restricted:latest\": host namespaces (hostNetwork=true)");
    assertThat(deployment.at("/warnings/0/check").asText()).startsWith("hostNamespaces,");
    assertThat(deployment.at("/warnings/0/fields/0").asText())
        .isEqualTo("spec.template.spec.hostNetwork");
  }

  @Test
  void admit_podSecurityFlag_overridesNamespaceLabels() throws Exception {
    Run r = run("admit", "--policy", DATA + "rbac-policy.yaml", "--cluster",
        DATA + "restricted-namespace.yaml", "--resource", DATA + "privileged-pod.yaml",
        "--pod-security", "baseline:v1.29", "-o", "json");
    assertThat(r.json().at("/results/0/denials/0/message").asText()).isEqualTo(
        "violates PodSecurity \"baseline:v1.29\": privileged (container \"shell\" must not set"
            + " securityContext.privileged=true)");
    assertThat(r.json().at("/results/0/denials")).hasSize(1);
  }

  @Test
  void admit_kubernetesVersion_podSecurityEmulatesThatServer() throws Exception {
    String[] base = {"admit", "--policy", DATA + "rbac-policy.yaml", "--resource",
        DATA + "probe-host-pod.yaml", "--pod-security", "baseline", "-o", "json"};
    Run newest = run(base);
    assertThat(newest.code()).isEqualTo(1);
    assertThat(newest.json().at("/results/0/denials/0/check").asText())
        .isEqualTo("hostProbesAndHostLifecycle");
    Run v130 = run(concat(base, "--kubernetes-version", "1.30"));
    assertThat(v130.code()).as(v130.out()).isZero();
  }

  @Test
  void admit_badPodSecurityValues_exitTwoNamingTheAcceptedValues() {
    Run level = run("admit", "--policy", DATA + "rbac-policy.yaml", "--resource",
        DATA + "privileged-pod.yaml", "--pod-security", "strict");
    assertThat(level.code()).isEqualTo(2);
    assertThat(level.err()).contains("must be one of privileged, baseline, restricted");
    Run version = run("admit", "--policy", DATA + "rbac-policy.yaml", "--resource",
        DATA + "privileged-pod.yaml", "--pod-security", "restricted:v9.99");
    assertThat(version.code()).isEqualTo(2);
    assertThat(version.err()).contains("\"v9.99\"").contains("latest");
  }

  @Test
  void admit_badInputs_reportsFileLineReasonsAndStillAdmitsTheRest() throws Exception {
    Run r = run("admit", "--policy", DATA + "rbac-policy.yaml", "--resource",
        DATA + "bad-inputs.yaml", "-o", "json");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.json().get("results")).hasSize(1);
    assertThat(r.err().lines()).containsExactly(
        DATA + "bad-inputs.yaml:8: no matches for kind \"Widget\" in version \"example.com/v1\"",
        DATA + "bad-inputs.yaml:19: key \"a\" already set in map");
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void admit_updateWithOldResource_exposesOldObject(@TempDir Path dir) throws Exception {
    Path policy = dir.resolve("policy.yaml");
    Files.writeString(policy, """
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicy
        metadata: {name: no-scale-down}
        spec:
          matchConstraints:
            resourceRules:
            - {apiGroups: [apps], apiVersions: [v1], operations: [UPDATE], resources: [deployments]}
          validations:
          - expression: object.spec.replicas >= oldObject.spec.replicas
            message: scaling down is not allowed
        ---
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicyBinding
        metadata: {name: no-scale-down}
        spec: {policyName: no-scale-down, validationActions: [Deny]}
        """);
    Path oldDeploy = dir.resolve("old.yaml");
    Files.writeString(oldDeploy, deployment(5));
    Path newDeploy = dir.resolve("new.yaml");
    Files.writeString(newDeploy, deployment(3));
    Run denied = run("admit", "--policy", policy.toString(), "--resource", newDeploy.toString(),
        "--old-resource", oldDeploy.toString(), "--operation", "UPDATE", "-o", "json");
    assertThat(denied.code()).isEqualTo(1);
    assertThat(denied.json().at("/results/0/denials/0/message").asText())
        .endsWith("denied request: scaling down is not allowed");
    Run missingOld = run("admit", "--policy", policy.toString(), "--resource",
        newDeploy.toString(), "--operation", "UPDATE");
    assertThat(missingOld.code()).isEqualTo(2);
    assertThat(missingOld.err()).contains(
        "UPDATE needs the stored object: give it with --old-resource or in --cluster");
  }

  @Test
  void admit_junit_isWellFormedWithOneCasePerBinding() throws Exception {
    Run r = examples("-o", "junit");
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new InputSource(new StringReader(r.out())));
    assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("3");
    assertThat(doc.getElementsByTagName("testsuite").getLength()).isEqualTo(5);
    assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(3);
  }

  @Test
  void admit_sarif_hasOneResultPerResourceAndBinding() throws Exception {
    Run r = examples("-o", "sarif");
    JsonNode run = r.json().at("/runs/0");
    assertThat(r.json().get("version").asText()).isEqualTo("2.1.0");
    List<String> failing = new ArrayList<>();
    run.get("results").forEach(res -> {
      if (res.get("kind").asText().equals("fail")) {
        failing.add(res.get("level").asText() + " " + res.at("/properties/resource").asText());
      }
    });
    assertThat(failing).containsExactly(
        "error StatefulSet payments/ledger",
        "error Deployment search/indexer",
        "error Deployment test/load-generator",
        "warning Deployment test/load-generator");
  }

  @Test
  void admit_unknownOutputAndOperation_exitTwo() {
    assertThat(examples("-o", "yaml").code()).isEqualTo(2);
    assertThat(examples("--operation", "PATCH").err())
        .contains("must be one of CREATE, UPDATE, DELETE, CONNECT");
  }

  private static String deployment(int replicas) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: default}
        spec:
          replicas: %d
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: web, image: nginx}]}
        """.formatted(replicas);
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
