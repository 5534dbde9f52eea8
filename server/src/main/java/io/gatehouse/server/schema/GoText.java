package io.gatehouse.server.schema;

import io.gatehouse.api.GoQuote;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * How Go prints decoded JSON values in the messages upstream builds: a bad value of {@code
 * field.Error} as Kubernetes 1.33 prints it ({@link #value}: {@code %v} of {@code int64}, {@code
 * float64} and {@code bool}, {@code %q} of strings, {@code "null"} for nil, Go's {@code %#v} of
 * anything else, e.g. {@code []interface {}{"a", 1}}), {@code json.Marshal} (object keys sorted,
 * {@code <}, {@code >} and {@code &} escaped as Go does), and Go's {@code %v} of a {@code
 * []interface{}} ({@code [a 1 map[k:v]]}). Stateless.
 */
public final class GoText {

  private GoText() {}

  /**
   * A bad value already rendered as Go renders it (e.g. {@code json.Marshal} of a Go struct),
   * printed as is.
   *
   * @param text the rendered value
   */
  public record Raw(String text) {}

  /**
   * A {@code metav1.Time} bad value as {@code ErrorBody()} prints it (through {@code
   * time.Time.String()}: {@code 2024-01-01 00:00:00 +0000 UTC}, fractional seconds without
   * trailing zeros) for the RFC 3339 text it was decoded from. The API server decodes times into
   * its local zone; Gatehouse prints UTC, the zone kube-apiserver runs in as shipped. A value that
   * is not RFC 3339 text (upstream would not have decoded it) is returned unchanged.
   */
  public static @Nullable Object time(@Nullable Object rfc3339) {
    if (!(rfc3339 instanceof String s)) {
      return rfc3339;
    }
    java.time.OffsetDateTime t;
    try {
      t = java.time.OffsetDateTime.parse(s).withOffsetSameInstant(java.time.ZoneOffset.UTC);
    } catch (java.time.format.DateTimeParseException e) {
      return rfc3339;
    }
    String text = String.format(java.util.Locale.ROOT, "%04d-%02d-%02d %02d:%02d:%02d",
        t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(),
        t.getSecond());
    if (t.getNano() != 0) {
      String nanos = String.format(java.util.Locale.ROOT, "%09d", t.getNano());
      text += "." + nanos.replaceFirst("0+$", "");
    }
    return new Raw(text + " +0000 UTC");
  }

  /**
   * The bad value as 1.33's {@code field.Error.ErrorBody()} prints it when the value is
   * unstructured (an {@code interface{}} holding decoded JSON): nil is the string {@code "null"}
   * (so printed {@code %q}), a list {@code %#v} of a {@code []interface {}}, an object {@code %#v}
   * of a {@code map[string]interface {}}. A value of another Go type must be passed as a {@link
   * Raw} rendered for that type (e.g. {@code GoSyntax.strings} for a {@code []string}).
   */
  public static String value(@Nullable Object v) {
    return switch (v) {
      case Raw r -> r.text();
      case null -> "\"null\"";
      case Long l -> l.toString();
      case Integer i -> i.toString();
      case Boolean b -> b.toString();
      case Double d -> formatFloat(d);
      default -> goSyntax(v);
    };
  }

  /**
   * Go's {@code %#v} of a decoded JSON value held in an {@code interface{}}: strings quoted as
   * {@code %q}, numbers and booleans as {@code %v}, {@code []interface {}{…}}, {@code
   * map[string]interface {}{"k":…}} with keys sorted, and a nil element {@code interface {}(nil)}.
   */
  public static String goSyntax(@Nullable Object v) {
    StringBuilder b = new StringBuilder();
    appendGoSyntax(b, v, true);
    return b.toString();
  }

