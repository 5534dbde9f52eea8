package io.gatehouse.admission.expression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.common.types.SimpleType;
import dev.cel.common.values.NullValue;
import io.gatehouse.cel.Environment;
import io.gatehouse.cel.EnvironmentType;
import io.gatehouse.cel.KubernetesVersion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Budget accounting of {@link ExpressionFilter} as upstream's {@code filter.ForInput}. */
class ExpressionFilterTest {

  private static final EnvironmentKey KEY =
      new EnvironmentKey(KubernetesVersion.DEFAULT, EnvironmentType.STORED_EXPRESSIONS, true, false, false, true);

  private static final EvaluationInput INPUT = new EvaluationInput(
      Map.of("a", 1L, "items", IntStream.range(0, 2000).mapToObj(i -> (Object) (long) i).toList()),
      NullValue.NULL_VALUE, Map.of(), NullValue.NULL_VALUE, NullValue.NULL_VALUE, null, null);

  private static CompiledCondition compile(Environment env, String expression) {
    return ConditionCompiler.compile(env, expression, List.of(SimpleType.BOOL));
  }

  private static ExpressionFilter filter(String... expressions) {
    Environment env = AdmissionEnvironments.environment(KEY, null);
    List<CompiledCondition> conditions = new ArrayList<>();
    for (String e : expressions) {
      conditions.add(compile(env, e));
    }
    return new ExpressionFilter(conditions, Composition.NONE);
  }

  private static long spent(ExpressionFilter filter) {
    return Budgets.RUNTIME_BUDGET
        - ((FilterResult.Evaluated) filter.evaluate(INPUT, Budgets.RUNTIME_BUDGET, true)).remaining();
  }

  @Test
  void evaluate_budgetExactlyEnough_evaluatesAll() {
    ExpressionFilter f = filter("object.a == 1", "object.a == 2");
    long cost = spent(f);
    assertThat(f.evaluate(INPUT, cost, true)).isEqualTo(new FilterResult.Evaluated(
        Arrays.asList(new ExpressionResult.Value(true), new ExpressionResult.Value(false)), 0));
  }

  @Test
  void evaluate_budgetExceeded_failsWholeFilter() {
    ExpressionFilter f = filter("object.a == 1", "object.a == 2");
    assertThat(f.evaluate(INPUT, spent(f) - 1, true)).isEqualTo(new FilterResult.Failed(
        "validation failed due to running out of cost budget, no further validation rules will be run"));
  }

  @Test
  void evaluate_perCallLimit_isAnExpressionError() {
    String expensive = "object.items.all(x, object.items.all(y, x + y >= 0))";
    ExpressionFilter f = filter(expensive, "true");
    var result = (FilterResult.Evaluated) f.evaluate(INPUT, Budgets.RUNTIME_BUDGET, true);
    assertThat(result.results()).containsExactly(
        new ExpressionResult.Error("expression '" + expensive
            + "' resulted in error: operation cancelled: actual cost limit exceeded"),
        new ExpressionResult.Value(true));
    assertThat(result.remaining()).isLessThan(Budgets.RUNTIME_BUDGET - Budgets.PER_CALL_LIMIT);
    // The budget is checked before the expression's own error.
    assertThat(f.evaluate(INPUT, Budgets.PER_CALL_LIMIT, true)).isInstanceOf(FilterResult.Failed.class);
  }

  @Test
  void evaluate_variableReadTwice_isChargedOnce() {
    List<String> names = List.of("sum");
    VariablesType type = new VariablesType(names);
    Environment env = AdmissionEnvironments.environment(KEY, type);
    CompiledCondition sum = ConditionCompiler.compile(env, "object.items.filter(x, x % 2 == 0).size()", List.of());
    type.declare("sum", sum.outputType());
    Composition composition = new Composition(Map.of("sum", sum));
    ExpressionFilter once = new ExpressionFilter(List.of(compile(env, "variables.sum > 0")), composition);
    ExpressionFilter twice = new ExpressionFilter(
        List.of(compile(env, "variables.sum > 0"), compile(env, "variables.sum > 0")), composition);
    long variableCost = spent(once) - spent(filter("true"));
    assertThat(variableCost).isGreaterThan(1000);
    assertThat(spent(twice)).isLessThan(spent(once) + variableCost);
  }

  @Test
  void evaluate_untracked_returnsSameResults() {
    ExpressionFilter f = filter("object.a == 1", "object.missing == 2");
    var tracked = (FilterResult.Evaluated) f.evaluate(INPUT, Budgets.RUNTIME_BUDGET, true);
    var untracked = (FilterResult.Evaluated) f.evaluate(INPUT, Budgets.RUNTIME_BUDGET, false);
    assertThat(untracked.results()).isEqualTo(tracked.results());
  }

  @Test
  void evaluate_placeholders_yieldNull() {
    ExpressionFilter f = new ExpressionFilter(Arrays.asList(null, compile(
        AdmissionEnvironments.environment(KEY, null), "true")), Composition.NONE);
    var r = (FilterResult.Evaluated) f.evaluate(INPUT, 100, true);
    assertThat(r.results()).containsExactly(null, new ExpressionResult.Value(true));
    assertThat(f.isEmpty()).isFalse();
  }
}
