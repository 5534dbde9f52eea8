package io.gatehouse.admission.expression;

import io.gatehouse.cel.Activation;
import io.gatehouse.cel.EvaluationResult;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The runtime value of {@code variables} for one filter evaluation: a map whose entries are
 * evaluated on first read and memoised with their errors (upstream's {@code lazy.MapValue}). The
 * cost of each evaluation is accumulated for the filter to charge.
 *
 * <p>Not thread-safe: used by the evaluating thread only.
 */
final class LazyVariables extends AbstractMap<String, Object> {

  private record Failure(String message) {}

  private final Composition composition;
  private final EvaluationInput input;
  private final boolean tracked;
  private final Map<String, Object> memo = new HashMap<>();
  private long cost;

  LazyVariables(Composition composition, EvaluationInput input, boolean tracked) {
    this.composition = composition;
    this.input = input;
    this.tracked = tracked;
  }

  /** Returns the activation of expressions (and variables) of this evaluation. */
  Activation activation() {
    return name -> {
      if (name.equals("variables")) {
        return Optional.of(this);
      }
      return Optional.ofNullable(input.resolve(name));
    };
  }

  /** Returns the cost accumulated since the last call, and resets it. */
  long takeCost() {
    long c = cost;
    cost = 0;
    return c;
  }

  @Override
  public boolean containsKey(@Nullable Object key) {
    return composition.variables().containsKey(key);
  }

  @Override
  public @Nullable Object get(@Nullable Object key) {
    if (!(key instanceof String name) || !composition.variables().containsKey(name)) {
      return null;
    }
    Object value = memo.get(name);
    if (value == null) {
      value = evaluate(name, composition.variables().get(name));
      memo.put(name, value);
    }
    if (value instanceof Failure f) {
      throw new VariableException(f.message());
    }
    return value;
  }

  private Object evaluate(String name, CompiledCondition variable) {
    if (variable.program() == null) {
      return new Failure(
          "composited variable \"" + name + "\" fails to compile: " + variable.error());
    }
    EvaluationResult result =
        tracked
            ? variable.program().evaluate(activation(), Budgets.PER_CALL_LIMIT)
            : variable.program().evaluate(activation());
    if (result.cost() > 0) {
      cost = ExpressionFilter.saturatedAdd(cost, result.cost());
    }
    return switch (result) {
      case EvaluationResult.Success s -> s.value();
      case EvaluationResult.Failure f ->
          new Failure("composited variable \"" + name + "\" fails to evaluate: " + f.message());
    };
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    Set<Entry<String, Object>> entries = new LinkedHashSet<>();
    for (String name : composition.variables().keySet()) {
      entries.add(new SimpleImmutableEntry<>(name, get(name)));
    }
    return entries;
  }
}
