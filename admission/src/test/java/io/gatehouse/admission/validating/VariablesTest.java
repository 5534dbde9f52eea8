package io.gatehouse.admission.validating;

import static io.gatehouse.admission.validating.Fixtures.binding;
import static io.gatehouse.admission.validating.Fixtures.create;
import static io.gatehouse.admission.validating.Fixtures.deployment;
import static io.gatehouse.admission.validating.Fixtures.plugin;
import static io.gatehouse.admission.validating.Fixtures.policy;
import static io.gatehouse.admission.validating.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Composited variables ({@code composition.go}, cases after {@code composition_test.go}). */
class VariablesTest {

  private record Case(String name, String spec, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    String p = "ValidatingAdmissionPolicy 'p' with binding 'b' denied request: ";
    return Stream.of(
        new Case("variable used by a validation", """
            variables:
            - {name: replicas, expression: object.spec.replicas}
            validations:
            - expression: variables.replicas < 3""", p + "failed expression: variables.replicas < 3"),
        new Case("variable type is inferred: int arithmetic compiles", """
            variables:
            - {name: doubled, expression: object.spec.replicas * 2}
            validations:
            - expression: variables.doubled < 5""", p + "failed expression: variables.doubled < 5"),
        new Case("variable referring to an earlier one", """
            variables:
            - {name: a, expression: object.spec.replicas}
            - {name: b, expression: variables.a + 1}
            validations:
            - expression: variables.b < 3""", p + "failed expression: variables.b < 3"),
        new Case("variable referring to a later one fails to compile", """
            variables:
            - {name: a, expression: variables.b}
            - {name: b, expression: '1'}
            validations:
            - expression: variables.a == 1""",
            p + "expression 'variables.a == 1' resulted in error: composited variable \"a\" fails to compile: "
                + "compilation failed: ERROR: <input>:1:10: undefined field 'b'\n | variables.b\n | .........^"),
        new Case("variable evaluation error surfaces in the expression", """
            variables:
            - {name: missing, expression: object.spec.nothing}
            validations:
            - expression: variables.missing == 1""",
            p + "expression 'variables.missing == 1' resulted in error: composited variable \"missing\" "
                + "fails to evaluate: no such key: nothing"),
        new Case("undefined variable is a compile error", """
            validations:
            - expression: variables.none == 1""",
            p + "compilation error: compilation failed: ERROR: <input>:1:10: undefined field 'none'\n"
                + " | variables.none == 1\n | .........^"),
        new Case("variable in messageExpression", """
            variables:
            - {name: msg, expression: "'replicas ' + string(object.spec.replicas)"}
            validations:
            - {expression: 'false', messageExpression: variables.msg}""", p + "replicas 5"),
        new Case("variable errors are memoised and absorbed like cel-go errors", """
            variables:
            - {name: bad, expression: object.spec.nothing}
            validations:
            - expression: "true || variables.bad == 1"
            - expression: "variables.bad == 1 || false\"""",
            p + "expression 'variables.bad == 1 || false' resulted in error: composited variable \"bad\" "
                + "fails to evaluate: no such key: nothing"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void validate_variables_behaveAsUpstream(Case c) {
    var plugin = plugin(policy("p", c.spec()), binding("b", "p", "Deny", ""));
    assertThat(Fixtures.messages(run(plugin, create(deployment(5))))).containsExactly(c.expected());
  }
}
