package io.gatehouse.cel;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.navigation.CelNavigableExpr;
import dev.cel.common.types.CelType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelUnknownSet;
import dev.cel.runtime.CelVariableResolver;
import io.gatehouse.cel.cost.CostEstimate;
import io.gatehouse.cel.cost.CostPlan;
import io.gatehouse.cel.cost.RuntimeCostTracker;
import org.jspecify.annotations.Nullable;

/**
 * A compiled expression, ready to evaluate any number of times.
 *
 * <p>Immutable and thread-safe: each evaluation uses its own activation and cost tracker.
 */
public final class CompiledExpression implements CompilationResult {

  private final String expression;
  private final CelAbstractSyntaxTree ast;
  private final CelRuntime.Program program;
  private final CelRuntime.@Nullable Program presenceProgram;
  private final CostEstimate estimatedCost;
  private final CostEstimate upstreamEstimatedCost;
  private final CostPlan costPlan;
  private final Environment environment;
  private final long maxExprId;

  CompiledExpression(
      String expression,
      CelAbstractSyntaxTree ast,
      CelRuntime.Program program,
      CelRuntime.@Nullable Program presenceProgram,
      CostEstimate estimatedCost,
      CostEstimate upstreamEstimatedCost,
      CostPlan costPlan,
      Environment environment) {
    this.expression = expression;
    this.ast = ast;
    this.program = program;
    this.presenceProgram = presenceProgram;
    this.estimatedCost = estimatedCost;
    this.upstreamEstimatedCost = upstreamEstimatedCost;
    this.costPlan = costPlan;
    this.environment = environment;
    this.maxExprId = CelNavigableAst.fromAst(ast).getRoot().allNodes()
        .mapToLong(CelNavigableExpr::id).max().orElse(0);
  }

  @Override
  public String expression() {
    return expression;
  }

  /** Returns the checked AST. */
  public CelAbstractSyntaxTree ast() {
    return ast;
  }

  /** Returns the type the checker inferred for the whole expression. */
  public CelType outputType() {
    return ast.getResultType();
  }

  /**
   * Returns a static bound of the runtime cost: for any activation whose variables respect the
   * environment's {@link Environment#variableSizeBounds() size bounds}, {@link
   * #evaluate(Activation, long)} charges at most {@code estimatedCost().max()}. When the sum of
   * these maxima fits a budget, evaluations may run untracked. {@code max()} is {@link
   * Long#MAX_VALUE} when nothing bounds the cost.
   *
   * <p>This is cel-go's estimator with the corrections that make it a bound of cel-go's runtime
   * cost; for upstream's own number see {@link #upstreamEstimatedCost()}.
   */
  public CostEstimate estimatedCost() {
    return estimatedCost;
  }

  /**
   * Returns cel-go's {@code EstimateCost} exactly as Kubernetes computes it (library estimates,
   * {@code has()} free), with the environment's size bounds as the size estimator. It is what
   * upstream's static checks compare to their limits (see {@link
   * io.gatehouse.cel.cost.StaticCostCheck}); it is not always an upper bound of the runtime cost.
   */
  public CostEstimate upstreamEstimatedCost() {
    return upstreamEstimatedCost;
  }

  /** Returns the environment this expression was compiled in. */
  public Environment environment() {
    return environment;
  }

  /**
   * Evaluates without cost tracking. Callers use this only when the static estimate shows that no
   * cost limit can be reached; the result's cost is {@link EvaluationResult#UNTRACKED}.
   */
  public EvaluationResult evaluate(Activation activation) {
    if (presenceProgram == null) {
      return evaluateUntracked(program, ast, maxExprId, activation);
    }
    try {
      return outcome(program.eval(resolver(activation)), EvaluationResult.UNTRACKED, ast);
    } catch (CelEvaluationException e) {
      // A presence test on a null or scalar operand fails here but is false in cel-go: evaluate
      // again with cel-go's presence semantics (see PresenceTests). Errors are rare, so the fast
      // path pays nothing for them.
      return evaluateUntracked(presenceProgram, ast, maxExprId, activation);
    }
  }

