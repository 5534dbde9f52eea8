package io.gatehouse.server;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Go's {@code fmt.Sprintf("%+v", v)} of a decoded JSON value ({@code map[string]interface{}},
 * {@code []interface{}}, string, int64, float64, bool, nil), as kube-apiserver embeds a patch in
 * error messages: {@code map[k1:v1 k2:[a b]]} with map keys sorted, strings unquoted, {@code
 * <nil>} for null, floats in {@code %g}'s shortest form. Stateless.
 */
final class GoFormat {

  private GoFormat() {}

  static String value(@Nullable Object v) {
    StringBuilder sb = new StringBuilder();
    append(sb, v);
    return sb.toString();
  }

  private static void append(StringBuilder sb, @Nullable Object v) {
    switch (v) {
      case null -> sb.append("<nil>");
      case Map<?, ?> m -> {
        sb.append("map[");
        boolean first = true;
        for (Map.Entry<String, Object> e : sorted(m).entrySet()) {
          if (!first) {
            sb.append(' ');
          }
          first = false;
          sb.append(e.getKey()).append(':');
          append(sb, e.getValue());
        }
        sb.append(']');
      }
      case List<?> l -> {
        sb.append('[');
        for (int i = 0; i < l.size(); i++) {
          if (i > 0) {
            sb.append(' ');
          }
          append(sb, l.get(i));
        }
        sb.append(']');
      }
      case Double d -> sb.append(floatG(d));
      default -> sb.append(v);
    }
  }

  private static Map<String, Object> sorted(Map<?, ?> m) {
    Map<String, Object> out = new TreeMap<>();
    m.forEach((k, val) -> out.put(String.valueOf(k), val));
    return out;
  }

  /** {@code %v} of a float64 ({@code %g}, shortest): exponent form below 1e-4 and from 1e6. */
  static String floatG(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "+Inf" : "-Inf";
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0" : "0";
    }
    BigDecimal shortest = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    int exp = shortest.precision() - shortest.scale() - 1;
    if (exp < -4 || exp >= 6) {
      String digits = shortest.unscaledValue().abs().toString();
      String mantissa = digits.length() == 1 ? digits
          : digits.charAt(0) + "." + digits.substring(1);
      String e = String.format("%02d", Math.abs(exp));
      return (d < 0 ? "-" : "") + mantissa + "e" + (exp < 0 ? "-" : "+") + e;
    }
    return shortest.toPlainString();
  }
}
