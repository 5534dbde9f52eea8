package io.gatehouse.cel.library;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The CRD string formats of kube-openapi's {@code strfmt} registry that CEL's {@code format}
 * library exposes: {@code uuid} ({@code UUIDPattern}), {@code byte} (govalidator's {@code
 * IsBase64}), {@code date} ({@code time.Parse("2006-01-02", …)}) and {@code datetime} ({@code
 * IsDateTime}). The patterns are checked by hand, exactly as the Go regular expressions match.
 *
 * <p>Stateless; thread-safe.
 */
final class OpenApiFormats {

  private OpenApiFormats() {}

  /** {@code (?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$}. */
  static boolean isUuid(String s) {
    int pos = 0;
    int[] groups = {8, 4, 4, 4, 12};
    for (int g = 0; g < groups.length; g++) {
      if (g > 0 && pos < s.length() && s.charAt(pos) == '-') {
        pos++;
      }
      for (int k = 0; k < groups[g]; k++, pos++) {
        if (pos >= s.length() || !isHex(s.charAt(pos))) {
          return false;
        }
      }
    }
    return pos == s.length();
  }

  /**
   * {@code ^(?:[A-Za-z0-9+\/]{4})*(?:[A-Za-z0-9+\/]{2}==|[A-Za-z0-9+\/]{3}=|[A-Za-z0-9+\/]{4})$}.
   */
  static boolean isBase64(String s) {
    int n = s.length();
    if (n == 0 || n % 4 != 0) {
      return false;
    }
    int data = s.endsWith("==") ? n - 2 : s.endsWith("=") ? n - 1 : n;
    for (int i = 0; i < data; i++) {
      char c = s.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '+' || c == '/')) {
        return false;
      }
    }
    return true;
  }

  /** Go's {@code time.Parse("2006-01-02", s)} succeeds: ASCII digits and a real calendar day. */
  static boolean isDate(String s) {
    if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      return false;
    }
    for (int i : new int[] {0, 1, 2, 3, 5, 6, 8, 9}) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    int year = Integer.parseInt(s, 0, 4, 10);
    int month = Integer.parseInt(s, 5, 7, 10);
    int day = Integer.parseInt(s, 8, 10, 10);
    if (month < 1 || month > 12 || day < 1) {
      return false;
    }
    boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    int[] days = {31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return day <= days[month - 1];
  }

  /**
   * kube-openapi's {@code IsDateTime}: at least 4 bytes; lower-cased and split at every {@code t};
   * the first piece a date and the second matching {@code
   * ^([0-9]{2}):([0-9]{2}):([0-9]{2})(.[0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))$} with hour ≤ 23,
   * minute and second ≤ 59. Pieces after the second are ignored, as upstream ignores them.
   */
  static boolean isDateTime(String s) {
    if (s.getBytes(StandardCharsets.UTF_8).length < 4) {
      return false;
    }
    // Go's strings.ToLower maps each rune on its own, like Character.toLowerCase(int).
    int[] lower = s.codePoints().map(Character::toLowerCase).toArray();
    int firstT = indexOf(lower, 't', 0);
    if (firstT < 0) {
      return false;
    }
    int secondT = indexOf(lower, 't', firstT + 1);
    String date = new String(lower, 0, firstT);
    int end = secondT < 0 ? lower.length : secondT;
    int[] time = Arrays.copyOfRange(lower, firstT + 1, end);
    return isDate(date) && isTime(time);
  }

  private static boolean isTime(int[] t) {
    if (t.length < 9 || !digits(t, 0, 2) || t[2] != ':' || !digits(t, 3, 5) || t[5] != ':'
        || !digits(t, 6, 8)) {
      return false;
    }
    if (!zone(t, 8)) {
      // (.[0-9]+)? : any rune but a newline, then the longest run of digits.
      if (t[8] == '\n' || t.length < 10 || !isDigit(t[9])) {
        return false;
      }
      int k = 10;
      while (k < t.length && isDigit(t[k])) {
        k++;
      }
      if (!zone(t, k)) {
        return false;
      }
    }
    int hour = (t[0] - '0') * 10 + (t[1] - '0');
    int minute = (t[3] - '0') * 10 + (t[4] - '0');
    int second = (t[6] - '0') * 10 + (t[7] - '0');
    return hour <= 23 && minute <= 59 && second <= 59;
  }

  /** {@code (z|([+-][0-9]{2}:[0-9]{2}))$} at {@code from}. */
  private static boolean zone(int[] t, int from) {
    int n = t.length - from;
    if (n == 1) {
      return t[from] == 'z';
    }
    return n == 6 && (t[from] == '+' || t[from] == '-') && digits(t, from + 1, from + 3)
        && t[from + 3] == ':' && digits(t, from + 4, from + 6);
  }

  private static boolean digits(int[] t, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isDigit(t[i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private static int indexOf(int[] a, int c, int from) {
    for (int i = from; i < a.length; i++) {
      if (a[i] == c) {
        return i;
      }
    }
    return -1;
  }
}