  /**
   * Evaluates {@code program}, planned from {@code ast}, without cost tracking, wording errors as
   * cel-go does.
   */
  static EvaluationResult evaluateUntracked(
      CelRuntime.Program program,
      CelAbstractSyntaxTree ast,
      long maxExprId,
      Activation activation) {
    try {
      Object value = program.eval(resolver(activation));
      return outcome(value, EvaluationResult.UNTRACKED, ast);
    } catch (CelEvaluationException first) {
      return new EvaluationResult.Failure(
          errorMessage(program, ast, maxExprId, activation, first),
          EvaluationResult.UNTRACKED,
          false);
    }
  }

  /**
   * Evaluates while charging cel-go's runtime cost, aborting once it exceeds {@code costLimit} with
   * cel-go's {@code operation cancelled: actual cost limit exceeded}.
   */
  public EvaluationResult evaluate(Activation activation, long costLimit) {
    return evaluate(activation, new RuntimeCostTracker(costPlan, costLimit));
  }

  /**
   * Evaluates while charging {@code tracker}, which must be fresh and built for this expression's
   * {@link #costPlan()}. The result carries the cost charged (when a failed evaluation is redone
   * with cel-go's presence-test semantics, on a fresh tracker: read the cost from the result); if the tracker's limit was passed
   * the result is the cost-limit failure, even when CEL's error-absorbing {@code ||}, {@code &&}
   * or comprehension swallowed the cancellation inside the expression.
   */
  public EvaluationResult evaluate(Activation activation, RuntimeCostTracker tracker) {
    if (presenceProgram == null) {
      return evaluate(program, activation, tracker);
    }
    EvaluationResult fast = evaluate(program, activation, tracker);
    if (!(fast instanceof EvaluationResult.Failure f) || f.costLimitExceeded()) {
      return fast;
    }
    // The fast program failed: perhaps on a presence test over a null or scalar operand, which
    // cel-go answers false. The presence program decides, charging as cel-go does on a fresh
    // tracker; the result's cost is the one that counts.
    return evaluate(presenceProgram, activation, tracker.fresh());
  }

  private EvaluationResult evaluate(
      CelRuntime.Program program, Activation activation, RuntimeCostTracker tracker) {
    Object value;
    try {
      value = program.trace(resolver(activation), tracker);
    } catch (CelEvaluationException e) {
      if (tracker.limitExceeded()) {
        return limitExceeded(tracker);
      }
      return new EvaluationResult.Failure(
          errorMessage(program, ast, maxExprId, activation, e), tracker.cost(), false);
    } catch (RuntimeException e) {
      if (!tracker.limitExceeded()) {
        throw e;
      }
      return limitExceeded(tracker);
    }
    if (tracker.limitExceeded()) {
      return limitExceeded(tracker);
    }
    return outcome(value, tracker.cost(), ast);
  }

  /** Returns the per-node cost plan runtime trackers of this expression charge from. */
  public CostPlan costPlan() {
    return costPlan;
  }

  private static EvaluationResult limitExceeded(RuntimeCostTracker tracker) {
    return new EvaluationResult.Failure(
        RuntimeCostTracker.LIMIT_EXCEEDED_MESSAGE, tracker.cost(), true);
  }

  /**
   * Words an evaluation error as cel-go does. Errors are rare: only then evaluate again, recording
   * operands (and charging nothing). Evaluation is deterministic (authorizer checks are cached per
   * request and variables memoised per evaluation), so the second run fails the same way.
   */
  private static String errorMessage(
      CelRuntime.Program program,
      CelAbstractSyntaxTree ast,
      long maxExprId,
      Activation activation,
      CelEvaluationException first) {
    EvaluatedValues values = new EvaluatedValues(maxExprId, null);
    try {
      program.trace(resolver(activation), values);
    } catch (CelEvaluationException e) {
      return CelErrors.runtimeMessage(e, ast, values);
    }
    return CelErrors.runtimeMessage(first, ast, values);
  }

  /** A result that is an unknown set means a variable was unbound: cel-go reports an error. */
  private static EvaluationResult outcome(Object value, long cost, CelAbstractSyntaxTree ast) {
    if (value instanceof CelUnknownSet unknown) {
      return new EvaluationResult.Failure(CelErrors.unboundMessage(unknown, ast), cost, false);
    }
    return new EvaluationResult.Success(value, cost);
  }

  private static CelVariableResolver resolver(Activation activation) {
    return activation::resolve;
  }

  @Override
  public String toString() {
    return "CompiledExpression[" + expression + "]";
  }
}
