package io.gatehouse.admission.matching;

import io.gatehouse.admission.expression.Budgets;
import io.gatehouse.admission.expression.EvaluationInput;
import io.gatehouse.admission.expression.ExpressionFilter;
import io.gatehouse.admission.expression.ExpressionResult;
import io.gatehouse.admission.expression.FilterResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Evaluates {@code matchConditions} as upstream's {@code matchconditions.Matcher}: every condition
 * runs in order against a 2,500,000 budget; any {@code false} means no match whatever the errors;
 * otherwise errors fail the match under {@code Fail} and skip it under {@code Ignore}.
 *
 * <p>Immutable and thread-safe.
 */
public final class MatchConditionMatcher {

  private final ExpressionFilter filter;
  private final List<String> names;
  private final boolean ignoreErrors;
  private final boolean tracked;

  /**
   * Creates a matcher.
   *
   * @param filter the compiled conditions, in order
   * @param names the conditions' names, in the same order
   * @param ignoreErrors whether the failure policy is {@code Ignore}
   */
  public MatchConditionMatcher(ExpressionFilter filter, List<String> names, boolean ignoreErrors) {
    this.filter = filter;
    this.names = List.copyOf(names);
    this.ignoreErrors = ignoreErrors;
    this.tracked =
        !(filter.withinPerCallLimit() && filter.maxCost() <= Budgets.MATCH_CONDITIONS_BUDGET);
  }

  /** Evaluates the conditions on {@code input}. */
  public MatchConditionResult match(EvaluationInput input) {
    FilterResult result = filter.evaluate(input, Budgets.MATCH_CONDITIONS_BUDGET, tracked);
    if (result instanceof FilterResult.Failed failed) {
      return ignoreErrors ? MatchConditionResult.SKIPPED : MatchConditionResult.error(failed.message());
    }
    List<String> errors = new ArrayList<>();
    List<ExpressionResult> results = ((FilterResult.Evaluated) result).results();
    for (int i = 0; i < results.size(); i++) {
      ExpressionResult r = results.get(i);
      if (r instanceof ExpressionResult.Error e) {
        errors.add(e.message());
      } else if (r instanceof ExpressionResult.Value v && Boolean.FALSE.equals(v.value())) {
        return new MatchConditionResult(false, null, names.get(i), i);
      }
    }
    if (!errors.isEmpty()) {
      return ignoreErrors ? MatchConditionResult.SKIPPED : MatchConditionResult.error(aggregate(errors));
    }
    return MatchConditionResult.MATCHED;
  }

  /**
   * Joins error texts as apimachinery's {@code utilerrors.NewAggregate(...).Error()}: duplicates
   * dropped, one error as itself, several as {@code [a, b]}.
   */
  public static String aggregate(List<String> errors) {
    if (errors.size() == 1) {
      return errors.get(0);
    }
    Set<String> distinct = new LinkedHashSet<>(errors);
    String joined = String.join(", ", distinct);
    return distinct.size() == 1 ? joined : "[" + joined + "]";
  }
}
