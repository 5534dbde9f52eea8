package io.gatehouse.cel;

import dev.cel.common.ast.CelExpr;
import dev.cel.runtime.CelEvaluationListener;
import org.jspecify.annotations.Nullable;

/**
 * Remembers the latest value each expression node evaluated to during one evaluation, so that an
 * error can be worded from its operands as cel-go words it ({@code no such overload: int(list)},
 * {@code unsupported index type 'string' in list}). Inside comprehensions the latest value is the
 * one of the iteration that failed, because evaluation stops at the error.
 *
 * <p>Forwards every callback to an optional delegate (the cost tracker) first, so the delegate can
 * still abort the evaluation. Not thread-safe: one instance per evaluation.
 */
final class EvaluatedValues implements CelEvaluationListener {

  private static final Object ABSENT = new Object();

  private final Object[] values;
  private final @Nullable CelEvaluationListener delegate;

  /**
   * @param maxExprId the largest expression id of the checked AST
   * @param delegate a listener to forward to, or null
   */
  EvaluatedValues(long maxExprId, @Nullable CelEvaluationListener delegate) {
    this.values = new Object[Math.toIntExact(maxExprId + 1)];
    java.util.Arrays.fill(values, ABSENT);
    this.delegate = delegate;
  }

  @Override
  public void callback(CelExpr expr, Object evaluatedResult) {
    if (delegate != null) {
      delegate.callback(expr, evaluatedResult);
    }
    long id = expr.id();
    if (id >= 0 && id < values.length) {
      values[(int) id] = evaluatedResult;
    }
  }

  /** Returns whether node {@code exprId} produced a value during this evaluation. */
  boolean has(long exprId) {
    return exprId >= 0 && exprId < values.length && values[(int) exprId] != ABSENT;
  }

  /**
   * Returns the latest value of node {@code exprId}.
   *
   * @throws IllegalStateException if the node produced no value ({@link #has} is false)
   */
  Object get(long exprId) {
    if (!has(exprId)) {
      throw new IllegalStateException("no value recorded for expression " + exprId);
    }
    return values[(int) exprId];
  }
}
