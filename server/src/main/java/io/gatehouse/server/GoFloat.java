package io.gatehouse.server;

import java.math.BigDecimal;

/**
 * Go's {@code strconv.FormatFloat(f, 'g', -1, 64)}, the way the Prometheus client writes sample
 * values: the shortest digits that round-trip, in {@code %e} form ({@code 1.689101941e+09}, {@code
 * 1e+06}) when the decimal exponent is below -4 or at least 6, else plain ({@code 1}, {@code 0.5},
 * {@code 123456}). Stateless.
 */
final class GoFloat {

  private GoFloat() {}

  static String format(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    if (value == 0) {
      return 1 / value < 0 ? "-0" : "0";
    }
    BigDecimal d = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
    String digits = d.unscaledValue().toString();
    int exp = digits.length() - 1 - d.scale();
    String sign = value < 0 ? "-" : "";
    if (exp < -4 || exp >= 6) {
      return sign + eForm(digits, exp);
    }
    return sign + d.toPlainString();
  }

  private static String eForm(String digits, int exp) {
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    String e = Integer.toString(Math.abs(exp));
    return mantissa + "e" + (exp < 0 ? "-" : "+") + (e.length() < 2 ? "0" + e : e);
  }
}
