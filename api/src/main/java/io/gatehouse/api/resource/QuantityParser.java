package io.gatehouse.api.resource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.OptionalLong;

/**
 * apimachinery's {@code ParseQuantity}: a hand-written scanner (more permissive than the regular
 * expression its error message quotes: {@code "Mi"}, {@code "."} and {@code "-"} parse as zero),
 * a suffix table, an {@code int64} fast path and an {@code inf.Dec} slow path that rounds up to
 * nano and caps binary quantities at {@code 2^63-1}.
 */
final class QuantityParser {

  private static final String SUFFIX_LETTERS = "eEinumkKMGTP";
  private static final BigDecimal MAX_INT64 = BigDecimal.valueOf(Long.MAX_VALUE);
  private static final BigDecimal NANO = BigDecimal.valueOf(1, 9);
  private static final int NANO_SCALE = -9;
  private static final int MAX_INT64_FACTORS = 18;

  private QuantityParser() {}

  /** The pieces of a quantity string before interpretation. */
  private record Scan(boolean positive, String value, String num, String denom, String suffix) {}

  /** What a suffix means: {@code base^exponent} written in {@code format}. */
  private record Suffix(int base, int exponent, QuantityFormat format) {}

  static Quantity parse(String str) {
    if (str.isEmpty()) {
      throw new QuantityFormatException(QuantityFormatException.FORMAT_WRONG);
    }
    if (str.equals("0")) {
      return new Quantity(new Int64Amount(0, 0), QuantityFormat.DECIMAL_SI, str);
    }
    Scan s = scan(str);
    Suffix suffix = interpret(s.suffix());
    if (suffix == null) {
      throw new QuantityFormatException(QuantityFormatException.SUFFIX);
    }
    int precision;
    int scale = 0;
    long mantissa = 1;
    QuantityFormat format = suffix.format();
    switch (format) {
      case DECIMAL_EXPONENT, DECIMAL_SI -> {
        scale = suffix.exponent();
        precision = MAX_INT64_FACTORS - (s.num().length() + s.denom().length());
      }
      case BINARY_SI -> {
        if (suffix.exponent() >= 0 && s.denom().isEmpty()) {
          mantissa = 1L << suffix.exponent();
          // About three decimal digits per ten binary ones, computed in float32 as upstream does.
          precision = 15 - s.num().length() - (int) ((float) suffix.exponent() * 3 / 10) - 1;
        } else {
          precision = -1;
        }
      }
      default -> throw new IllegalStateException(format.name());
    }
    if (precision >= 0) {
      scale -= s.denom().length();
      if (scale >= NANO_SCALE) {
        Quantity fast = fastPath(str, s, suffix, scale, mantissa);
        if (fast != null) {
          return fast;
        }
      }
    }
    return slowPath(s, suffix);
  }

  private static Quantity fastPath(String str, Scan s, Suffix suffix, int scale, long mantissa) {
    String shifted = s.num() + s.denom();
    long value;
    try {
      value = Long.parseLong(shifted);
    } catch (NumberFormatException e) {
      throw new QuantityFormatException(QuantityFormatException.NUMERIC);
    }
    OptionalLong product = Int64Amount.multiply(value, mantissa);
    if (product.isEmpty()) {
      return null;
    }
    long result = s.positive() ? product.getAsLong() : -product.getAsLong();
    // apimachinery keeps the input as the printed form when it is already canonical.
    boolean canonical =
        suffix.format() == QuantityFormat.BINARY_SI
            ? suffix.exponent() % 10 == 0 && (value & 0x07) != 0
            : scale % 3 == 0 && !shifted.endsWith("000") && shifted.charAt(0) != '0';
    return new Quantity(new Int64Amount(result, scale), suffix.format(), canonical ? str : null);
  }

  private static Quantity slowPath(Scan s, Suffix suffix) {
    BigDecimal amount = decimal(s.value());
    if (suffix.base() == 10) {
      amount = new BigDecimal(amount.unscaledValue(), amount.scale() + (-suffix.exponent()));
    } else {
      amount = new BigDecimal(
          amount.unscaledValue().shiftLeft(suffix.exponent()), amount.scale());
    }
    int sign = amount.signum();
    amount = amount.abs();
    if (amount.signum() != 0) {
      amount = roundUpToNano(amount);
    }
    QuantityFormat format = suffix.format();
    if (format == QuantityFormat.BINARY_SI && amount.compareTo(MAX_INT64) > 0) {
      amount = MAX_INT64;
    }
    if (format == QuantityFormat.BINARY_SI
        && amount.compareTo(BigDecimal.ONE) < 0
        && amount.signum() > 0) {
      format = QuantityFormat.DECIMAL_SI;
    }
    if (sign < 0) {
      amount = amount.negate();
    }
    return new Quantity(new DecAmount(amount), format, null);
  }

