package io.gatehouse.cel.library;

import com.google.common.primitives.UnsignedLong;

/**
 * cel-go's ordering of int, uint and double values across types ({@code compareIntDouble} and
 * friends): ints are converted to double for comparison with doubles, out-of-range doubles order
 * beyond every int or uint, and NaN (which cel-go refuses to order) yields 0.
 *
 * <p>Stateless; thread-safe.
 */
final class NumericOrder {

  private static final double INT_MIN = -0x1p63;
  private static final double INT_MAX = 0x1p63;
  private static final double UINT_MAX = 0x1p64;

  private NumericOrder() {}

  /** Returns -1, 0 or 1; 0 also when either side is NaN or not a CEL number. */
  static int compare(Number a, Number b) {
    if (a instanceof Double x && Double.isNaN(x) || b instanceof Double y && Double.isNaN(y)) {
      return 0;
    }
    if (a instanceof Long x) {
      if (b instanceof Long y) {
        return Long.compare(x, y);
      }
      if (b instanceof UnsignedLong y) {
        return intUint(x, y);
      }
      if (b instanceof Double y) {
        return intDouble(x, y);
      }
    }
    if (a instanceof UnsignedLong x) {
      if (b instanceof UnsignedLong y) {
        return Integer.signum(x.compareTo(y));
      }
      if (b instanceof Long y) {
        return -intUint(y, x);
      }
      if (b instanceof Double y) {
        return uintDouble(x, y);
      }
    }
    if (a instanceof Double x) {
      if (b instanceof Double y) {
        return doubles(x, y);
      }
      if (b instanceof Long y) {
        return -intDouble(y, x);
      }
      if (b instanceof UnsignedLong y) {
        return -uintDouble(y, x);
      }
    }
    return 0;
  }

  private static int intUint(long i, UnsignedLong u) {
    if (i < 0 || u.compareTo(UnsignedLong.valueOf(Long.MAX_VALUE)) > 0) {
      return -1;
    }
    return Long.compare(i, u.longValue());
  }

  private static int intDouble(long i, double d) {
    if (d < INT_MIN) {
      return 1;
    }
    if (d > INT_MAX) {
      return -1;
    }
    return doubles((double) i, d);
  }

  private static int uintDouble(UnsignedLong u, double d) {
    if (d < 0) {
      return 1;
    }
    if (d > UINT_MAX) {
      return -1;
    }
    return doubles(u.doubleValue(), d);
  }

  private static int doubles(double x, double y) {
    return x < y ? -1 : x > y ? 1 : 0;
  }
}
