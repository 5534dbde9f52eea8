package io.gatehouse.admission.expression;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compiled variables of one policy (upstream's composition state). Each filter evaluation binds
 * a fresh {@link LazyVariables}, so a variable is evaluated at most once per filter evaluation.
 *
 * <p>Immutable and thread-safe.
 */
public final class Composition {

  /** A policy without variables. */
  public static final Composition NONE = new Composition(Map.of());

  private final Map<String, CompiledCondition> variables;

  /** Creates a composition of {@code variables} by name; a later duplicate name wins. */
  public Composition(Map<String, CompiledCondition> variables) {
    this.variables = Map.copyOf(new LinkedHashMap<>(variables));
  }

  /** Returns the variables by name. */
  public Map<String, CompiledCondition> variables() {
    return variables;
  }

  /** Returns the sum of the variables' static maximum costs, saturating. */
  public long maxCost() {
    return ExpressionFilter.saturatedSum(List.copyOf(variables.values()));
  }

  /** Returns whether every variable's static maximum cost is within the per-call limit. */
  boolean withinPerCallLimit() {
    return variables.values().stream().allMatch(v -> v.maxCost() <= Budgets.PER_CALL_LIMIT);
  }
}
