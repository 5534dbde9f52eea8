package io.gatehouse.api.resource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * An arbitrary-precision amount: apimachinery's {@code infDecAmount} over {@code inf.Dec}, whose
 * unscaled value and scale mean exactly what {@link BigDecimal}'s do.
 *
 * @param value the number, with the scale apimachinery would hold
 */
record DecAmount(BigDecimal value) implements Amount {

  @Override
  public int signum() {
    return value.signum();
  }

  @Override
  public BigDecimal toBigDecimal() {
    return value;
  }

  /**
   * Returns this amount rounded away from zero to at least {@code minScale} (a base-10 exponent),
   * and whether that was exact.
   */
  Rounded asScale(int minScale) {
    BigDecimal rounded = value.setScale(-minScale, RoundingMode.UP);
    return new Rounded(new DecAmount(rounded), rounded.compareTo(value) == 0);
  }

  /** The result of {@link #asScale}: the amount and whether rounding was exact. */
  record Rounded(DecAmount amount, boolean exact) {}

  @Override
  public Canonical canonical() {
    BigDecimal stripped = new BigDecimal(value.unscaledValue()).stripTrailingZeros();
    BigInteger amount = stripped.unscaledValue();
    int exponent = -value.scale() - stripped.scale();
    while (exponent % 3 != 0) {
      amount = amount.multiply(BigInteger.TEN);
      exponent--;
    }
    return new Canonical(amount.toString(), exponent);
  }

  /** Returns the digits and exponent of 1024 of this amount rounded away from zero to a whole. */
  Canonical canonicalBase1024() {
    BigInteger whole = value.setScale(0, RoundingMode.UP).unscaledValue();
    if (whole.signum() == 0) {
      return new Canonical("0", 0);
    }
    int times = whole.abs().getLowestSetBit() / 10;
    return new Canonical(whole.shiftRight(10 * times).toString(), times);
  }
}