  /** Rounds a positive amount away from zero to scale 9 ({@code inf.Dec.Round(…, 9, RoundUp)}). */
  private static BigDecimal roundUpToNano(BigDecimal amount) {
    if (amount.scale() > 9 && amount.precision() - amount.scale() <= -9) {
      // Below one nano: the result is one nano however many digits the input has.
      return NANO;
    }
    return amount.setScale(9, RoundingMode.UP);
  }

  /** {@code inf.Dec.SetString} on the scanner's numeric part: sign, digits, at most one dot. */
  private static BigDecimal decimal(String value) {
    int start = value.startsWith("-") || value.startsWith("+") ? 1 : 0;
    String body = value.substring(start);
    int dot = body.indexOf('.');
    String digits = dot < 0 ? body : body.substring(0, dot) + body.substring(dot + 1);
    if (digits.isEmpty()) {
      throw new QuantityFormatException(QuantityFormatException.NUMERIC);
    }
    BigInteger unscaled = new BigInteger(digits);
    if (value.startsWith("-")) {
      unscaled = unscaled.negate();
    }
    return new BigDecimal(unscaled, dot < 0 ? 0 : body.length() - dot - 1);
  }

  private static Suffix interpret(String suffix) {
    switch (suffix) {
      case "" -> {
        return new Suffix(10, 0, QuantityFormat.DECIMAL_SI);
      }
      case "n" -> {
        return new Suffix(10, -9, QuantityFormat.DECIMAL_SI);
      }
      case "u" -> {
        return new Suffix(10, -6, QuantityFormat.DECIMAL_SI);
      }
      case "m" -> {
        return new Suffix(10, -3, QuantityFormat.DECIMAL_SI);
      }
      case "k" -> {
        return new Suffix(10, 3, QuantityFormat.DECIMAL_SI);
      }
      case "M" -> {
        return new Suffix(10, 6, QuantityFormat.DECIMAL_SI);
      }
      case "G" -> {
        return new Suffix(10, 9, QuantityFormat.DECIMAL_SI);
      }
      case "T" -> {
        return new Suffix(10, 12, QuantityFormat.DECIMAL_SI);
      }
      case "P" -> {
        return new Suffix(10, 15, QuantityFormat.DECIMAL_SI);
      }
      case "E" -> {
        return new Suffix(10, 18, QuantityFormat.DECIMAL_SI);
      }
      case "Ki" -> {
        return new Suffix(2, 10, QuantityFormat.BINARY_SI);
      }
      case "Mi" -> {
        return new Suffix(2, 20, QuantityFormat.BINARY_SI);
      }
      case "Gi" -> {
        return new Suffix(2, 30, QuantityFormat.BINARY_SI);
      }
      case "Ti" -> {
        return new Suffix(2, 40, QuantityFormat.BINARY_SI);
      }
      case "Pi" -> {
        return new Suffix(2, 50, QuantityFormat.BINARY_SI);
      }
      case "Ei" -> {
        return new Suffix(2, 60, QuantityFormat.BINARY_SI);
      }
      default -> {
        if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')) {
          try {
            // Go's strconv.ParseInt(…, 10, 64) then a conversion to int32, which truncates.
            return new Suffix(
                10, (int) Long.parseLong(suffix.substring(1)), QuantityFormat.DECIMAL_EXPONENT);
          } catch (NumberFormatException e) {
            return null;
          }
        }
        return null;
      }
    }
  }

  private static Scan scan(String str) {
    boolean positive = true;
    int pos = 0;
    int end = str.length();
    if (str.charAt(0) == '-') {
      positive = false;
      pos++;
    } else if (str.charAt(0) == '+') {
      pos++;
    }
    while (pos < end && str.charAt(pos) == '0') {
      pos++;
    }
    if (pos >= end) {
      return new Scan(positive, "0", "0", "", "");
    }
    int numStart = pos;
    while (pos < end && isDigit(str.charAt(pos))) {
      pos++;
    }
    String num = str.substring(numStart, pos);
    if (pos >= end) {
      return new Scan(positive, str, num, "", "");
    }
    if (num.isEmpty()) {
      num = "0";
    }
    String denom = "";
    if (str.charAt(pos) == '.') {
      pos++;
      int denomStart = pos;
      while (pos < end && isDigit(str.charAt(pos))) {
        pos++;
      }
      denom = str.substring(denomStart, pos);
      if (pos >= end) {
        return new Scan(positive, str, num, denom, "");
      }
    }
    String value = str.substring(0, pos);
    int suffixStart = pos;
    while (pos < end && SUFFIX_LETTERS.indexOf(str.charAt(pos)) >= 0) {
      pos++;
    }
    if (pos < end && (str.charAt(pos) == '-' || str.charAt(pos) == '+')) {
      pos++;
    }
    while (pos < end && isDigit(str.charAt(pos))) {
      pos++;
    }
    if (pos < end) {
      throw new QuantityFormatException(QuantityFormatException.FORMAT_WRONG);
    }
    return new Scan(positive, value, num, denom, str.substring(suffixStart));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
