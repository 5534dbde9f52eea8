package io.gatehouse.admission.validating;

import static io.gatehouse.admission.validating.Fixtures.binding;
import static io.gatehouse.admission.validating.Fixtures.create;
import static io.gatehouse.admission.validating.Fixtures.deployment;
import static io.gatehouse.admission.validating.Fixtures.plugin;
import static io.gatehouse.admission.validating.Fixtures.policy;
import static io.gatehouse.admission.validating.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.admission.AdmissionResult;
import io.gatehouse.admission.Manifests;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** auditAnnotations ({@code validator.go} and the dispatcher's collector). */
class AuditAnnotationsTest {

  @Test
  void validate_auditAnnotations_publishTrimmedValuesUnderPolicyName() {
    var plugin = plugin(policy("p", """
        auditAnnotations:
        - {key: replicas, valueExpression: "' ' + string(object.spec.replicas) + ' '"}
        - {key: blank, valueExpression: "'   '"}
        - {key: none, valueExpression: 'null'}"""), binding("b", "p", "Deny", ""));
    AdmissionResult r = run(plugin, create(deployment(5)));
    assertThat(r.allowed()).isTrue();
    assertThat(r.auditAnnotations()).containsExactly(Map.entry("p/replicas", "5"));
  }

  @Test
  void validate_auditAnnotationsOfSeveralParams_joinDistinctValues() {
    var cluster = Fixtures.cluster();
    for (String[] cm : new String[][] {{"a", "xa"}, {"b", "yb"}, {"c", "xa"}}) {
      cluster.add(Manifests.one("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: " + cm[0]
          + ", namespace: default}\ndata: {v: " + cm[1] + "}"));
    }
    var plugin = plugin(policy("p", """
        paramKind: {apiVersion: v1, kind: ConfigMap}
        auditAnnotations:
        - {key: v, valueExpression: string(params.data.v)}"""),
        binding("b", "p", "Deny", "paramRef: {selector: {}, parameterNotFoundAction: Deny}"));
    assertThat(run(plugin, create(deployment(5)), cluster).auditAnnotations())
        .containsExactly(Map.entry("p/v", "xa, yb"));
  }

  @Test
  void validate_longAuditAnnotation_isTruncatedTo10KiB() {
    var plugin = plugin(policy("p", "auditAnnotations:\n- {key: long, valueExpression: \"'"
        + "z".repeat(5000) + "' + '" + "z".repeat(5000) + "' + '" + "z".repeat(1000) + "'\"}"),
        binding("b", "p", "Deny", ""));
    assertThat(run(plugin, create(deployment(5))).auditAnnotations().get("p/long")).hasSize(10240);
  }

  @Test
  void validate_auditAnnotationErrorUnderFail_deniesEvenForAuditOnlyBinding() {
    var plugin = plugin(policy("p", "auditAnnotations:\n- {key: k, valueExpression: object.nope}"),
        binding("b", "p", "Audit", ""));
    AdmissionResult r = run(plugin, create(deployment(5)));
    assertThat(Fixtures.messages(r)).containsExactly("ValidatingAdmissionPolicy 'p' with binding 'b' denied "
        + "request: compilation error: must evaluate to one of [string null_type] but got dyn");
    assertThat(r.denials().get(0).check()).isEqualTo("auditAnnotations[0]");
  }

  @Test
  void validate_auditAnnotationRuntimeErrorUnderIgnore_isDropped() {
    var plugin = plugin(policy("p", "failurePolicy: Ignore\nauditAnnotations:\n"
        + "- {key: k, valueExpression: \"string(object.nope)\"}"), binding("b", "p", "Deny", ""));
    assertThat(run(plugin, create(deployment(5)))).isEqualTo(ignored("p", "b"));
  }

  @Test
  void validate_auditAnnotationRuntimeErrorUnderFail_denies() {
    var plugin = plugin(policy("p", "auditAnnotations:\n- {key: k, valueExpression: \"string(object.nope)\"}"),
        binding("b", "p", "Warn", ""));
    assertThat(Fixtures.messages(run(plugin, create(deployment(5))))).containsExactly(
        "ValidatingAdmissionPolicy 'p' with binding 'b' denied request: "
            + "expression 'string(object.nope)' resulted in error: no such key: nope");
  }

  @Test
  void validate_auditAnnotations_seeTheWholeNamespace() {
    var cluster = io.gatehouse.admission.FakeCluster.create().add(Manifests.one(
        "apiVersion: v1\nkind: Namespace\nmetadata: {name: default}"));
    var plugin = plugin(policy("p", """
        validations:
        - expression: has(namespaceObject.metadata.creationTimestamp)
        auditAnnotations:
        - {key: ts, valueExpression: "has(namespaceObject.metadata.creationTimestamp) ? 'restricted' : 'full'"}"""),
        binding("b", "p", "Deny", ""));
    AdmissionResult r = run(plugin, create(deployment(5)), cluster);
    assertThat(r.denials()).isEmpty();
    assertThat(r.auditAnnotations()).containsExactly(Map.entry("p/ts", "full"));
  }

  private static AdmissionResult ignored(String policy, String binding) {
    return new AdmissionResult(java.util.List.of(), java.util.List.of(), java.util.Map.of(), null,
        java.util.List.of(new io.gatehouse.admission.Evaluation("ValidatingAdmissionPolicy", policy, binding)));
  }
}
