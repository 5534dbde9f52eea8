package io.gatehouse.cel.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.common.types.CelType;
import io.gatehouse.cel.Activation;
import io.gatehouse.cel.CompilationResult;
import io.gatehouse.cel.CompiledExpression;
import io.gatehouse.cel.Environment;
import io.gatehouse.cel.EnvironmentType;
import io.gatehouse.cel.EvaluationResult;
import io.gatehouse.cel.KubernetesVersion;
import java.util.Map;

/** Compiles and measures expressions for the cost tests. */
final class CostFixture {

  /** cel-go's own unit tests: no OptOptimize, no library model, has() free as in Kubernetes. */
  static final CostModel CEL_GO_TESTS = new CostModel(false, false, false, false, false);

  /** Kubernetes' library/cost_test.go: library model on, no OptOptimize, ext.Sets trackers. */
  static final CostModel KUBERNETES_TESTS = new CostModel(true, false, false, true, true);

  private CostFixture() {}

  static CompiledExpression compile(String expression, Map<String, CelType> variables) {
    return compile(KubernetesVersion.of(1, 33), expression, variables, Map.of());
  }

  static CompiledExpression compile(
      KubernetesVersion version,
      String expression,
      Map<String, CelType> variables,
      Map<String, Long> bounds) {
    Environment.Builder builder =
        Environment.builder(version, EnvironmentType.STORED_EXPRESSIONS);
    variables.forEach(builder::variable);
    bounds.forEach(builder::variableSizeBound);
    CompilationResult result = builder.build().compile(expression);
    assertThat(result).isInstanceOf(CompiledExpression.class);
    return (CompiledExpression) result;
  }

  /** The runtime cost of a successful evaluation under {@code model}. */
  static long runtimeCost(CompiledExpression compiled, CostModel model, Map<String, ?> input) {
    EvaluationResult result = evaluate(compiled, model, input, Long.MAX_VALUE);
    assertThat(result).isInstanceOf(EvaluationResult.Success.class);
    return result.cost();
  }

  static EvaluationResult evaluate(
      CompiledExpression compiled, CostModel model, Map<String, ?> input, long limit) {
    CostPlan plan = CostPlan.of(compiled.ast(), model);
    return compiled.evaluate(Activation.of(input), new RuntimeCostTracker(plan, limit));
  }

  static Range estimate(CompiledExpression compiled, CostModel model, SizeEstimator sizes) {
    return CostEstimator.estimate(compiled.ast(), model, sizes, false);
  }

  static Range bound(CompiledExpression compiled, CostModel model, SizeEstimator sizes) {
    return CostEstimator.estimate(compiled.ast(), model, sizes, true);
  }

  /** cel-go's test estimator: sizes {@code [0, hint]} for the dotted paths it is given. */
  static SizeEstimator hints(Map<String, Long> hints) {
    return (path, type) -> {
      if (path == null) {
        return null;
      }
      Long hint = hints.get(String.join(".", path));
      return hint == null ? null : new Range(0, hint);
    };
  }
}
