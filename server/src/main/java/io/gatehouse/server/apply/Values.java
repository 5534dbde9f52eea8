package io.gatehouse.server.apply;

import io.gatehouse.api.GoQuote;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Structured-merge-diff's value semantics on JSON map trees ({@code Map}, {@code List}, {@code
 * String}, {@code Long}, {@code Double}, {@code Boolean}, {@code null}): the total order ({@code
 * value.Compare}: numbers, then strings, booleans, lists, maps, null), equality (integers equal
 * floats of the same value), Go's {@code value.ToString} text, and JSON as Go's standard encoder
 * writes it (HTML-safe escapes; maps with sorted keys where asked). Stateless.
 */
final class Values {

  private Values() {}

  /** Orders any two values (upstream's {@code value.Compare}). */
  static int compare(@Nullable Object a, @Nullable Object b) {
    if (a instanceof Double || b instanceof Double) {
      if (isNumber(a) && isNumber(b)) {
        return Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
      }
      return a instanceof Double ? -1 : 1;
    }
    int ra = rank(a);
    int rb = rank(b);
    if (ra != rb) {
      return Integer.compare(ra, rb);
    }
    return switch (ra) {
      case 0 -> Long.compare((Long) a, (Long) b);
      case 1 -> GoQuote.compare((String) a, (String) b);
      case 2 -> Boolean.compare((Boolean) a, (Boolean) b);
      case 3 -> compareLists((List<?>) a, (List<?>) b);
      case 4 -> compareMaps((Map<?, ?>) a, (Map<?, ?>) b);
      default -> 0;
    };
  }

  private static boolean isNumber(@Nullable Object v) {
    return v instanceof Long || v instanceof Double;
  }

  private static int rank(@Nullable Object v) {
    if (v instanceof Long) {
      return 0;
    }
    if (v instanceof String) {
      return 1;
    }
    if (v instanceof Boolean) {
      return 2;
    }
    if (v instanceof List<?>) {
      return 3;
    }
    if (v instanceof Map<?, ?>) {
      return 4;
    }
    return 5;
  }

  private static int compareLists(List<?> a, List<?> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private static int compareMaps(Map<?, ?> a, Map<?, ?> b) {
    List<String> ka = sortedKeys(a);
    List<String> kb = sortedKeys(b);
    for (int i = 0; i < Math.min(ka.size(), kb.size()); i++) {
      int c = GoQuote.compare(ka.get(i), kb.get(i));
      if (c != 0) {
        return c;
      }
      c = compare(a.get(ka.get(i)), b.get(kb.get(i)));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(ka.size(), kb.size());
  }

  static List<String> sortedKeys(Map<?, ?> m) {
    List<String> keys = new ArrayList<>();
    m.keySet().forEach(k -> keys.add(String.valueOf(k)));
    keys.sort(GoQuote::compare);
    return keys;
  }

  /** Deep equality as upstream's {@code value.Equals}. */
  static boolean equal(@Nullable Object a, @Nullable Object b) {
    if (a instanceof Double || b instanceof Double) {
      return isNumber(a) && isNumber(b)
          && ((Number) a).doubleValue() == ((Number) b).doubleValue();
    }
    if (a instanceof List<?> la && b instanceof List<?> lb) {
      if (la.size() != lb.size()) {
        return false;
      }
      Iterator<?> ib = lb.iterator();
      for (Object x : la) {
        if (!equal(x, ib.next())) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
      if (ma.size() != mb.size()) {
        return false;
      }
      for (Map.Entry<?, ?> e : ma.entrySet()) {
        if (!mb.containsKey(e.getKey()) || !equal(e.getValue(), mb.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    return a == null ? b == null : a.equals(b);
  }

  /** Upstream's {@code value.ToString}: strings Go-quoted, numbers and booleans as {@code %v}. */
  static String goString(@Nullable Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof String s) {
      return GoQuote.quote(s);
    }
    if (v instanceof Double d) {
      return goFloat(d);
    }
    if (v instanceof List<?> l) {
      List<String> parts = new ArrayList<>();
      l.forEach(x -> parts.add(goString(x)));
      return "[" + String.join(",", parts) + "]";
    }
    if (v instanceof Map<?, ?> m) {
      List<String> parts = new ArrayList<>();
      for (String k : sortedKeys(m)) {
        parts.add(k + "=" + goString(m.get(k)));
      }
      return "{" + String.join(",", parts) + "}";
    }
    return String.valueOf(v);
  }

  /** JSON as Go's {@code encoding/json} writes it; {@code sortKeys} as for Go maps. */
  static String json(@Nullable Object v, boolean sortKeys) {
    StringBuilder sb = new StringBuilder();
    writeJson(sb, v, sortKeys);
    return sb.toString();
  }

  private static void writeJson(StringBuilder sb, @Nullable Object v, boolean sortKeys) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof String s) {
      jsonString(sb, s);
    } else if (v instanceof Double d) {
      sb.append(jsonFloat(d));
    } else if (v instanceof List<?> l) {
      sb.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        writeJson(sb, l.get(i), sortKeys);
      }
      sb.append(']');
    } else if (v instanceof Map<?, ?> m) {
      sb.append('{');
      List<String> keys = sortKeys ? sortedKeys(m) : m.keySet().stream().map(String::valueOf).toList();
      boolean first = true;
      for (String k : keys) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        jsonString(sb, k);
        sb.append(':');
        writeJson(sb, m.get(k), sortKeys);
      }
      sb.append('}');
    } else {
      sb.append(v);
    }
  }

  /** A JSON string with Go's HTML-safe escaping. */
  static void jsonString(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' -> sb.append(String.format("\\u%04x", (int) c));
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  /** Go's {@code strconv.FormatFloat(f, 'g', -1, 64)} as {@code %v} prints it. */
  static String goFloat(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return Double.isNaN(d) ? "NaN" : d > 0 ? "+Inf" : "-Inf";
    }
    if (d == 0) {
      return 1 / d < 0 ? "-0" : "0";
    }
    BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    int exp = bd.precision() - bd.scale() - 1;
    return exp < -4 || exp >= 6 ? exponent(bd, exp) : bd.toPlainString();
  }

  /** Go's JSON float: {@code 'f'} format unless tiny or huge, then {@code 'e'} with a short exponent. */
  static String jsonFloat(double d) {
    double abs = Math.abs(d);
    if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
      BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
      String e = exponent(bd, bd.precision() - bd.scale() - 1);
      return e.replaceFirst("e-0(\\d)$", "e-$1");
    }
    if (d == 0) {
      return "0";
    }
    return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
  }

  private static String exponent(BigDecimal bd, int exp) {
    String digits = bd.unscaledValue().abs().toString();
    StringBuilder sb = new StringBuilder(bd.signum() < 0 ? "-" : "");
    sb.append(digits.charAt(0));
    if (digits.length() > 1) {
      sb.append('.').append(digits, 1, digits.length());
    }
    sb.append('e').append(exp < 0 ? '-' : '+');
    int a = Math.abs(exp);
    if (a < 10) {
      sb.append('0');
    }
    return sb.append(a).toString();
  }
}
