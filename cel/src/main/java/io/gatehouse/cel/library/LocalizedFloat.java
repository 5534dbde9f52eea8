package io.gatehouse.cel.library;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The {@code %f} and {@code %e} clauses of cel-go's {@code format}, which print through
 * {@code golang.org/x/text/message} with the {@code en-US} locale Kubernetes leaves configured:
 * grouped integer digits ({@code 1,234.500000}), {@code ∞}, and scientific notation with a
 * superscript exponent ({@code 1.052033 × 10⁰³} with narrow no-break spaces).
 *
 * <p>The precision is narrowed as x/text narrows it ({@code uint8} minimum and {@code int16}
 * maximum fraction digits), and x/text's rounding quirks for {@code %.0f} are kept. Stateless;
 * thread-safe.
 */
final class LocalizedFloat {

  private static final String[] SUPERSCRIPT_DIGITS = {
    "\u2070", "\u00B9", "\u00B2", "\u00B3", "\u2074", "\u2075", "\u2076", "\u2077", "\u2078", "\u2079"
  };

  private LocalizedFloat() {}

  static String fixed(double x, int precision) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return special(x);
    }
    int minFraction = precision & 0xFF;
    short maxFraction = (short) precision;
    Decimal d =
        maxFraction > 0
            ? Decimal.of(new BigDecimal(Math.abs(x)).setScale(maxFraction, RoundingMode.HALF_EVEN))
            : Decimal.shortest(Math.abs(x));
    int exp = d.exp;
    if (maxFraction >= 0) {
      // x/text rounds here and then restores the exponent it saw before rounding.
      d = d.round(Math.max(Math.min(d.digits.length(), exp + maxFraction), 0));
    }
    int end = d.digits.length();
    if (end == 0) {
      exp = 0;
      end = minFraction;
    } else {
      end = Math.max(end, exp + minFraction);
    }
    return (x < 0 ? "-" : "") + renderDecimal(d.digits, exp, end - exp);
  }

  static String scientific(double x, int precision) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return special(x);
    }
    int minFraction = precision & 0xFF;
    short maxFraction = (short) precision;
    short maxSignificant = (short) (precision + 1);
    Decimal d;
    if (maxSignificant == 0 || maxFraction + 1 == maxSignificant) {
      d =
          x == 0 || maxFraction < 0
              ? Decimal.shortest(Math.abs(x))
              : Decimal.of(
                  new BigDecimal(Math.abs(x))
                      .round(new MathContext(maxFraction + 1, RoundingMode.HALF_EVEN)));
    } else {
      d = Decimal.shortest(Math.abs(x));
    }
    if (d.digits.isEmpty()) {
      d = new Decimal("0", 1);
    }
    int p = d.digits.length();
    if (maxSignificant > 0) {
      p = maxSignificant;
    }
    if (maxFraction >= 0 && 1 + maxFraction < p) {
      p = 1 + maxFraction;
    }
    d = d.round(p);
    int end = Math.max(d.digits.length(), minFraction + 1);
    StringBuilder out = new StringBuilder(x < 0 ? "-" : "");
    out.append(d.digits.charAt(0));
    if (end > 1) {
      out.append('.');
      for (int i = 1; i < end; i++) {
        out.append(i < d.digits.length() ? d.digits.charAt(i) : '0');
      }
    }
    int exp = d.exp - 1;
    out.append("\u202f\u00d7\u202f10");
    if (exp < 0) {
      out.append('\u207B');
    }
    String expDigits = Integer.toString(Math.abs(exp));
    if (expDigits.length() < 2) {
      out.append(SUPERSCRIPT_DIGITS[0]);
    }
    for (char c : expDigits.toCharArray()) {
      out.append(SUPERSCRIPT_DIGITS[c - '0']);
    }
    return out.toString();
  }

  private static String special(double x) {
    if (Double.isNaN(x)) {
      return "NaN";
    }
    return x < 0 ? "-\u221E" : "\u221E";
  }

  private static String renderDecimal(String digits, int exp, int fractionDigits) {
    StringBuilder out = new StringBuilder();
    int integerDigits = Math.max(exp, 0);
    if (integerDigits == 0) {
      out.append('0');
    }
    for (int i = 0; i < integerDigits; i++) {
      out.append(i < digits.length() ? digits.charAt(i) : '0');
      int remaining = integerDigits - i - 1;
      if (remaining > 0 && remaining % 3 == 0) {
        out.append(',');
      }
    }
    if (fractionDigits > 0) {
      out.append('.');
      for (int i = 0; i < fractionDigits; i++) {
        int j = exp + i;
        out.append(j >= 0 && j < digits.length() ? digits.charAt(j) : '0');
      }
    }
    return out.toString();
  }

  /** Significant digits without leading or trailing zeros; value {@code 0.digits × 10^exp}. */
  private record Decimal(String digits, int exp) {

    static Decimal shortest(double magnitude) {
      GoFloat.Digits d = GoFloat.Digits.shortest(magnitude);
      return new Decimal(d.digits(), d.pointPosition());
    }

    static Decimal of(BigDecimal value) {
      if (value.signum() == 0) {
        return new Decimal("", 0);
      }
      BigDecimal stripped = value.stripTrailingZeros();
      String digits = stripped.unscaledValue().toString();
      return new Decimal(digits, digits.length() - stripped.scale());
    }

    /**
     * x/text's round-half-to-even to {@code n} digits. A carry out of the first digit yields the
     * single digit 1 with the exponent raised; callers that discard the raised exponent reproduce
     * x/text's decimal formatting.
     */
    Decimal round(int n) {
      if (n >= digits.length()) {
        return this;
      }
      int at = digits.charAt(n) - '0';
      boolean up =
          at > 5
              || at == 5
                  && (digits.length() > n + 1 || n == 0 || (digits.charAt(n - 1) - '0') % 2 != 0);
      if (!up) {
        String kept = digits.substring(0, n).replaceFirst("0+$", "");
        return new Decimal(kept, kept.isEmpty() ? 0 : exp);
      }
      int i = n;
      while (i > 0 && digits.charAt(i - 1) == '9') {
        i--;
      }
      if (i == 0) {
        return new Decimal("1", exp + 1);
      }
      return new Decimal(digits.substring(0, i - 1) + (char) (digits.charAt(i - 1) + 1), exp);
    }
  }
}
