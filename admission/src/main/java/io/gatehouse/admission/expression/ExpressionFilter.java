package io.gatehouse.admission.expression;

import io.gatehouse.cel.Activation;
import io.gatehouse.cel.EvaluationResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A list of compiled expressions evaluated in order against one cost budget, as upstream's {@code
 * filter.ForInput}: each expression's runtime cost (and the cost of the variables it reads first)
 * is charged; once the budget is exceeded the whole filter fails and no further expression runs.
 *
 * <p>Immutable and thread-safe; each evaluation binds its own {@code variables}.
 */
public final class ExpressionFilter {

  private final List<@Nullable CompiledCondition> conditions;
  private final Composition composition;

  /** Creates a filter; null entries are placeholders that produce null results. */
  public ExpressionFilter(List<@Nullable CompiledCondition> conditions, Composition composition) {
    this.conditions = Collections.unmodifiableList(new ArrayList<>(conditions));
    this.composition = composition;
  }

  /** Returns the compiled expressions, with placeholders. */
  public List<@Nullable CompiledCondition> conditions() {
    return conditions;
  }

  /** Returns whether the filter has no expression. */
  public boolean isEmpty() {
    return conditions.stream().allMatch(c -> c == null);
  }

  /**
   * Returns the greatest cost one evaluation can have by the static estimates: every expression
   * plus every variable once; saturating.
   */
  public long maxCost() {
    return saturatedAdd(saturatedSum(conditions), composition.maxCost());
  }

  /** Returns whether no expression or variable can exceed the per-call limit. */
  public boolean withinPerCallLimit() {
    return composition.withinPerCallLimit()
        && conditions.stream().allMatch(c -> c == null || c.maxCost() <= Budgets.PER_CALL_LIMIT);
  }

  /**
   * Evaluates every expression against {@code input}.
   *
   * @param budget the cost budget
   * @param tracked whether to track cost; callers pass {@code false} only when {@link #maxCost()}
   *     fits the budget and {@link #withinPerCallLimit()} holds, so that no limit can be reached
   */
  public FilterResult evaluate(EvaluationInput input, long budget, boolean tracked) {
    LazyVariables variables = new LazyVariables(composition, input, tracked);
    Activation activation = variables.activation();
    List<@Nullable ExpressionResult> results = new ArrayList<>(conditions.size());
    long remaining = budget;
    for (CompiledCondition condition : conditions) {
      if (condition == null) {
        results.add(null);
        continue;
      }
      if (condition.program() == null) {
        results.add(new ExpressionResult.Error("compilation error: " + condition.error()));
        continue;
      }
      EvaluationResult result =
          tracked
              ? condition.program().evaluate(activation, Budgets.PER_CALL_LIMIT)
              : condition.program().evaluate(activation);
      if (tracked) {
        long compositionCost = variables.takeCost();
        if (compositionCost > remaining) {
          return new FilterResult.Failed(Budgets.OUT_OF_BUDGET);
        }
        remaining -= compositionCost;
        if (result.cost() > remaining) {
          return new FilterResult.Failed(Budgets.OUT_OF_BUDGET);
        }
        remaining -= result.cost();
      }
      results.add(
          switch (result) {
            case EvaluationResult.Success s -> new ExpressionResult.Value(s.value());
            case EvaluationResult.Failure f ->
                new ExpressionResult.Error(
                    "expression '" + condition.expression() + "' resulted in error: "
                        + f.message());
          });
    }
    return new FilterResult.Evaluated(results, tracked ? remaining : budget - maxCost());
  }

  static long saturatedSum(Collection<@Nullable CompiledCondition> conditions) {
    long sum = 0;
    for (CompiledCondition c : conditions) {
      if (c != null) {
        sum = saturatedAdd(sum, c.maxCost());
      }
    }
    return sum;
  }

  static long saturatedAdd(long a, long b) {
    long r = a + b;
    return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
  }
}
