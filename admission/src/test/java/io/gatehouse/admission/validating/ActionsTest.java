package io.gatehouse.admission.validating;

import static io.gatehouse.admission.validating.Fixtures.binding;
import static io.gatehouse.admission.validating.Fixtures.create;
import static io.gatehouse.admission.validating.Fixtures.deployment;
import static io.gatehouse.admission.validating.Fixtures.plugin;
import static io.gatehouse.admission.validating.Fixtures.policy;
import static io.gatehouse.admission.validating.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.admission.AdmissionResult;
import io.gatehouse.admission.Warning;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Routing of decisions through validationActions and configuration errors ({@code dispatcher.go}). */
class ActionsTest {

  private static final String FAILING = "validations:\n- {expression: 'false', message: nope}";

  @Test
  void validate_warnAction_addsWarningAndAdmits() {
    AdmissionResult r = run(plugin(policy("p", FAILING), binding("b", "p", "Warn", "")), create(deployment(1)));
    assertThat(r.allowed()).isTrue();
    assertThat(r.warnings()).containsExactly(new Warning("ValidatingAdmissionPolicy", "p", "b",
        "Validation failed for ValidatingAdmissionPolicy 'p' with binding 'b': nope", "validations[0]"));
  }

  @Test
  void validate_identicalWarnings_areDeduplicated() {
    var plugin = plugin(policy("p", "validations:\n- {expression: 'false', message: nope}\n"
        + "- {expression: 'false', message: nope}"), binding("b", "p", "Warn", ""));
    assertThat(run(plugin, create(deployment(1))).warnings()).hasSize(1);
  }

  @Test
  void validate_auditAction_recordsFirstFailureOnly() {
    var plugin = plugin(
        policy("p", "validations:\n- {expression: 'true'}\n- {expression: 'false', message: 'a <b> & \"c\"'}"),
        binding("b1", "p", "Audit", ""), binding("b2", "p", "Audit, Warn", ""));
    AdmissionResult r = run(plugin, create(deployment(1)));
    assertThat(r.allowed()).isTrue();
    assertThat(r.auditAnnotations()).containsExactly(Map.entry(
        "validation.policy.admission.k8s.io/validation_failure",
        "[{\"message\":\"a \\u003cb\\u003e \\u0026 \\\"c\\\"\",\"policy\":\"p\",\"binding\":\"b1\","
            + "\"expressionIndex\":1,\"validationActions\":[\"Audit\"]}]"));
    assertThat(r.warnings()).extracting(Warning::binding).containsExactly("b2");
  }

  @Test
  void validate_denyAndAudit_deniesAndAudits() {
    AdmissionResult r = run(plugin(policy("p", FAILING), binding("b", "p", "Deny, Audit", "")), create(deployment(1)));
    assertThat(r.allowed()).isFalse();
    assertThat(r.auditAnnotations()).containsKey("validation.policy.admission.k8s.io/validation_failure");
  }

  @Test
  void validate_expressionErrorOnWarnBinding_onlyWarns() {
    var plugin = plugin(policy("p", "validations:\n- expression: object.nope == 1"), binding("b", "p", "Warn", ""));
    AdmissionResult r = run(plugin, create(deployment(1)));
    assertThat(r.allowed()).isTrue();
    assertThat(r.warnings()).extracting(Warning::message).containsExactly(
        "Validation failed for ValidatingAdmissionPolicy 'p' with binding 'b': "
            + "expression 'object.nope == 1' resulted in error: no such key: nope");
  }

  @Test
  void validate_policyConfigErrorOnWarnBinding_deniesWithoutBinding() {
    var plugin = plugin(policy("p", "paramKind: {apiVersion: example.com/v1, kind: Missing}\n" + FAILING),
        binding("b", "p", "Warn", "paramRef: {name: x, parameterNotFoundAction: Deny}"));
    AdmissionResult r = run(plugin, create(deployment(1)));
    assertThat(Fixtures.messages(r)).containsExactly(
        "ValidatingAdmissionPolicy 'p' denied request: failed to configure policy: "
            + "failed to find resource referenced by paramKind: 'example.com/v1, Kind=Missing'");
    assertThat(r.denials().get(0).check()).isEqualTo("configuration");
    assertThat(r.warnings()).isEmpty();
  }

  @Test
  void validate_policyConfigErrorUnderIgnore_admits() {
    var plugin = plugin(
        policy("p", "failurePolicy: Ignore\nparamKind: {apiVersion: example.com/v1, kind: Missing}\n" + FAILING),
        binding("b", "p", "Deny", ""));
    assertThat(run(plugin, create(deployment(1)))).isEqualTo(ignored("p", ""));
  }

  @Test
  void validate_evaluations_listPairsThatApplied() {
    var plugin = plugin(
        policy("p", "matchConditions:\n- {name: m, expression: object.spec.replicas > 1}\n" + FAILING),
        policy("q", "validations:\n- expression: 'true'"),
        binding("b1", "p", "Deny", ""), binding("b2", "p", "Deny", "matchResources:\n  namespaceSelector: "
            + "{matchLabels: {env: dev}}"), binding("c", "q", "Deny", ""));
    assertThat(run(plugin, create(deployment(2))).evaluations())
        .extracting(e -> e.policy() + "/" + e.binding()).containsExactly("p/b1", "q/c");
    // matchConditions not met: the policy did not apply.
    assertThat(run(plugin, create(deployment(1))).evaluations())
        .extracting(e -> e.policy() + "/" + e.binding()).containsExactly("q/c");
  }

