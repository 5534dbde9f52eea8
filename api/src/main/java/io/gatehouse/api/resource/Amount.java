package io.gatehouse.api.resource;

import java.math.BigDecimal;

/**
 * A quantity's number in one of apimachinery's two representations: a scaled {@code int64}
 * ({@link Int64Amount}) or an arbitrary-precision decimal ({@link DecAmount}, apimachinery's
 * {@code inf.Dec}). The representation is observable ({@link Quantity#asInt64()} answers only for
 * the first), so operations keep it exactly as apimachinery does.
 */
sealed interface Amount permits Int64Amount, DecAmount {

  /** Returns -1, 0 or 1. */
  int signum();

  /** Returns the exact value in the representation apimachinery's {@code AsDec} builds. */
  BigDecimal toBigDecimal();

  /**
   * Returns the canonical decimal digits and base-10 exponent: no trailing zeros in the digits
   * beyond what keeps the exponent a multiple of three.
   */
  Canonical canonical();

  /**
   * A number written as {@code digits × base^exponent}.
   *
   * @param digits the signed mantissa in decimal
   * @param exponent the exponent
   */
  record Canonical(String digits, int exponent) {}
}
