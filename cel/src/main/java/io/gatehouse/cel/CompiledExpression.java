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
import io.gatehouse.cel.cost.RuntimeCostTracker;

/**
 * A compiled expression, ready to evaluate any number of times.
 *
 * <p>Immutable and thread-safe: each evaluation uses its own activation and cost tracker.
 */
public final class CompiledExpression implements CompilationResult {

  private final String expression;
  private final CelAbstractSyntaxTree ast;
  private final CelRuntime.Program program;
  private final CostEstimate estimatedCost;
  private final Environment environment;
  private final long maxExprId;

  CompiledExpression(
      String expression,
      CelAbstractSyntaxTree ast,
      CelRuntime.Program program,
      CostEstimate estimatedCost,
      Environment environment) {
    this.expression = expression;
    this.ast = ast;
    this.program = program;
    this.estimatedCost = estimatedCost;
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

  /** Returns the static cost estimate (cel-go's estimator rules with Kubernetes' size bounds). */
  public CostEstimate estimatedCost() {
    return estimatedCost;
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
    try {
      Object value = program.eval(resolver(activation));
      return outcome(value, EvaluationResult.UNTRACKED);
    } catch (CelEvaluationException first) {
      // Errors are rare: only then evaluate again, recording operands, to word the error as
      // cel-go does. Evaluation is deterministic (authorizer checks are cached per request and
      // variables memoised per evaluation), so the second run fails the same way.
      EvaluatedValues values = new EvaluatedValues(maxExprId, null);
      try {
        program.trace(resolver(activation), values);
      } catch (CelEvaluationException e) {
        return new EvaluationResult.Failure(
            CelErrors.runtimeMessage(e, ast, values), EvaluationResult.UNTRACKED, false);
      }
      return new EvaluationResult.Failure(
          CelErrors.runtimeMessage(first, ast, values), EvaluationResult.UNTRACKED, false);
    }
  }

  /**
   * Evaluates while charging cel-go's runtime cost, aborting once it exceeds {@code costLimit} with
   * cel-go's {@code operation cancelled: actual cost limit exceeded}.
   */
  public EvaluationResult evaluate(Activation activation, long costLimit) {
    RuntimeCostTracker tracker =
        new RuntimeCostTracker(ast, costLimit, environment.strictCost());
    EvaluatedValues values = new EvaluatedValues(maxExprId, tracker);
    Object value;
    try {
      value = program.trace(resolver(activation), values);
    } catch (CelEvaluationException e) {
      if (tracker.limitExceeded()) {
        return new EvaluationResult.Failure(
            RuntimeCostTracker.LIMIT_EXCEEDED_MESSAGE, tracker.cost(), true);
      }
      return new EvaluationResult.Failure(
          CelErrors.runtimeMessage(e, ast, values), tracker.cost(), false);
    }
    if (tracker.limitExceeded()) {
      // The limit was hit inside a branch whose error CEL's commutative logic absorbed; cel-go
      // cancels the whole evaluation in that case.
      return new EvaluationResult.Failure(
          RuntimeCostTracker.LIMIT_EXCEEDED_MESSAGE, tracker.cost(), true);
    }
    return outcome(value, tracker.cost());
  }

  /** A result that is an unknown set means a variable was unbound: cel-go reports an error. */
  private EvaluationResult outcome(Object value, long cost) {
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