  @Test
  void validate_policyWithoutBinding_neverRuns() {
    assertThat(run(plugin(policy("p", FAILING)), create(deployment(1)))).isEqualTo(AdmissionResult.ALLOWED);
  }

  @Test
  void validate_bindingToMissingPolicy_isIgnored() {
    assertThat(run(plugin(binding("b", "nothing", "Deny", "")), create(deployment(1))))
        .isEqualTo(AdmissionResult.ALLOWED);
  }

  @Test
  void validate_bindingMatchResources_narrowPolicy() {
    String narrow = "matchResources:\n  namespaceSelector: {matchLabels: {env: dev}}";
    var plugin = plugin(policy("p", FAILING), binding("b", "p", "Deny", narrow));
    assertThat(run(plugin, create(deployment(1))).allowed()).isTrue();
  }

  @Test
  void validate_bindingMatchResourcesWithoutRules_keepPolicyMatch() {
    String same = "matchResources:\n  namespaceSelector: {matchLabels: {env: prod}}";
    var plugin = plugin(policy("p", FAILING), binding("b", "p", "Deny", same));
    assertThat(run(plugin, create(deployment(1))).allowed()).isFalse();
  }

  @Test
  void validate_nonMatchingRequest_admits() {
    var plugin = plugin(policy("p", FAILING).replace("[CREATE, UPDATE]", "[DELETE]"), binding("b", "p", "Deny", ""));
    assertThat(run(plugin, create(deployment(1)))).isEqualTo(AdmissionResult.ALLOWED);
  }

  @Test
  void validate_policyResources_areNeverIntercepted() {
    var plugin = plugin(policy("p", FAILING).replace("[apps]", "['*']").replace("[v1]", "['*']")
        .replace("[deployments]", "['*']"), binding("b", "p", "Deny", ""));
    var vap = io.gatehouse.admission.Manifests.one(policy("other", FAILING));
    var request = new io.gatehouse.admission.AdmissionAttributes(vap, null, vap.groupVersionKind(),
        new io.gatehouse.api.GroupVersionResource("admissionregistration.k8s.io", "v1",
            "validatingadmissionpolicies"), "", "", "other", io.gatehouse.admission.Operation.CREATE,
        null, false, io.gatehouse.api.authz.UserInfo.of("u"));
    assertThat(run(plugin, request)).isEqualTo(AdmissionResult.ALLOWED);
    var review = new io.gatehouse.admission.AdmissionAttributes(null, null,
        Fixtures.gvk("authorization.k8s.io", "v1", "SubjectAccessReview"),
        new io.gatehouse.api.GroupVersionResource("authorization.k8s.io", "v1", "subjectaccessreviews"),
        "", "", "", io.gatehouse.admission.Operation.CREATE, null, false,
        io.gatehouse.api.authz.UserInfo.of("u"));
    assertThat(run(plugin, review)).isEqualTo(AdmissionResult.ALLOWED);
    var configMap = new io.gatehouse.admission.AdmissionAttributes(null, null,
        Fixtures.gvk("", "v1", "ConfigMap"), new io.gatehouse.api.GroupVersionResource("", "v1", "configmaps"),
        "", "default", "cm", io.gatehouse.admission.Operation.CREATE, null, false,
        io.gatehouse.api.authz.UserInfo.of("u"));
    assertThat(run(plugin, configMap).allowed()).isFalse();
  }

  @Test
  void validate_missingNamespace_returnsNotFoundError() {
    var plugin = plugin(policy("p", FAILING), binding("b", "p", "Deny", ""));
    AdmissionResult r = run(plugin, create(deployment(1)), io.gatehouse.admission.FakeCluster.create());
    assertThat(r.status()).isEqualTo(new io.gatehouse.api.Status("namespaces \"default\" not found",
        io.gatehouse.api.StatusReason.NOT_FOUND,
        new io.gatehouse.api.Status.Details("default", "", "namespaces", java.util.List.of()), 404));
  }

  @Test
  void validate_unrecognizedFailurePolicy_deniesConfigErrors() {
    var plugin = plugin(
        policy("p", "failurePolicy: Sometimes\nparamKind: {apiVersion: example.com/v1, kind: Missing}\n" + FAILING),
        binding("b", "p", "Deny", ""));
    assertThat(Fixtures.messages(run(plugin, create(deployment(1))))).containsExactly(
        "ValidatingAdmissionPolicy 'p' denied request: unrecognized failure policy: 'Sometimes'");
  }

  private static AdmissionResult ignored(String policy, String binding) {
    return new AdmissionResult(java.util.List.of(), java.util.List.of(), java.util.Map.of(), null,
        java.util.List.of(new io.gatehouse.admission.Evaluation("ValidatingAdmissionPolicy", policy, binding)));
  }
}
