package io.gatehouse.admission.validating;

import static io.gatehouse.admission.validating.Fixtures.binding;
import static io.gatehouse.admission.validating.Fixtures.create;
import static io.gatehouse.admission.validating.Fixtures.deployment;
import static io.gatehouse.admission.validating.Fixtures.plugin;
import static io.gatehouse.admission.validating.Fixtures.policy;
import static io.gatehouse.admission.validating.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.admission.AdmissionResult;
import io.gatehouse.admission.Denial;
import io.gatehouse.api.Status;
import io.gatehouse.api.StatusReason;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Decisions and messages as upstream's {@code validator.go} and {@code dispatcher.go} produce them
 * (cases after {@code validator_test.go} and {@code admission_test.go}).
 */
class DecisionsTest {

  private static final String PREFIX = "ValidatingAdmissionPolicy 'p' with binding 'b' denied request: ";

  private record Case(String name, String validation, String failurePolicy, String expectedMessage) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> messages() {
    String longText = "x".repeat(5121);
    return Stream.of(
        new Case("default message is the trimmed expression",
            "expression: '  object.spec.replicas < 3  '", "Fail",
            "failed expression: object.spec.replicas < 3"),
        new Case("message is trimmed", "{expression: 'false', message: '  too many  '}", "Fail", "too many"),
        new Case("messageExpression wins and is trimmed",
            "{expression: 'false', message: static, messageExpression: \"' replicas: ' + string(object.spec.replicas) + ' '\"}",
            "Fail", "replicas: 5"),
        new Case("blank messageExpression result falls back to message",
            "{expression: 'false', message: static, messageExpression: \"'   '\"}", "Fail", "static"),
        new Case("multi-line messageExpression result falls back",
            "{expression: 'false', message: static, messageExpression: \"'a\\\\nb'\"}", "Fail", "static"),
        new Case("messageExpression over 5120 bytes falls back",
            "{expression: 'false', message: static, messageExpression: \"'" + longText + "'\"}", "Fail", "static"),
        new Case("messageExpression of exactly 5120 bytes is used",
            "{expression: 'false', messageExpression: \"'" + "y".repeat(5120) + "'\"}", "Fail", "y".repeat(5120)),
        new Case("failing messageExpression falls back to the expression",
            "{expression: 'false', messageExpression: 'object.spec.missing'}", "Fail", "failed expression: false"),
        new Case("runtime error under Fail denies with the error",
            "expression: object.spec.missing == 1", "Fail",
            "expression 'object.spec.missing == 1' resulted in error: no such key: missing"),
        new Case("wrong result type is a compilation error at runtime", "expression: '1 + 1'", "Fail",
            "compilation error: must evaluate to bool but got int"),
        new Case("dyn result is a compilation error at runtime", "expression: object.spec", "Fail",
            "compilation error: must evaluate to bool but got dyn"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void validate_failingValidation_usesUpstreamMessage(Case c) {
    var plugin = plugin(
        policy("p", "failurePolicy: " + c.failurePolicy() + "\nvalidations:\n- " + c.validation()),
        binding("b", "p", "Deny", ""));
    AdmissionResult r = run(plugin, create(deployment(5)));
    assertThat(Fixtures.messages(r)).containsExactly(PREFIX + c.expectedMessage());
  }

  @Test
  void validate_compileErrorAtRuntime_reportsCompilationFailure() {
    var plugin = plugin(policy("p", "validations:\n- expression: 'object.x in [1, 2, '"), binding("b", "p", "Deny", ""));
    assertThat(Fixtures.messages(run(plugin, create(deployment(5)))))
        .singleElement().asString()
        .startsWith(PREFIX + "compilation error: compilation failed: ERROR: <input>:1:");
  }

  @Test
  void validate_runtimeErrorUnderIgnore_admits() {
    var plugin = plugin(policy("p", "failurePolicy: Ignore\nvalidations:\n- expression: object.spec.missing == 1"),
        binding("b", "p", "Deny", ""));
    assertThat(run(plugin, create(deployment(5)))).isEqualTo(ignored("p", "b"));
  }

  @Test
  void validate_passingValidations_admit() {
    var plugin = plugin(policy("p", "validations:\n- expression: object.spec.replicas == 5"),
        binding("b", "p", "Deny", ""));
    assertThat(run(plugin, create(deployment(5))).allowed()).isTrue();
  }

  @Test
  void validate_deny_returnsUpstreamStatusForFirstAndRecordsEvery() {
    var plugin = plugin(
        policy("p", """
            validations:
            - {expression: object.spec.replicas < 3, message: first}
            - {expression: object.spec.replicas < 4, message: second, reason: Forbidden}"""),
        binding("b", "p", "Deny", ""));
    AdmissionResult r = run(plugin, create(deployment(5)));
    assertThat(r.status()).isEqualTo(new Status(
        "deployments.apps \"web\" is forbidden: " + PREFIX + "first", StatusReason.INVALID,
        new Status.Details("web", "apps", "deployments", List.of(new Status.Cause("", PREFIX + "first", ""))),
        422));
    assertThat(r.denials()).containsExactly(
        new Denial("ValidatingAdmissionPolicy", "p", "b", PREFIX + "first", "Invalid", 422,
            "object.spec.replicas < 3", "validations[0]"),
        new Denial("ValidatingAdmissionPolicy", "p", "b", PREFIX + "second", "Forbidden", 403,
            "object.spec.replicas < 4", "validations[1]"));
  }

  private record ReasonCase(String reason, StatusReason status, int code) {
    @Override
    public String toString() {
      return reason;
    }
  }

  static Stream<ReasonCase> reasons() {
    return Stream.of(
        new ReasonCase("Forbidden", StatusReason.FORBIDDEN, 403),
        new ReasonCase("Invalid", StatusReason.INVALID, 422),
        new ReasonCase("RequestEntityTooLarge", StatusReason.REQUEST_ENTITY_TOO_LARGE, 413),
        new ReasonCase("Unauthorized", StatusReason.UNAUTHORIZED, 401));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reasons")
  void validate_reason_mapsToStatusCode(ReasonCase c) {
    var plugin = plugin(policy("p", "validations:\n- {expression: 'false', reason: " + c.reason() + "}"),
        binding("b", "p", "Deny", ""));
    Status status = run(plugin, create(deployment(5))).status();
    assertThat(status.reason()).isEqualTo(c.status());
    assertThat(status.code()).isEqualTo(c.code());
  }

  @Test
  void validate_generateNameCreate_namesObjectByGenerateName() {
    var object = io.gatehouse.admission.Manifests.one("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {generateName: web-, namespace: default}
        spec: {replicas: 1}
        """);
    var plugin = plugin(policy("p", "validations:\n- expression: 'false'"), binding("b", "p", "Deny", ""));
    assertThat(run(plugin, create(object)).status().message())
        .isEqualTo("deployments.apps \"web-\" is forbidden: " + PREFIX + "failed expression: false");
  }

  @Test
  void validate_deleteWithoutName_namesObjectUnknown() {
    var plugin = plugin(
        policy("p", "validations:\n- expression: 'false'").replace("[CREATE, UPDATE]", "[DELETE]"),
        binding("b", "p", "Deny", ""));
    var request = new io.gatehouse.admission.AdmissionAttributes(null, deployment(1),
        Fixtures.gvk("apps", "v1", "Deployment"), Fixtures.DEPLOYMENTS, "", "default", "",
        io.gatehouse.admission.Operation.DELETE, null, false, io.gatehouse.api.authz.UserInfo.of("u"));
    AdmissionResult r = run(plugin, request);
    assertThat(r.status().message()).startsWith("deployments.apps \"Unknown\" is forbidden: ");
    assertThat(r.status().details().name()).isEqualTo("Unknown");
  }

  @Test
  void validate_policiesAndBindings_runInNameOrder() {
    var plugin = plugin(
        policy("zeta", "validations:\n- expression: 'false'"),
        policy("alpha", "validations:\n- expression: 'false'"),
        binding("z2", "zeta", "Deny", ""), binding("z1", "zeta", "Deny", ""),
        binding("a1", "alpha", "Deny", ""));
    assertThat(run(plugin, create(deployment(1))).denials())
        .extracting(d -> d.policy() + "/" + d.binding())
        .containsExactly("alpha/a1", "zeta/z1", "zeta/z2");
  }

  private static AdmissionResult ignored(String policy, String binding) {
    return new AdmissionResult(java.util.List.of(), java.util.List.of(), java.util.Map.of(), null,
        java.util.List.of(new io.gatehouse.admission.Evaluation("ValidatingAdmissionPolicy", policy, binding)));
  }
}
