package io.gatehouse.cel;

import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelExpr.ExprKind.Kind;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The nodes of one checked expression that cel-go's planner, run with {@code cel.OptOptimize} as
 * Kubernetes runs it, has turned into constants by the time it plans their parent: literals, type
 * names and enum constants, list and map literals of constants, and calls of a type conversion
 * function ({@code bool bytes double duration dyn int string timestamp type uint}) on a constant.
 * Library hooks ({@link KubernetesLibrary#programError}) use it to see the operands cel-go
 * precompiles, e.g. the pattern of {@code find(dyn('['))}.
 *
 * <p>Filled while the planner walks the expression bottom-up, so a node's parent only sees it once
 * it is decided. Values are computed on demand and cached. Not thread-safe: one instance per
 * compilation.
 */
public final class FoldedConstants {

  private final Set<Long> constants = new HashSet<>();
  private final Map<Long, Optional<Object>> values = new HashMap<>();
  private final Function<CelExpr, EvaluationResult> evaluator;

  /** @param evaluator evaluates a constant node with no variables bound */
  FoldedConstants(Function<CelExpr, EvaluationResult> evaluator) {
    this.evaluator = evaluator;
  }

  /** Returns whether cel-go's planner made {@code expr} a constant. */
  public boolean isConstant(CelExpr expr) {
    return constants.contains(expr.id());
  }

  /**
   * Returns the constant value of {@code expr} as cel-java represents it ({@code String}, {@code
   * Long}, …); empty if {@code expr} is not a constant or (for a constant map literal) evaluating
   * it fails.
   */
  public Optional<Object> value(CelExpr expr) {
    if (!isConstant(expr)) {
      return Optional.empty();
    }
    if (expr.getKind() == Kind.CONSTANT
        && expr.constant().getKind() == CelConstant.Kind.STRING_VALUE) {
      return Optional.of(expr.constant().stringValue());
    }
    return values.computeIfAbsent(
        expr.id(),
        id ->
            evaluator.apply(expr) instanceof EvaluationResult.Success s
                ? Optional.ofNullable(s.value())
                : Optional.empty());
  }

  /** Marks {@code expr} a constant whose value is computed on demand. */
  void add(CelExpr expr) {
    constants.add(expr.id());
  }

  /** Marks {@code expr} a constant of the already computed {@code value}. */
  void add(CelExpr expr, Object value) {
    constants.add(expr.id());
    values.put(expr.id(), Optional.ofNullable(value));
  }

  /**
   * Evaluates {@code expr}, a conversion call, as cel-go does when it folds it: empty on success
   * (and {@code expr} becomes a constant), otherwise cel-go's error text.
   */
  Optional<String> fold(CelExpr expr) {
    EvaluationResult result = evaluator.apply(expr);
    return switch (result) {
      case EvaluationResult.Success s -> {
        add(expr, s.value());
        yield Optional.empty();
      }
      case EvaluationResult.Failure f -> Optional.of(f.message());
    };
  }
}
