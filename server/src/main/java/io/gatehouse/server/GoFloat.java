package io.gatehouse.server;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.function.Predicate;

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
    BigDecimal d = shortest(Math.abs(value));
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

  /**
   * encoding/json's float64 text: the shortest round-tripping digits, plain ({@code 1}, {@code
   * 0.000001}, {@code 100000000000000000000}) unless the magnitude is below 1e-6 or at least 1e21,
   * then in exponent form without padding ({@code 1e-7}, {@code 1.5e+21}); {@code -0} for
   * negative zero.
   *
   * @throws IllegalArgumentException for NaN and infinities, which JSON cannot carry (Go's {@code
   *     UnsupportedValueError})
   */
  static String json(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("json: unsupported value: " + format(value));
    }
    double abs = Math.abs(value);
    String sign = value < 0 || 1 / value < 0 ? "-" : "";
    if (abs == 0) {
      return sign + "0";
    }
    return sign + jsonForm(shortest(abs), abs < 1e-6 || abs >= 1e21);
  }

  /** {@link #json} for a float32, with float32 digits and cut-offs as Go's float32 encoder. */
  static String json32(float value) {
    if (Float.isNaN(value) || Float.isInfinite(value)) {
      throw new IllegalArgumentException("json: unsupported value: " + format(value));
    }
    float abs = Math.abs(value);
    String sign = value < 0 || 1 / value < 0 ? "-" : "";
    if (abs == 0) {
      return sign + "0";
    }
    BigDecimal d = shortest(Float.toString(abs), t -> Float.parseFloat(t) == abs);
    return sign + jsonForm(d, abs < 1e-6f || abs >= 1e21f);
  }

  private static String jsonForm(BigDecimal d, boolean exponent) {
    if (!exponent) {
      return d.toPlainString();
    }
    String digits = d.unscaledValue().toString();
    int exp = digits.length() - 1 - d.scale();
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    // strconv pads the exponent to two digits; encoding/json takes the padding off e-0X again.
    return mantissa + "e" + (exp < 0 ? "-" : "+") + (exp > 0 && exp < 10 ? "0" : "")
        + Math.abs(exp);
  }

  /**
   * The shortest decimal that reads back as {@code magnitude} (finite, positive), as Go's {@code
   * strconv} picks it. {@link Double#toString} gives the shortest digits except that it never
   * gives fewer than two ({@code 4.9E-324} where Go writes {@code 5e-324}).
   */
  static BigDecimal shortest(double magnitude) {
    return shortest(Double.toString(magnitude), t -> Double.parseDouble(t) == magnitude);
  }

  private static BigDecimal shortest(String javaText, Predicate<String> readsBack) {
    BigDecimal d = new BigDecimal(javaText).stripTrailingZeros();
    if (d.precision() == 2) {
      BigDecimal one = d.round(new MathContext(1, RoundingMode.HALF_EVEN));
      if (readsBack.test(one.toString())) {
        return one;
      }
    }
    return d;
  }
}
