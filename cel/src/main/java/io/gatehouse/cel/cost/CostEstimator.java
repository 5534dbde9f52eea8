package io.gatehouse.cel.cost;

import dev.cel.common.CelAbstractSyntaxTree;
import io.gatehouse.cel.Environment;

/**
 * Static cost estimation of checked expressions: cel-go's estimator ({@code checker/cost.go}) with
 * Kubernetes' library estimates ({@code apiserver/pkg/cel/library/cost.go}, {@code
 * EstimateCallCost}) and {@code has()} at cost 0, as Kubernetes configures it.
 *
 * <p>Two results are offered because cel-go's estimate is not an upper bound of cel-go's runtime
 * cost in a few places (a select on a {@code dyn} value costs 1 at runtime and 0 in the estimate;
 * {@code startsWith} is charged on the receiver's size at runtime and on the argument's in the
 * estimate; …):
 *
 * <ul>
 *   <li>{@link #estimate} reproduces upstream's number, for upstream's static checks and messages;
 *   <li>{@link #bound} is an upper bound of what {@link RuntimeCostTracker} charges for any input
 *       whose variables respect the environment's declared size bounds, for deciding whether an
 *       evaluation can run untracked.
 * </ul>
 *
 * <p>Stateless; thread-safe.
 */
public final class CostEstimator {

  private CostEstimator() {}

  /** cel-go's {@code EstimateCost} of {@code ast} as Kubernetes would compute it. */
  public static CostEstimate estimate(CelAbstractSyntaxTree ast, Environment environment) {
    return estimate(ast, CostModel.of(environment), sizes(environment), false).toEstimate();
  }

  /**
   * A range containing the runtime cost of every successful evaluation of {@code ast} whose inputs
   * respect the environment's variable size bounds: {@code min} is 0 (constant folding and errors
   * make evaluations cheaper than any static minimum), {@code max} the bound. A bound derived from
   * an unknown size (cel-go's {@code math.MaxUint64}, scaled by cost factors) or otherwise above
   * 2^60 is reported as {@link Long#MAX_VALUE}.
   */
  public static CostEstimate bound(CelAbstractSyntaxTree ast, Environment environment) {
    return bound(estimate(ast, CostModel.of(environment), sizes(environment), true));
  }

  static CostEstimate bound(Range range) {
    long max = range.max();
    return new CostEstimate(0, max < 0 || max > UNBOUNDED_ABOVE ? Long.MAX_VALUE : max);
  }

  private static final long UNBOUNDED_ABOVE = 1L << 60;

  static Range estimate(
      CelAbstractSyntaxTree ast, CostModel model, SizeEstimator sizes, boolean bound) {
    return new Coster(ast, model, sizes, bound).estimate();
  }

  private static SizeEstimator sizes(Environment environment) {
    return new VariableSizeBounds(environment.variableSizeBounds());
  }
}
