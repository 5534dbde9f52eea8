package io.gatehouse.api.resource;

import java.math.BigDecimal;
import java.util.Map;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * A Kubernetes resource quantity with apimachinery's {@code resource.Quantity} semantics: a
 * fixed-point number that remembers how its suffix was written.
 *
 * <p>Like apimachinery, a quantity is held either as a scaled 64-bit integer or as an
 * arbitrary-precision decimal. The choice is observable: {@link #asInt64()} answers only for the
 * first, exactly where apimachinery's {@code AsInt64} does (so {@code 1.5Gi} and {@code 1000m} are
 * not integers there). Parsing, arithmetic, comparison and printing follow apimachinery as
 * vendored by Kubernetes 1.28–1.33, including its quirks:
 *
 * <ul>
 *   <li>the scanner accepts strings with no digits ({@code "-"}, {@code "."}, {@code "Mi"}) as
 *       zero;
 *   <li>a parsed string already in canonical form is printed back verbatim ({@code "+12Mi"});
 *   <li>a decimal-SI value beyond {@code 10^18}'s suffix prints without a suffix ({@code 1000E}
 *       prints as {@code "1"}), and a binary value beyond {@code Ei} likewise.
 * </ul>
 *
 * <p>Immutable and thread-safe. {@link #equals} and {@link #compareTo} compare numeric values only,
 * as apimachinery's {@code Equal} and {@code Cmp}: {@code 1k} equals {@code 1000}.
 */
public final class Quantity implements Comparable<Quantity> {

  private static final Map<Integer, String> DECIMAL_SUFFIXES =
      Map.of(-9, "n", -6, "u", -3, "m", 0, "", 3, "k", 6, "M", 9, "G", 12, "T", 15, "P", 18, "E");
  private static final Map<Integer, String> BINARY_SUFFIXES =
      Map.of(10, "Ki", 20, "Mi", 30, "Gi", 40, "Ti", 50, "Pi", 60, "Ei");

  private final Amount amount;
  private final QuantityFormat format;
  private final @Nullable String verbatim;

  Quantity(Amount amount, QuantityFormat format, @Nullable String verbatim) {
    this.amount = amount;
    this.format = format;
    this.verbatim = verbatim;
  }

  /**
   * Parses {@code text} as apimachinery's {@code ParseQuantity} does (no surrounding whitespace).
   *
   * @throws QuantityFormatException with apimachinery's message if {@code text} is not a quantity
   * @throws ArithmeticException if the value needs more digits than {@link BigDecimal} holds (e.g.
   *     a 20-digit mantissa with exponent {@code e999999999}), where apimachinery would try to
   *     allocate hundreds of megabytes
   */
  public static Quantity parse(String text) {
    return QuantityParser.parse(text);
  }

  /** Returns {@code value} in the 64-bit representation, as apimachinery's {@code NewQuantity}. */
  public static Quantity of(long value, QuantityFormat format) {
    return new Quantity(new Int64Amount(value, 0), format, null);
  }

  /**
   * Returns {@code value} in the arbitrary-precision representation, keeping its scale, as
   * apimachinery's {@code NewDecimalQuantity}.
   */
  public static Quantity ofDecimal(BigDecimal value, QuantityFormat format) {
    return new Quantity(new DecAmount(value), format, null);
  }

  /** Returns the suffix style this quantity prints with. */
  public QuantityFormat format() {
    return format;
  }

  /** Returns -1, 0 or 1. */
  public int signum() {
    return amount.signum();
  }

  /** Returns whether the value is zero. */
  public boolean isZero() {
    return amount.signum() == 0;
  }

  /** Returns whether this quantity is held in the arbitrary-precision representation. */
  public boolean isDecimalForm() {
    return amount instanceof DecAmount;
  }

  /**
   * Returns the exact value. For the 64-bit representation the scale is the negated exponent, as
   * apimachinery's {@code AsDec} builds it.
   */
  public BigDecimal toBigDecimal() {
    return amount.toBigDecimal();
  }

  /**
   * Returns the value as an integer if apimachinery's {@code AsInt64} can: only in the 64-bit
   * representation, with a non-negative exponent and no overflow. Empty otherwise, even for
   * integral values such as {@code 1000m} or {@code 1.5Gi}.
   */
  public OptionalLong asInt64() {
    return amount instanceof Int64Amount i ? i.asInt64() : OptionalLong.empty();
  }

  /**
   * Returns a double approximation, rounded as apimachinery's {@code AsApproximateFloat64}
   * (mantissa times {@code math.Pow10(exponent)}); infinite when out of range.
   */
  public double asApproximateFloat64() {
    double base;
    int exponent;
    switch (amount) {
      case DecAmount d -> {
        base = d.value().unscaledValue().doubleValue();
        exponent = -d.value().scale();
      }
      case Int64Amount i -> {
        base = (double) i.value();
        exponent = i.scale();
      }
    }
    return exponent == 0 ? base : base * Pow10.of(exponent);
  }

  /**
   * Returns {@code this + y}, as apimachinery's {@code Add}: a zero receiver takes {@code y}'s
   * format; the 64-bit representation is kept unless an operand is decimal or the sum overflows.
   */
  public Quantity add(Quantity y) {
    if (amount instanceof Int64Amount a && y.amount instanceof Int64Amount b) {
      QuantityFormat f = a.value() == 0 ? y.format : format;
      Int64Amount sum = a.add(b);
      if (sum != null) {
        return new Quantity(sum, f, null);
      }
      return ofDecimal(toBigDecimal().add(y.toBigDecimal()), f);
    }
    QuantityFormat f = isZero() ? y.format : format;
    return ofDecimal(toBigDecimal().add(y.toBigDecimal()), f);
  }

  /**
   * Returns {@code this - y}, as apimachinery's {@code Sub} (which negates {@code y}'s 64-bit
   * mantissa with wrap-around, so subtracting {@code Long.MIN_VALUE} adds it).
   */
  public Quantity sub(Quantity y) {
    QuantityFormat f = isZero() ? y.format : format;
    if (amount instanceof Int64Amount a && y.amount instanceof Int64Amount b) {
      Int64Amount difference = a.add(new Int64Amount(-b.value(), b.scale()));
      if (difference != null) {
        return new Quantity(difference, f, null);
      }
    }
    return ofDecimal(toBigDecimal().subtract(y.toBigDecimal()), f);
  }

  /** Compares numeric values exactly, as apimachinery's {@code Cmp}. */
  @Override
  public int compareTo(Quantity other) {
    return toBigDecimal().compareTo(other.toBigDecimal());
  }

  /** Returns whether {@code o} is a quantity with the same numeric value. */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Quantity q && compareTo(q) == 0;
  }

  @Override
  public int hashCode() {
    return toBigDecimal().stripTrailingZeros().hashCode();
  }

  /** Returns the canonical form, as apimachinery's {@code String}; see the class comment. */
  @Override
  public String toString() {
    return verbatim != null ? verbatim : canonical();
  }

  private String canonical() {
    if (isZero()) {
      return "0";
    }
    QuantityFormat f = format;
    Amount rounded = amount;
    if (f == QuantityFormat.BINARY_SI) {
      BigDecimal v = toBigDecimal();
      if (v.compareTo(BigDecimal.valueOf(-1024)) > 0 && v.compareTo(BigDecimal.valueOf(1024)) < 0) {
        f = QuantityFormat.DECIMAL_SI;
      } else {
        boolean exact;
        switch (amount) {
          case Int64Amount i -> {
            Int64Amount.Rounded r = i.asScale(0);
            rounded = r.amount();
            exact = r.exact();
          }
          case DecAmount d -> {
            DecAmount.Rounded r = d.asScale(0);
            rounded = r.amount();
            exact = r.exact();
          }
        }
        if (!exact) {
          f = QuantityFormat.DECIMAL_SI;
        }
      }
    }
    return switch (f) {
      case DECIMAL_SI -> {
        Amount.Canonical c = amount.canonical();
        yield c.digits() + DECIMAL_SUFFIXES.getOrDefault(c.exponent(), "");
      }
      case DECIMAL_EXPONENT -> {
        Amount.Canonical c = amount.canonical();
        yield c.exponent() == 0 ? c.digits() : c.digits() + "e" + c.exponent();
      }
      case BINARY_SI -> {
        Amount.Canonical c = switch (rounded) {
          case Int64Amount i -> i.canonicalBase1024();
          case DecAmount d -> d.canonicalBase1024();
        };
        yield c.digits() + BINARY_SUFFIXES.getOrDefault(c.exponent() * 10, "");
      }
    };
  }
}
