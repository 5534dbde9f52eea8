package io.gatehouse.api.resource;

/**
 * Go's {@code math.Pow10}: the same tables and the same single multiplication or division, so that
 * {@link Quantity#asApproximateFloat64()} rounds exactly as apimachinery's does.
 */
final class Pow10 {

  private static final double[] TAB = {
    1e00, 1e01, 1e02, 1e03, 1e04, 1e05, 1e06, 1e07, 1e08, 1e09,
    1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
    1e20, 1e21, 1e22, 1e23, 1e24, 1e25, 1e26, 1e27, 1e28, 1e29,
    1e30, 1e31,
  };
  private static final double[] POS_TAB_32 = {
    1e00, 1e32, 1e64, 1e96, 1e128, 1e160, 1e192, 1e224, 1e256, 1e288,
  };
  private static final double[] NEG_TAB_32 = {
    1e-00, 1e-32, 1e-64, 1e-96, 1e-128, 1e-160, 1e-192, 1e-224, 1e-256, 1e-288, 1e-320,
  };

  private Pow10() {}

  /** Returns {@code 10^n}: {@code +Inf} above 308, {@code 0} below -323. */
  static double of(int n) {
    if (0 <= n && n <= 308) {
      return POS_TAB_32[n / 32] * TAB[n % 32];
    }
    if (-323 <= n && n <= 0) {
      return NEG_TAB_32[-n / 32] / TAB[-n % 32];
    }
    return n > 0 ? Double.POSITIVE_INFINITY : 0;
  }
}
