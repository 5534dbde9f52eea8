package io.gatehouse.cel.cost;

/**
 * A static cost range, as cel-go's {@code checker.CostEstimate}.
 *
 * @param min the least cost any evaluation can have
 * @param max the greatest cost any evaluation can have; {@link Long#MAX_VALUE} when unbounded
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
