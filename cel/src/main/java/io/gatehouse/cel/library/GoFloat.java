package io.gatehouse.cel.library;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's float-to-text conversions as cel-go uses them: {@code strconv.FormatFloat(f, 'g', -1, 64)}
 * for {@code string(double)}, {@code strconv.FormatFloat(f, 'f', -1, 64)} for durations and
 * {@code fmt.Sprintf("%.6f", f)} for doubles inside formatted lists and maps.
 *
 * <p>Relies on {@link Double#toString(double)} producing the shortest decimal that round-trips
 * (JDK 19 and later), which is what Go's shortest formatting produces. Stateless; thread-safe.
 */
final class GoFloat {

  private GoFloat() {}

  /** The shortest decimal digits of a finite, non-zero magnitude and its decimal exponent. */
  record Digits(String digits, int pointPosition) {
    /** {@code 0.digits × 10^pointPosition}; for zero, empty digits at position 0. */
    static Digits shortest(double magnitude) {
      if (magnitude == 0) {
        return new Digits("", 0);
      }
      BigDecimal d = new BigDecimal(Double.toString(magnitude)).stripTrailingZeros();
      if (d.precision() == 2) {
        // Double.toString never gives fewer than two digits (4.9E-324 where Go has 5e-324).
        BigDecimal one = d.round(new MathContext(1, RoundingMode.HALF_EVEN));
        if (Double.parseDouble(one.toString()) == magnitude) {
          d = one;
        }
      }
      String digits = d.unscaledValue().toString();
      return new Digits(digits, digits.length() - d.scale());
    }
  }

  /** {@code strconv.FormatFloat(f, 'g', -1, 64)}. */
  static String formatG(double f) {
    if (Double.isNaN(f) || Double.isInfinite(f)) {
      return special(f);
    }
    Digits d = Digits.shortest(Math.abs(f));
    String sign = isNegative(f) ? "-" : "";
    int nd = d.digits().length();
    int exp = d.pointPosition() - 1;
    if (exp < -4 || exp >= 6) {
      return sign + exponentForm(d, nd - 1);
    }
    return sign + fixedForm(d, Math.max(nd - d.pointPosition(), 0));
  }

  /** {@code strconv.FormatFloat(f, 'f', -1, 64)}. */
  static String formatShortestFixed(double f) {
    if (Double.isNaN(f) || Double.isInfinite(f)) {
      return special(f);
    }
    Digits d = Digits.shortest(Math.abs(f));
    String sign = isNegative(f) ? "-" : "";
    return sign + fixedForm(d, Math.max(d.digits().length() - d.pointPosition(), 0));
  }

  /** {@code fmt.Sprintf("%.<precision>f", f)}: exact decimal value rounded half to even. */
  static String formatFixed(double f, int precision) {
    if (Double.isNaN(f)) {
      return "NaN";
    }
    if (Double.isInfinite(f)) {
      return f > 0 ? "+Inf" : "-Inf";
    }
    String digits =
        new BigDecimal(Math.abs(f)).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
    return (isNegative(f) ? "-" : "") + digits;
  }

  private static String special(double f) {
    if (Double.isNaN(f)) {
      return "NaN";
    }
    return f > 0 ? "+Inf" : "-Inf";
  }

  private static boolean isNegative(double f) {
    return Double.doubleToRawLongBits(f) < 0;
  }

  private static String exponentForm(Digits d, int fractionDigits) {
    String digits = d.digits();
    StringBuilder out = new StringBuilder();
    out.append(digits.isEmpty() ? '0' : digits.charAt(0));
    if (fractionDigits > 0) {
      out.append('.');
      for (int i = 1; i <= fractionDigits; i++) {
        out.append(i < digits.length() ? digits.charAt(i) : '0');
      }
    }
    int exp = digits.isEmpty() ? 0 : d.pointPosition() - 1;
    out.append('e').append(exp < 0 ? '-' : '+');
    int magnitude = Math.abs(exp);
    if (magnitude < 10) {
      out.append('0');
    }
    return out.append(magnitude).toString();
  }

  private static String fixedForm(Digits d, int fractionDigits) {
    String digits = d.digits();
    int point = d.pointPosition();
    StringBuilder out = new StringBuilder();
    if (point > 0) {
      for (int i = 0; i < point; i++) {
        out.append(i < digits.length() ? digits.charAt(i) : '0');
      }
    } else {
      out.append('0');
    }
    if (fractionDigits > 0) {
      out.append('.');
      for (int i = 0; i < fractionDigits; i++) {
        int j = point + i;
        out.append(j >= 0 && j < digits.length() ? digits.charAt(j) : '0');
      }
    }
    return out.toString();
  }
}
