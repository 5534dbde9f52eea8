package io.gatehouse.cel.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.common.types.SimpleType;
import io.gatehouse.cel.Activation;
import io.gatehouse.cel.CelValues;
import io.gatehouse.cel.CompiledExpression;
import io.gatehouse.cel.EvaluationResult;
import io.gatehouse.cel.KubernetesVersion;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Cancellation at the cost limit, through {@code CompiledExpression.evaluate(activation, limit)}. */
class CostLimitTest {

  private static final Activation INPUT =
      Activation.of(
          Map.of(
              "object",
              CelValues.fromJson(
                  Map.of(
                      "metadata", Map.of("name", "a".repeat(400)),
                      "items", List.of("x".repeat(100), "y".repeat(100), "z".repeat(100))))));

  record Case(String name, String expression, long limit) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> exceeding() {
    return Stream.of(
        // matches: ceil(0.1 * 401) * ceil(0.25 * 7) = 41 * 2 = 82, plus 3 for the selects.
        new Case("exceeded left of ||", "object.metadata.name.matches('^(a|b)+') || true", 50),
        new Case("exceeded right of ||", "false || object.metadata.name.matches('^(a|b)+')", 50),
        new Case("exceeded left of &&", "object.metadata.name.matches('^(a|b)+') && false", 50),
        new Case("exceeded inside exists",
            "object.items.exists(i, i.matches('q+')) || true", 20),
        new Case("exceeded in a ternary branch",
            "true ? object.metadata.name.matches('^(a|b)+') : false", 50));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exceeding")
  void evaluate_costAboveLimit_failsWithCelGoTextEvenInsideAbsorbingOperators(Case c) {
    CompiledExpression compiled = compile(c.expression());

    EvaluationResult result = compiled.evaluate(INPUT, c.limit());

    assertThat(result)
        .isInstanceOfSatisfying(
            EvaluationResult.Failure.class,
            f -> {
              assertThat(f.message()).isEqualTo("operation cancelled: actual cost limit exceeded");
              assertThat(f.costLimitExceeded()).isTrue();
              assertThat(f.cost()).isGreaterThan(c.limit());
            });
  }

  @Test
  void evaluate_costEqualToLimit_succeeds() {
    CompiledExpression compiled = compile("object.metadata.name.matches('^(a|b)+') || true");

    assertThat(compiled.evaluate(INPUT, 85)).isEqualTo(new EvaluationResult.Success(true, 85));
  }

  @Test
  void evaluate_untracked_reportsUntrackedCost() {
    CompiledExpression compiled = compile("object.metadata.name.matches('^(a|b)+') || true");

    assertThat(compiled.evaluate(INPUT))
        .isEqualTo(new EvaluationResult.Success(true, EvaluationResult.UNTRACKED));
  }

  private static CompiledExpression compile(String expression) {
    return CostFixture.compile(
        KubernetesVersion.of(1, 33), expression, Map.of("object", SimpleType.DYN), Map.of());
  }
}
