package io.gatehouse.auth.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Go's {@code time.ParseDuration} and {@code time.Duration.String()}, as {@code metav1.Duration}
 * reads and prints them. Stateless.
 */
public final class GoDurations {

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

  private GoDurations() {}

  /** Parses like {@code time.ParseDuration}; empty where Go reports an error. */
  public static Optional<Duration> parse(String text) {
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
    BigDecimal total = BigDecimal.ZERO;
    int i = 0;
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
        i++;
      }
      String number = s.substring(start, i);
      if (number.isEmpty() || number.equals(".") || number.indexOf('.') != number.lastIndexOf('.')) {
        return Optional.empty();
      }
      int unitStart = i;
      while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
        i++;
      }
      Long unit = UNITS.get(s.substring(unitStart, i));
      if (unit == null) {
        return Optional.empty();
      }
      total = total.add(new BigDecimal(number.endsWith(".") ? number + "0" : number)
          .multiply(BigDecimal.valueOf(unit)));
    }
    BigDecimal nanos = total.setScale(0, java.math.RoundingMode.DOWN);
    if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      return Optional.empty();
    }
    long n = nanos.longValueExact();
    return Optional.of(Duration.ofNanos(negative ? -n : n));
  }

  /** Formats like Go's {@code Duration.String()}: {@code 5m0s}, {@code 1.5s}, {@code 300ms}. */
  public static String format(Duration d) {
    long nanos = d.toNanos();
    if (nanos == 0) {
      return "0s";
    }
    boolean negative = nanos < 0;
    BigDecimal abs = BigDecimal.valueOf(nanos).abs();
    StringBuilder out = new StringBuilder(negative ? "-" : "");
    if (abs.compareTo(BigDecimal.valueOf(1_000_000_000L)) < 0) {
      long n = abs.longValueExact();
      if (n < 1_000) {
        return out.append(n).append("ns").toString();
      }
      if (n < 1_000_000) {
        return out.append(fraction(n, 1_000)).append("\u00b5s").toString();
      }
      return out.append(fraction(n, 1_000_000)).append("ms").toString();
    }
    long n = abs.longValueExact();
    long hours = n / 3_600_000_000_000L;
    long minutes = (n / 60_000_000_000L) % 60;
    long secondsNanos = n % 60_000_000_000L;
    if (hours > 0) {
      out.append(hours).append('h');
    }
    if (hours > 0 || minutes > 0) {
      out.append(minutes).append('m');
    }
    return out.append(fraction(secondsNanos, 1_000_000_000L)).append('s').toString();
  }

  private static String fraction(long value, long unit) {
    String plain = BigDecimal.valueOf(value).divide(BigDecimal.valueOf(unit))
        .stripTrailingZeros().toPlainString();
    return plain;
  }
}
