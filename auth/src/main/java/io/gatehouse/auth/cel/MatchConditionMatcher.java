package io.gatehouse.auth.cel;

import io.gatehouse.api.authz.RequestAttributes;
import io.gatehouse.auth.Aggregate;
import io.gatehouse.cel.Activation;
import io.gatehouse.cel.CelValues;
import io.gatehouse.cel.EvaluationResult;
import io.gatehouse.cel.KubernetesVersion;
import io.gatehouse.cel.cost.CostLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a webhook's compiled matchConditions as upstream's {@code CELMatcher.Eval}: in order,
 * each with the per-call cost limit (1,000,000); the first {@code false} skips the webhook
 * whatever errors came before; otherwise errors, worded {@code cel evaluation error: expression
 * '<expr>' resulted in error: <err>} and aggregated, leave the decision to the failure policy.
 *
 * <p>Immutable and thread-safe.
 */
public final class MatchConditionMatcher {

  private final List<CompiledMatchCondition.Compiled> conditions;
  private final KubernetesVersion version;

  private MatchConditionMatcher(
      List<CompiledMatchCondition.Compiled> conditions, KubernetesVersion version) {
    this.conditions = List.copyOf(conditions);
    this.version = version;
  }

  /** Returns a matcher over {@code conditions}, evaluated with {@code version}'s request shape. */
  public static MatchConditionMatcher of(
      List<CompiledMatchCondition.Compiled> conditions, KubernetesVersion version) {
    return new MatchConditionMatcher(conditions, version);
  }

  /** Returns whether there are no conditions (every request matches). */
  public boolean isEmpty() {
    return conditions.isEmpty();
  }

  /** Evaluates the conditions for {@code attributes}. */
  public MatchResult match(RequestAttributes attributes) {
    if (conditions.isEmpty()) {
      return new MatchResult.Matched();
    }
    Map<String, Object> request = RequestValue.celValue(attributes, version);
    Object value = CelValues.fromJson(request);
    Activation activation = Activation.of(Map.of(MatchConditionCompiler.REQUEST, value));
    List<String> errors = new ArrayList<>();
    for (int i = 0; i < conditions.size(); i++) {
      CompiledMatchCondition.Compiled c = conditions.get(i);
      EvaluationResult r = c.program().evaluate(activation, CostLimits.PER_CALL_LIMIT);
      switch (r) {
        case EvaluationResult.Failure f -> errors.add("cel evaluation error: expression '"
            + c.expression() + "' resulted in error: " + f.message());
        case EvaluationResult.Success s -> {
          if (Boolean.FALSE.equals(s.value())) {
            return new MatchResult.NotMatched(i, c.expression());
          }
          if (!(s.value() instanceof Boolean)) {
            errors.add("cel evaluation error: expression '" + c.expression()
                + "' eval result value should be bool but got " + s.value());
          }
        }
      }
    }
    if (!errors.isEmpty()) {
      return new MatchResult.Errored(Aggregate.message(errors));
    }
    return new MatchResult.Matched();
  }
}
