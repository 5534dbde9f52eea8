package io.gatehouse.cel.cost;

/**
 * cel-go's {@code SizeEstimate} and {@code CostEstimate}: a {@code [min, max]} range of unsigned
 * 64-bit values whose arithmetic saturates at {@code math.MaxUint64}.
 *
 * @param min the lower bound, unsigned
 * @param max the upper bound, unsigned
 */
record Range(long min, long max) {

  static final Range ZERO = new Range(0, 0);
  static final Range ONE = new Range(1, 1);
  static final Range UNKNOWN = new Range(0, Uint64.MAX);
  /** The identity of {@link #union}: cel-go's {@code CostEstimate{Min: MaxUint64, Max: 0}}. */
  static final Range EMPTY_UNION = new Range(Uint64.MAX, 0);

  static Range fixed(long value) {
    return new Range(value, value);
  }

  Range add(Range other) {
    return new Range(Uint64.add(min, other.min), Uint64.add(max, other.max));
  }

  Range multiply(Range other) {
    return new Range(Uint64.multiply(min, other.min), Uint64.multiply(max, other.max));
  }

  Range multiplyByCostFactor(double factor) {
    return new Range(
        Uint64.multiplyByCostFactor(min, factor), Uint64.multiplyByCostFactor(max, factor));
  }

  Range union(Range other) {
    return new Range(Uint64.min(min, other.min), Uint64.max(max, other.max));
  }

  /** The public, signed view: values at or above 2^63 become {@link Long#MAX_VALUE}. */
  CostEstimate toEstimate() {
    return new CostEstimate(Uint64.saturateToSigned(min), Uint64.saturateToSigned(max));
  }
}
