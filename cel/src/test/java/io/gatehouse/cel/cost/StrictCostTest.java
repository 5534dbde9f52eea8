package io.gatehouse.cel.cost;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.cel.Activation;
import io.gatehouse.cel.CompiledExpression;
import io.gatehouse.cel.Environment;
import io.gatehouse.cel.EnvironmentType;
import io.gatehouse.cel.KubernetesVersion;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Kubernetes' library cost model is charged only with strict cost (default from 1.32). */
class StrictCostTest {

  private static final String EXPRESSION = "'ABCDEFGHIJ abcdefghij'.lowerAscii()";

  record Case(String name, KubernetesVersion version, Boolean strict, long want) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("1.31 default: cel-go defaults", KubernetesVersion.of(1, 31), null, 1),
        new Case("1.32 default: library model", KubernetesVersion.of(1, 32), null, 3),
        new Case("1.30 with strict cost", KubernetesVersion.of(1, 30), true, 3),
        new Case("1.33 without strict cost", KubernetesVersion.of(1, 33), false, 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void evaluate_libraryFunction_chargesLibraryCostOnlyWhenStrict(Case c) {
    Environment.Builder builder =
        Environment.builder(c.version(), EnvironmentType.STORED_EXPRESSIONS);
    if (c.strict() != null) {
      builder.strictCost(c.strict());
    }
    CompiledExpression compiled = (CompiledExpression) builder.build().compile(EXPRESSION);

    assertThat(compiled.evaluate(Activation.empty(), 100).cost()).isEqualTo(c.want());
    assertThat(compiled.estimatedCost().max()).isGreaterThanOrEqualTo(c.want());
    assertThat(compiled.upstreamEstimatedCost().max()).isEqualTo(3);
  }
}
