package io.gatehouse.cel.cost;

import dev.cel.common.ast.CelExpr;
import dev.cel.runtime.CelEvaluationListener;
import org.jspecify.annotations.Nullable;

/**
 * Charges cel-go's runtime cost for one evaluation, as Kubernetes configures cel-go, and cancels
 * the evaluation once the cost passes the limit (cel-go's {@code CostObserver} with {@code
 * CostLimit}).
 *
 * <p>cel-java calls {@link #callback} after each evaluated node, in post-order, including every
 * pass through a comprehension loop. The tracker charges the node from its {@link CostPlan}: a
 * fixed amount for most nodes, and for size-dependent calls a formula over the argument values it
 * kept from earlier callbacks (in an array indexed by expression id, so that charging allocates
 * nothing).
 *
 * <p>Once the cost exceeds the limit every further callback throws, so an error absorbed by
 * {@code ||}, {@code &&} or a comprehension cannot hide the cancellation; callers must still check
 * {@link #limitExceeded()} after the evaluation returns, because the throw of the final callback
 * may itself be absorbed.
 *
 * <p>Not thread-safe: one tracker per evaluation.
 */
public final class RuntimeCostTracker implements CelEvaluationListener {

  /** cel-go's error text for an evaluation cancelled by the cost limit. */
  public static final String LIMIT_EXCEEDED_MESSAGE =
      "operation cancelled: actual cost limit exceeded";

  /**
   * Functions whose calls exist only in the runtime AST (the checked AST has no such node and
   * cel-go evaluates nothing there) start with this prefix; their calls are not charged.
   */
  public static final String UNCHARGED_FUNCTION_PREFIX = "@gatehouse.";

  private final CostPlan plan;
  private final long limit;
  private final @Nullable Object[] values;
  private long cost;
  private boolean exceeded;
  /** The operand of a {@code _?._} whose second (uncharged) evaluation may be under way, or 0. */
  private int duplicateOf;
  private int duplicateParent;

  /**
   * Creates a tracker for one evaluation.
   *
   * @param plan the plan of the expression being evaluated
   * @param limit the per-expression cost limit; the evaluation is cancelled once the cost exceeds it
   */
  public RuntimeCostTracker(CostPlan plan, long limit) {
    this.plan = plan;
    this.limit = limit;
    this.values = plan.keepsValues ? new Object[plan.size()] : new Object[1];
  }

  /** Returns a new tracker for another evaluation of the same expression, with the same limit. */
  public RuntimeCostTracker fresh() {
    return new RuntimeCostTracker(plan, limit);
  }

  @Override
  public void callback(CelExpr expr, @Nullable Object evaluatedResult) {
    int id = (int) expr.id();
    if (id < 0 || id >= plan.size()) {
      if (expr.getKind() == CelExpr.ExprKind.Kind.CALL
          && expr.call().function().startsWith(UNCHARGED_FUNCTION_PREFIX)) {
        return;
      }
      // A node the checked AST does not have: charge it as a plain call.
      charge(1);
      return;
    }
    if (duplicateOf != 0 && skipsDuplicate(id)) {
      return;
    }
    CallFormula f = plan.formula[id];
    cost += f == null ? plan.fixed[id] : plan.dynamicCost(id, f, values, evaluatedResult);
    if (plan.keep[id]) {
      values[id] = evaluatedResult;
    }
    int optionalSelect = plan.optionalSelectOf[id];
    if (optionalSelect != 0) {
      duplicateOf = id;
      duplicateParent = optionalSelect;
    }
    charge(0);
  }

  private void charge(long amount) {
    cost += amount;
    if (cost > limit) {
      exceeded = true;
      throw new CostLimitExceededException();
    }
  }

  /**
   * cel-java evaluates the operand of {@code a.?b} a second time when it is a map (or has the
   * field); cel-go evaluates it once. Callbacks of the second evaluation are not charged.
   */
  private boolean skipsDuplicate(int id) {
    if (id == duplicateOf) {
      duplicateOf = 0;
      return true;
    }
    if (id != duplicateParent && plan.isDescendant(id, duplicateOf)) {
      return true;
    }
    duplicateOf = 0;
    return false;
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
