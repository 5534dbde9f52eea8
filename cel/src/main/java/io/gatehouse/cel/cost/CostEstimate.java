package io.gatehouse.cel.cost;

/**
 * A static cost range, as cel-go's {@code checker.CostEstimate} (whose unsigned values at or above
 * 2^63 read here as {@link Long#MAX_VALUE}).
 *
 * <p>For cel-go's own estimate ({@code CompiledExpression.upstreamEstimatedCost()}) the range is
 * cel-go's: {@code min} is the cost of the cheapest short-circuit path. For a runtime bound ({@code
 * CompiledExpression.estimatedCost()}) {@code min} is 0 and {@code max} bounds every evaluation
 * within the declared input sizes.
 *
 * @param min the estimated minimum
 * @param max the estimated maximum; {@link Long#MAX_VALUE} when unbounded
 */
public record CostEstimate(long min, long max) {

  /** The estimate of an expression whose cost nothing bounds. */
  public static final CostEstimate UNBOUNDED = new CostEstimate(0, Long.MAX_VALUE);

  /** Returns an estimate of exactly {@code cost}. */
  public static CostEstimate of(long cost) {
    return new CostEstimate(cost, cost);
  }

  /** Returns the saturating sum of two estimates. */
  public CostEstimate add(CostEstimate other) {
    return new CostEstimate(saturatedAdd(min, other.min), saturatedAdd(max, other.max));
  }

  static long saturatedAdd(long a, long b) {
    long r = a + b;
    return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
  }
}
