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
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** matchConditions as upstream's {@code matchconditions.Matcher} evaluates them for VAP. */
class MatchConditionsTest {

  private static final String P = "ValidatingAdmissionPolicy 'p' with binding 'b' denied request: ";

  private record Case(String name, String failurePolicy, List<String> conditions, List<String> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    String err1 = "expression 'object.nope == 1' resulted in error: no such key: nope";
    String err2 = "expression 'object.other == 1' resulted in error: no such key: other";
    return Stream.of(
        new Case("all true: validations run", "Fail", List.of("true", "object.spec.replicas > 1"),
            List.of(P + "failed expression: false")),
        new Case("any false skips the policy", "Fail", List.of("true", "false"), List.of()),
        new Case("false wins over errors", "Fail", List.of("object.nope == 1", "false"), List.of()),
        new Case("error under Fail denies with the error", "Fail", List.of("object.nope == 1", "true"),
            List.of(P + err1)),
        new Case("errors are aggregated", "Fail", List.of("object.nope == 1", "object.other == 1"),
            List.of(P + "[" + err1 + ", " + err2 + "]")),
        new Case("identical errors collapse", "Fail", List.of("object.nope == 1", "object.nope == 1"),
            List.of(P + err1)),
        new Case("error under Ignore skips", "Ignore", List.of("object.nope == 1"), List.of()),
        new Case("namespaceObject is null in match conditions", "Fail", List.of("namespaceObject == null"),
            List.of(P + "failed expression: false")),
        new Case("non-bool condition is a compilation error", "Fail", List.of("object.spec"),
            List.of(P + "compilation error: must evaluate to bool but got dyn")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void validate_matchConditions_gateThePolicy(Case c) {
    StringBuilder spec = new StringBuilder("failurePolicy: " + c.failurePolicy() + "\nmatchConditions:\n");
    for (int i = 0; i < c.conditions().size(); i++) {
      spec.append("- {name: c").append(i).append(", expression: \"").append(c.conditions().get(i)).append("\"}\n");
    }
    spec.append("validations:\n- expression: 'false'");
    var plugin = plugin(policy("p", spec.toString()), binding("b", "p", "Deny", ""));
    assertThat(Fixtures.messages(run(plugin, create(deployment(5))))).containsExactlyElementsOf(c.expected());
  }

  @Test
  void validate_matchConditionErrorOnWarnBinding_warns() {
    var plugin = plugin(policy("p", "matchConditions:\n- {name: c, expression: object.nope == 1}\n"
        + "validations:\n- expression: 'false'"), binding("b", "p", "Warn", ""));
    AdmissionResult r = run(plugin, create(deployment(5)));
    assertThat(r.allowed()).isTrue();
    assertThat(r.warnings()).extracting(Warning::check).containsExactly("matchConditions");
  }

  @Test
  void validate_matchConditionsSeeTheRequestResourceAndMatchedKind() {
    var plugin = plugin("""
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicy
        metadata: {name: p}
        spec:
          matchConstraints:
            resourceRules:
            - {apiGroups: [events.k8s.io], apiVersions: [v1], operations: [CREATE], resources: [events]}
          matchConditions:
          - {name: c, expression: "request.resource.group == '' && request.kind.group == 'events.k8s.io'"}
          validations:
          - expression: "request.resource.group == ''"
        """, binding("b", "p", "Deny", ""));
    var event = new io.gatehouse.admission.AdmissionAttributes(null, null, Fixtures.gvk("", "v1", "Event"),
        new io.gatehouse.api.GroupVersionResource("", "v1", "events"), "", "default", "e",
        io.gatehouse.admission.Operation.CREATE, null, false, io.gatehouse.api.authz.UserInfo.of("u"));
    assertThat(Fixtures.messages(run(plugin, event))).containsExactly(
        P + "failed expression: request.resource.group == ''");
  }

  @Test
  void validate_matchConditionsBudget_isTwoAndAHalfMillion() {
    String expensive = "object.items.all(x, object.items.all(y, x + y >= 0))";
    var plugin = plugin(policy("p", "matchConditions:\n"
        + "- {name: a, expression: \"" + expensive + "\"}\n"
        + "- {name: b, expression: \"" + expensive + "\"}\n"
        + "- {name: c, expression: \"" + expensive + "\"}\n"
        + "validations:\n- expression: 'false'"), binding("b", "p", "Deny", ""));
    var object = deployment(5).deepCopy();
    object.object().put("items", java.util.stream.LongStream.range(0, 2000).boxed().map(l -> (Object) l).toList());
    // Each condition exceeds the per-call limit (cost > 1,000,000): the third exhausts 2,500,000.
    assertThat(Fixtures.messages(run(plugin, create(object)))).containsExactly(P
        + "validation failed due to running out of cost budget, no further validation rules will be run");
    var two = plugin(policy("p", "matchConditions:\n"
        + "- {name: a, expression: \"" + expensive + "\"}\n"
        + "- {name: b, expression: \"" + expensive + "\"}\n"
        + "validations:\n- expression: 'false'"), binding("b", "p", "Deny", ""));
    String err = "expression '" + expensive + "' resulted in error: operation cancelled: actual cost limit exceeded";
    assertThat(Fixtures.messages(run(two, create(object)))).containsExactly(P + err);
  }
}
