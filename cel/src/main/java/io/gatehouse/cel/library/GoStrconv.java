package io.gatehouse.cel.library;

import com.google.common.primitives.UnsignedLong;
import java.math.BigInteger;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Go's {@code strconv} parsing as cel-go's string conversions use it: {@code ParseInt(s, 10, 64)},
 * {@code ParseUint(s, 10, 64)}, {@code ParseFloat(s, 64)} and {@code ParseBool}. Each returns
 * empty where Go returns an error (syntax or range). Stateless.
 */
final class GoStrconv {

  private static final Pattern DECIMAL_INT = Pattern.compile("[+-]?[0-9]+");
  private static final Pattern DECIMAL_UINT = Pattern.compile("[0-9]+");
  private static final Pattern DECIMAL_FLOAT =
      Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
  private static final Pattern HEX_FLOAT =
      Pattern.compile("[+-]?0[xX](?:[0-9a-fA-F]+(?:\\.[0-9a-fA-F]*)?|\\.[0-9a-fA-F]+)[pP][+-]?[0-9]+");
  private static final Pattern SPECIAL_FLOAT =
      Pattern.compile("(?i)[+-]?(?:inf|infinity|nan)");
  private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
  private static final Set<String> TRUE = Set.of("1", "t", "T", "TRUE", "true", "True");
  private static final Set<String> FALSE = Set.of("0", "f", "F", "FALSE", "false", "False");

  private GoStrconv() {}

  static Optional<Long> parseInt(String s) {
    if (!DECIMAL_INT.matcher(s).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(s));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static Optional<UnsignedLong> parseUint(String s) {
    if (!DECIMAL_UINT.matcher(s).matches()) {
      return Optional.empty();
    }
    BigInteger value = new BigInteger(s);
    return value.compareTo(UINT64_MAX) > 0
        ? Optional.empty()
        : Optional.of(UnsignedLong.valueOf(value));
  }

  static Optional<Double> parseFloat(String s) {
    if (SPECIAL_FLOAT.matcher(s).matches()) {
      String lower = s.toLowerCase(java.util.Locale.ROOT);
      if (lower.endsWith("nan")) {
        return Optional.of(Double.NaN);
      }
      return Optional.of(lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
    }
    if (!DECIMAL_FLOAT.matcher(s).matches() && !HEX_FLOAT.matcher(s).matches()) {
      return Optional.empty();
    }
    double value = Double.parseDouble(s);
    // Go reports a range error (and the conversion fails) when the value overflows to infinity.
    return Double.isInfinite(value) ? Optional.empty() : Optional.of(value);
  }

  static Optional<Boolean> parseBool(String s) {
    if (TRUE.contains(s)) {
      return Optional.of(true);
    }
    return FALSE.contains(s) ? Optional.of(false) : Optional.empty();
  }
}
