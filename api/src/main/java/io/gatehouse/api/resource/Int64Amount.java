package io.gatehouse.api.resource;

import java.math.BigDecimal;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * {@code value × 10^scale} with a 64-bit mantissa: apimachinery's fast representation
 * ({@code int64Amount}). Arithmetic reports overflow instead of wrapping so that callers can fall
 * back to {@link DecAmount}; scale arithmetic is 32-bit and wraps, as apimachinery's does.
 *
 * @param value the mantissa
 * @param scale the base-10 exponent
 */
record Int64Amount(long value, int scale) implements Amount {

  @Override
  public int signum() {
    return Long.signum(value);
  }

  @Override
  public BigDecimal toBigDecimal() {
    return BigDecimal.valueOf(value, -scale);
  }

  /** Returns the value at scale 0 if that is exact and fits, as apimachinery's AsInt64. */
  OptionalLong asInt64() {
    if (scale == 0) {
      return OptionalLong.of(value);
    }
    if (scale < 0) {
      return OptionalLong.empty();
    }
    return positiveScale(value, scale);
  }

  /** Returns {@code this + b}, or null if the int64 form would overflow. */
  @Nullable Int64Amount add(Int64Amount b) {
    if (b.value == 0) {
      return this;
    }
    if (value == 0) {
      return b;
    }
    if (scale == b.scale) {
      long sum = value + b.value;
      return overflowed(value, b.value, sum) ? null : new Int64Amount(sum, scale);
    }
    if (scale > b.scale) {
      OptionalLong aligned = positiveScale(value, scale - b.scale);
      if (aligned.isEmpty()) {
        return null;
      }
      long sum = aligned.getAsLong() + b.value;
      return overflowed(aligned.getAsLong(), b.value, sum) ? null : new Int64Amount(sum, b.scale);
    }
    OptionalLong aligned = positiveScale(b.value, b.scale - scale);
    if (aligned.isEmpty()) {
      return null;
    }
    long sum = value + aligned.getAsLong();
    return overflowed(value, aligned.getAsLong(), sum) ? null : new Int64Amount(sum, scale);
  }

  /**
   * Returns this amount rounded away from zero to at least {@code minScale}, and whether that was
   * exact.
   */
  Rounded asScale(int minScale) {
    if (scale >= minScale) {
      return new Rounded(this, true);
    }
    long[] r = negativeScale(value, minScale - scale);
    return new Rounded(new Int64Amount(r[0], minScale), r[1] == 1);
  }

  /** The result of {@link #asScale}: the amount and whether rounding was exact. */
  record Rounded(Int64Amount amount, boolean exact) {}

  @Override
  public Canonical canonical() {
    long amount = value;
    int times = 0;
    long magnitude = Math.abs(amount);
    while (magnitude >= 10 && magnitude % 10 == 0) {
      times++;
      magnitude /= 10;
    }
    if (times > 0) {
      amount = amount < 0 ? -magnitude : magnitude;
    }
    int exponent = scale + times;
    switch (exponent % 3) {
      case 1, -2 -> {
        OptionalLong m = multiplyScale(amount, 10);
        if (m.isEmpty()) {
          return new DecAmount(toBigDecimal()).canonical();
        }
        return new Canonical(Long.toString(m.getAsLong()), exponent - 1);
      }
      case 2, -1 -> {
        OptionalLong m = multiplyScale(amount, 100);
        if (m.isEmpty()) {
          return new DecAmount(toBigDecimal()).canonical();
        }
        return new Canonical(Long.toString(m.getAsLong()), exponent - 2);
      }
      default -> {
        return new Canonical(Long.toString(amount), exponent);
      }
    }
  }

  /** Returns the digits and exponent of 1024 of this amount, whose scale must not be negative. */
  Canonical canonicalBase1024() {
    OptionalLong whole = positiveScale(value, scale);
    if (whole.isEmpty()) {
      return new DecAmount(toBigDecimal()).canonicalBase1024();
    }
    long amount = whole.getAsLong();
    int times = 0;
    long magnitude = Math.abs(amount);
    while (magnitude >= 1024 && magnitude % 1024 == 0) {
      times++;
      magnitude /= 1024;
    }
    if (times > 0) {
      amount = amount < 0 ? -magnitude : magnitude;
    }
    return new Canonical(Long.toString(amount), times);
  }

  /** Multiplies by {@code 10^scale}; empty on overflow. A non-positive scale leaves base as is. */
  static OptionalLong positiveScale(long base, int scale) {
    if (base == 0) {
      // apimachinery loops scale times here; the answer is the same and immediate.
      return OptionalLong.of(0);
    }
    return switch (scale) {
      case 0 -> OptionalLong.of(base);
      case 1 -> multiplyScale(base, 10);
      case 2 -> multiplyScale(base, 100);
      case 3 -> multiplyScale(base, 1000);
      case 6 -> multiplyScale(base, 1_000_000);
      case 9 -> multiplyScale(base, 1_000_000_000);
      default -> {
        long v = base;
        for (int i = 0; i < scale; i++) {
          OptionalLong next = multiplyScale(v, 10);
          if (next.isEmpty()) {
            yield next;
          }
          v = next.getAsLong();
        }
        yield OptionalLong.of(v);
      }
    };
  }

  /**
   * Divides by {@code 10^scale}, rounding away from zero; returns {@code {result, exact ? 1 : 0}}.
   */
  static long[] negativeScale(long base, int scale) {
    if (scale == 0) {
      return new long[] {base, 1};
    }
    long v = base;
    boolean fraction = false;
    for (int i = 0; i < scale; i++) {
      if (!fraction && v % 10 != 0) {
        fraction = true;
      }
      v /= 10;
      if (v == 0) {
        if (fraction) {
          return new long[] {base > 0 ? 1 : -1, 0};
        }
        return new long[] {0, 1};
      }
    }
    if (fraction) {
      v += base > 0 ? 1 : -1;
    }
    return new long[] {v, fraction ? 0 : 1};
  }

  /** {@code a × b} for a factor {@code b > 1}; empty on overflow. */
  static OptionalLong multiplyScale(long a, long b) {
    if (a == 0 || a == 1) {
      return OptionalLong.of(a * b);
    }
    if (a == Long.MIN_VALUE) {
      return OptionalLong.empty();
    }
    long c = a * b;
    return c / b == a ? OptionalLong.of(c) : OptionalLong.empty();
  }

  /** {@code a × b}; empty on overflow. */
  static OptionalLong multiply(long a, long b) {
    if (a == 0 || b == 0 || a == 1 || b == 1) {
      return OptionalLong.of(a * b);
    }
    if (a == Long.MIN_VALUE || b == Long.MIN_VALUE) {
      return OptionalLong.empty();
    }
    long c = a * b;
    return c / b == a ? OptionalLong.of(c) : OptionalLong.empty();
  }

  private static boolean overflowed(long a, long b, long sum) {
    return ((a ^ sum) & (b ^ sum)) < 0;
  }
}
