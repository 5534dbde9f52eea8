package io.gatehouse.cel.cost;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelExpr;
import dev.cel.runtime.CelEvaluationListener;

/**
 * Charges cel-go's runtime cost for one evaluation and cancels it once the limit is passed.
 * Work in progress: charges one unit per non-constant node.
 *
 * <p>Not thread-safe: one tracker per evaluation.
 */
public final class RuntimeCostTracker implements CelEvaluationListener {

  /** cel-go's error text for an evaluation cancelled by the cost limit. */
  public static final String LIMIT_EXCEEDED_MESSAGE =
      "operation cancelled: actual cost limit exceeded";

  private final long limit;
  private long cost;
  private boolean exceeded;

  /**
   * Creates a tracker for one evaluation of {@code ast}.
   *
   * @param limit the per-expression cost limit
   * @param strict whether Kubernetes' library cost model is charged
   */
  public RuntimeCostTracker(CelAbstractSyntaxTree ast, long limit, boolean strict) {
    this.limit = limit;
  }

  @Override
  public void callback(CelExpr expr, Object evaluatedResult) {
    switch (expr.exprKind().getKind()) {
      case CONSTANT -> {}
      default -> cost++;
    }
    if (cost > limit) {
      exceeded = true;
      throw new CostLimitExceededException();
    }
  }

  /** Returns the cost charged so far. */
  public long cost() {
    return cost;
  }

  /** Returns whether the limit was passed. */
  public boolean limitExceeded() {
    return exceeded;
  }

  /** Thrown from the listener to abort evaluation. */
  static final class CostLimitExceededException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CostLimitExceededException() {
      super(LIMIT_EXCEEDED_MESSAGE, null, false, false);
    }
  }
}
