package io.gatehouse.cel.cost;

/**
 * Saturating arithmetic on Java {@code long}s read as unsigned 64-bit integers, the number type of
 * cel-go's cost model ({@code uint64} that sticks at {@code math.MaxUint64} instead of wrapping).
 *
 * <p>Stateless; thread-safe.
 */
final class Uint64 {

  /** {@code math.MaxUint64}. */
  static final long MAX = -1L;

  private static final double TWO_TO_64 = 0x1p64;

  private Uint64() {}

  static long add(long x, long y) {
    long r = x + y;
    return Long.compareUnsigned(r, x) < 0 ? MAX : r;
  }

  static long multiply(long x, long y) {
    if (y != 0 && Long.compareUnsigned(x, Long.divideUnsigned(MAX, y)) > 0) {
      return MAX;
    }
    return x * y;
  }

  /** cel-go's {@code multiplyByCostFactor}: {@code ceil(x * factor)}, saturating. */
  static long multiplyByCostFactor(long x, double factor) {
    double xd = toDouble(x);
    if (xd > 0 && factor > 0 && xd > TWO_TO_64 / factor) {
      return MAX;
    }
    double ceil = Math.ceil(xd * factor);
    if (ceil >= TWO_TO_64) {
      return MAX;
    }
    return fromDouble(ceil);
  }

  static long min(long x, long y) {
    return Long.compareUnsigned(x, y) <= 0 ? x : y;
  }

  static long max(long x, long y) {
    return Long.compareUnsigned(x, y) >= 0 ? x : y;
  }

  static boolean less(long x, long y) {
    return Long.compareUnsigned(x, y) < 0;
  }

  /** Go's {@code float64(x)} for an unsigned {@code x}. */
  static double toDouble(long x) {
    if (x >= 0) {
      return x;
    }
    return ((x >>> 1) | (x & 1)) * 2.0;
  }

  /** Go's {@code uint64(d)} for {@code 0 <= d < 2^64}, truncating. */
  static long fromDouble(double d) {
    if (d < 0x1p63) {
      return (long) d;
    }
    return (long) (d - 0x1p63) + Long.MIN_VALUE;
  }

  /** Clamps to the signed range, mapping anything at or above 2^63 to {@link Long#MAX_VALUE}. */
  static long saturateToSigned(long x) {
    return x < 0 ? Long.MAX_VALUE : x;
  }
}