  private static void appendGoSyntax(StringBuilder b, @Nullable Object v, boolean top) {
    switch (v) {
      case null -> b.append(top ? "<nil>" : "interface {}(nil)");
      case String s -> b.append(GoQuote.quote(s));
      case Double d -> b.append(formatFloat(d));
      case List<?> l -> {
        b.append("[]interface {}{");
        for (int i = 0; i < l.size(); i++) {
          b.append(i > 0 ? ", " : "");
          appendGoSyntax(b, l.get(i), false);
        }
        b.append('}');
      }
      case Map<?, ?> m -> {
        b.append("map[string]interface {}{");
        boolean first = true;
        for (Map.Entry<?, ?> e : new TreeMap<>(m).entrySet()) {
          b.append(first ? "" : ", ").append(GoQuote.quote(String.valueOf(e.getKey()))).append(':');
          appendGoSyntax(b, e.getValue(), false);
          first = false;
        }
        b.append('}');
      }
      default -> b.append(v);
    }
  }

  /** Go's {@code strconv.FormatFloat(f, 'g', -1, 64)}, which is also {@code %v} of a float64. */
  public static String formatFloat(double f) {
    if (Double.isNaN(f)) {
      return "NaN";
    }
    if (Double.isInfinite(f)) {
      return f > 0 ? "+Inf" : "-Inf";
    }
    if (f == 0) {
      return (1 / f < 0) ? "-0" : "0";
    }
    BigDecimal d = shortest(f);
    int exp = exponent(d);
    // shortest formatting decides with precision 6: %e below 1e-4 and from 1e6 on
    return exp < -4 || exp >= 6 ? eForm(f, d, exp) : d.toPlainString();
  }

  private static BigDecimal shortest(double f) {
    return new BigDecimal(Double.toString(f)).stripTrailingZeros();
  }

  private static int exponent(BigDecimal d) {
    return d.unscaledValue().abs().toString().length() - 1 - d.scale();
  }

  private static String eForm(double f, BigDecimal d, int exp) {
    String digits = d.unscaledValue().abs().toString();
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return (f < 0 ? "-" : "") + mantissa + "e" + (exp < 0 ? "-" : "+")
        + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
  }

  /** Go's {@code fmt} {@code %v} of a decoded JSON value. */
  public static String v(@Nullable Object v) {
    if (v == null) {
      return "<nil>";
    }
    if (v instanceof Double d) {
      return formatFloat(d);
    }
    if (v instanceof List<?> l) {
      StringBuilder b = new StringBuilder("[");
      for (int i = 0; i < l.size(); i++) {
        b.append(i > 0 ? " " : "").append(v(l.get(i)));
      }
      return b.append(']').toString();
    }
    if (v instanceof Map<?, ?> m) {
      StringBuilder b = new StringBuilder("map[");
      boolean first = true;
      for (Map.Entry<?, ?> e : new TreeMap<>(m).entrySet()) {
        b.append(first ? "" : " ").append(e.getKey()).append(':').append(v(e.getValue()));
        first = false;
      }
      return b.append(']').toString();
    }
    return v.toString();
  }

  /** Go's {@code json.Marshal} of a decoded JSON value. */
  public static String json(@Nullable Object v) {
    StringBuilder b = new StringBuilder();
    appendJson(b, v);
    return b.toString();
  }

  private static void appendJson(StringBuilder b, @Nullable Object v) {
    switch (v) {
      case null -> b.append("null");
      case String s -> appendString(b, s);
      case Double d -> b.append(jsonFloat(d));
      case List<?> l -> {
        b.append('[');
        for (int i = 0; i < l.size(); i++) {
          if (i > 0) {
            b.append(',');
          }
          appendJson(b, l.get(i));
        }
        b.append(']');
      }
      case Map<?, ?> m -> {
        b.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : new TreeMap<>(m).entrySet()) {
          if (!first) {
            b.append(',');
          }
          first = false;
          appendString(b, String.valueOf(e.getKey()));
          b.append(':');
          appendJson(b, e.getValue());
        }
        b.append('}');
      }
      default -> b.append(v);
    }
  }

  /** encoding/json's float format: {@code 'f'} unless the exponent is below -6 or at least 21. */
  private static String jsonFloat(double f) {
    if (f == 0) {
      return "0";
    }
    double abs = Math.abs(f);
    BigDecimal d = shortest(f);
    if (abs < 1e-6 || abs >= 1e21) {
      // Go cleans e-09 up to e-9
      return eForm(f, d, exponent(d)).replaceAll("e-0(\\d)$", "e-$1");
    }
    return d.toPlainString();
  }

  private static void appendString(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' -> b.append(String.format("\\u%04x", (int) c));
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}
