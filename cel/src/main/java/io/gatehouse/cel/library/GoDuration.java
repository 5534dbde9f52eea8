package io.gatehouse.cel.library;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Go's {@code time.ParseDuration} and the int64-nanosecond range of Go's {@code time.Duration},
 * which bound cel-go's durations (about ±292 years). Stateless.
 */
final class GoDuration {

  static final Duration MIN = Duration.ofNanos(Long.MIN_VALUE);
  static final Duration MAX = Duration.ofNanos(Long.MAX_VALUE);

  private static final Map<String, Long> UNITS =
      Map.of(
          "ns", 1L,
          "us", 1_000L,
          "\u00b5s", 1_000L,
          "\u03bcs", 1_000L,
          "ms", 1_000_000L,
          "s", 1_000_000_000L,
          "m", 60_000_000_000L,
          "h", 3_600_000_000_000L);

  private GoDuration() {}

  /** Returns whether {@code d} is representable as a Go {@code time.Duration}. */
  static boolean inRange(Duration d) {
    return d.compareTo(MIN) >= 0 && d.compareTo(MAX) <= 0;
  }

  /** Parses like {@code time.ParseDuration}; empty where Go returns an error. */
  static Optional<Duration> parse(String text) {
    String s = text;
    boolean negative = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      negative = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return Optional.of(Duration.ZERO);
    }
    if (s.isEmpty()) {
      return Optional.empty();
    }
    // Accumulate as an unsigned magnitude up to 2^63, the most Go accepts (for a negative value).
    long total = 0;
    int i = 0;
    while (i < s.length()) {
      int start = i;
      long whole = 0;
      boolean overflow = false;
      while (i < s.length() && isDigit(s.charAt(i))) {
        if (!overflow) {
          try {
            whole = Math.addExact(Math.multiplyExact(whole, 10L), s.charAt(i) - '0');
          } catch (ArithmeticException e) {
            overflow = true;
          }
        }
        i++;
      }
      boolean hasWhole = i > start;
      long fraction = 0;
      double scale = 1;
      boolean hasFraction = false;
      if (i < s.length() && s.charAt(i) == '.') {
        i++;
        int fracStart = i;
        boolean fractionOverflow = false;
        while (i < s.length() && isDigit(s.charAt(i))) {
          if (!fractionOverflow) {
            if (fraction > (Long.MAX_VALUE - 9) / 10) {
              fractionOverflow = true;
            } else {
              fraction = fraction * 10 + (s.charAt(i) - '0');
              scale *= 10;
            }
          }
          i++;
        }
        hasFraction = i > fracStart;
      }
      if (!hasWhole && !hasFraction || overflow) {
        return Optional.empty();
      }
      int unitStart = i;
      while (i < s.length() && s.charAt(i) != '.' && !isDigit(s.charAt(i))) {
        i++;
      }
      Long unit = UNITS.get(s.substring(unitStart, i));
      if (unit == null) {
        return Optional.empty();
      }
      if (whole > Long.MAX_VALUE / unit) {
        return Optional.empty();
      }
      long value = whole * unit;
      if (fraction > 0) {
        value += (long) ((double) fraction * ((double) unit / scale));
        if (value < 0) {
          return Optional.empty();
        }
      }
      total += value;
      if (total < 0) {
        // Only exactly 2^63 survives, and only as a negative duration.
        if (!(negative && total == Long.MIN_VALUE && i == s.length())) {
          return Optional.empty();
        }
      }
    }
    return Optional.of(Duration.ofNanos(negative ? -total : total));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
