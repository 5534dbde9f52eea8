package io.gatehouse.cel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.common.types.SimpleType;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EnvironmentTest {

  private static final Environment ENV =
      Environment.builder(KubernetesVersion.of(1, 30), EnvironmentType.STORED_EXPRESSIONS)
          .variable("object", SimpleType.DYN)
          .variable("oldObject", SimpleType.DYN)
          .build();

  private static final Activation VARS =
      Activation.of(
          Map.of(
              "object",
              CelValues.fromJson(
                  Map.of("spec", Map.of("replicas", 3, "ratio", 1.5), "metadata", Map.of())),
              "oldObject",
              CelValues.fromJson(null)));

  private record Case(String name, String expression, Object expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> values() {
    return Stream.of(
        new Case("int field compares as int", "object.spec.replicas <= 10", true),
        new Case("double field", "object.spec.ratio > 1", true),
        new Case("json null is CEL null", "oldObject == null", true),
        new Case("absent field is absent", "has(object.spec.paused)", false),
        new Case("list literal", "[1, 2, 3].all(x, x > 0)", true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("values")
  void evaluate_validExpression_returnsValue(Case c) {
    CompiledExpression compiled = (CompiledExpression) ENV.compile(c.expression());
    assertThat(compiled.evaluate(VARS, 1_000_000))
        .isInstanceOfSatisfying(
            EvaluationResult.Success.class, s -> assertThat(s.value()).isEqualTo(c.expected()));
    assertThat(compiled.evaluate(VARS))
        .isInstanceOfSatisfying(
            EvaluationResult.Success.class, s -> assertThat(s.value()).isEqualTo(c.expected()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void evaluate_failingExpression_returnsCelGoMessage(Case c) {
    CompiledExpression compiled = (CompiledExpression) ENV.compile(c.expression());
    assertThat(compiled.evaluate(VARS))
        .isInstanceOfSatisfying(
            EvaluationResult.Failure.class,
            f -> assertThat(f.message()).isEqualTo(c.expected()));
  }

  static List<Case> errors() {
    return List.of(
        new Case("missing key", "object.spec.paused", "no such key: paused"),
        new Case("division by zero", "object.spec.replicas / 0 == 1", "division by zero"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("compileErrors")
  void compile_invalidExpression_returnsCelGoMessage(Case c) {
    assertThat(ENV.compile(c.expression()))
        .isEqualTo(new CompilationError(c.expression(), (String) c.expected()));
  }

  static List<Case> compileErrors() {
    return List.of(
        new Case(
            "undeclared",
            "foo + 1",
            "ERROR: <input>:1:1: undeclared reference to 'foo' (in container '')\n"
                + " | foo + 1\n"
                + " | ^"),
        new Case(
            "no overload",
            "1 + 'a'",
            "ERROR: <input>:1:3: found no matching overload for '_+_' applied to '(int, string)'\n"
                + " | 1 + 'a'\n"
                + " | ..^"));
  }
}
