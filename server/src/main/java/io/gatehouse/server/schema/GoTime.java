package io.gatehouse.server.schema;

import io.gatehouse.cel.library.GoSyntax;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * kube-openapi's {@code date} ({@code time.Parse("2006-01-02", …)}) and {@code date-time}
 * ({@code strfmt.IsDateTime}: RFC 3339 with optional fraction, {@code Z} or a numeric offset, {@code
 * T} or a space between date and time, case-insensitive) checks, and Go's {@code
 * time.ParseDuration}. Stateless.
 */
final class GoTime {

  private GoTime() {}

  static boolean isDate(String s) {
    if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      return false;
    }
    for (int i : new int[] {0, 1, 2, 3, 5, 6, 8, 9}) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    try {
      LocalDate.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(5, 7)),
          Integer.parseInt(s.substring(8, 10)));
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  static boolean isDateTime(String s) {
    if (s.length() < 4) {
      return false;
    }
    String l = s.toLowerCase(java.util.Locale.ROOT);
    int t = l.indexOf('t');
    if (t < 0) {
      t = l.indexOf(' ');
    }
    if (t != 10 || !isDate(s.substring(0, 10))) {
      return false;
    }
    return isTime(l.substring(11));
  }

  /** {@code HH:MM:SS[.frac](z|±HH:MM)}, with real clock values. */
  private static boolean isTime(String s) {
    if (s.length() < 9 || s.charAt(2) != ':' || s.charAt(5) != ':') {
      return false;
    }
    if (!digits(s, 0, 2) || !digits(s, 3, 5) || !digits(s, 6, 8)) {
      return false;
    }
    if (Integer.parseInt(s.substring(0, 2)) > 23 || Integer.parseInt(s.substring(3, 5)) > 59
        || Integer.parseInt(s.substring(6, 8)) > 59) {
      return false;
    }
    int i = 8;
    if (s.charAt(i) == '.') {
      int start = ++i;
      while (i < s.length() && Character.isDigit(s.charAt(i))) {
        i++;
      }
      if (i == start) {
        return false;
      }
    }
    String zone = s.substring(i);
    if (zone.equals("z")) {
      return true;
    }
    return zone.length() == 6 && (zone.charAt(0) == '+' || zone.charAt(0) == '-')
        && zone.charAt(3) == ':' && digits(zone, 1, 3) && digits(zone, 4, 6)
        && Integer.parseInt(zone.substring(1, 3)) <= 23 && Integer.parseInt(zone.substring(4, 6)) <= 59;
  }

  private static boolean digits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  static boolean isGoDuration(String s) {
    return GoSyntax.isDuration(s);
  }
}
