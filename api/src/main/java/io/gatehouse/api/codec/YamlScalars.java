package io.gatehouse.api.codec;

import java.math.BigInteger;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Resolves plain YAML scalars to JSON values as go-yaml v2 does when kubectl and kube-apiserver
 * decode YAML (sigs.k8s.io/yaml): YAML 1.1 booleans ({@code yes}, {@code on}, …), nulls, ints in
 * decimal, octal ({@code 0755}), hex and binary, underscores ignored, floats, {@code .inf} and
 * {@code .nan}; timestamps stay strings. A float with an integral value becomes a {@code Long}, as
 * the YAML→JSON→unstructured round trip does.
 *
 * <p>Stateless; thread-safe.
 */
final class YamlScalars {

  /** Marker for a resolved JSON null (distinct from "not resolved"). */
  static final Object NULL = new Object();

  private static final Map<String, Object> SPECIAL =
      Map.ofEntries(
          Map.entry("y", true), Map.entry("Y", true), Map.entry("yes", true),
          Map.entry("Yes", true), Map.entry("YES", true), Map.entry("true", true),
          Map.entry("True", true), Map.entry("TRUE", true), Map.entry("on", true),
          Map.entry("On", true), Map.entry("ON", true), Map.entry("n", false),
          Map.entry("N", false), Map.entry("no", false), Map.entry("No", false),
          Map.entry("NO", false), Map.entry("false", false), Map.entry("False", false),
          Map.entry("FALSE", false), Map.entry("off", false), Map.entry("Off", false),
          Map.entry("OFF", false), Map.entry("", NULL), Map.entry("~", NULL),
          Map.entry("null", NULL), Map.entry("Null", NULL), Map.entry("NULL", NULL),
          Map.entry(".nan", Double.NaN), Map.entry(".NaN", Double.NaN),
          Map.entry(".NAN", Double.NaN), Map.entry(".inf", Double.POSITIVE_INFINITY),
          Map.entry(".Inf", Double.POSITIVE_INFINITY), Map.entry(".INF", Double.POSITIVE_INFINITY),
          Map.entry("+.inf", Double.POSITIVE_INFINITY),
          Map.entry("+.Inf", Double.POSITIVE_INFINITY),
          Map.entry("+.INF", Double.POSITIVE_INFINITY),
          Map.entry("-.inf", Double.NEGATIVE_INFINITY),
          Map.entry("-.Inf", Double.NEGATIVE_INFINITY),
          Map.entry("-.INF", Double.NEGATIVE_INFINITY));

  private static final Pattern YAML_FLOAT =
      Pattern.compile("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");
  private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private YamlScalars() {}

  /**
   * Resolves a plain (unquoted) scalar. Returns {@link #NULL} for null, a {@code Boolean}, {@code
   * Long}, {@code Double}, or the text itself as a string.
   */
  static Object resolvePlain(String text) {
    Object special = SPECIAL.get(text);
    if (special != null) {
      return special;
    }
    if (text.isEmpty()) {
      return text;
    }
    char c = text.charAt(0);
    if (!(Character.isDigit(c) || c == '-' || c == '+' || c == '.')) {
      return text;
    }
    String plain = text.replace("_", "");
    Object integer = parseGoInt(plain);
    if (integer != null) {
      return integer;
    }
    if (YAML_FLOAT.matcher(plain).matches()) {
      try {
        return normaliseFloat(Double.parseDouble(plain));
      } catch (NumberFormatException e) {
        return text;
      }
    }
    if (plain.startsWith("0b") || plain.startsWith("-0b")) {
      boolean neg = plain.startsWith("-");
      Object v = parseRadix(plain.substring(neg ? 3 : 2), 2, neg);
      if (v != null) {
        return v;
      }
    }
    return text;
  }

  /** Resolves a scalar with an explicit standard tag; null if the tag is not a standard one. */
  static @Nullable Object resolveTagged(String tag, String text) {
    return switch (tag) {
      case "tag:yaml.org,2002:str", "tag:yaml.org,2002:binary", "tag:yaml.org,2002:timestamp" ->
          text;
      case "tag:yaml.org,2002:null" -> NULL;
      case "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float" -> {
        Object v = resolvePlain(text);
        boolean ok =
            switch (tag) {
              case "tag:yaml.org,2002:bool" -> v instanceof Boolean;
              case "tag:yaml.org,2002:int" -> v instanceof Long || v instanceof Double;
              default -> v instanceof Long || v instanceof Double;
            };
        yield ok ? v : null;
      }
      default -> null;
    };
  }

  /** An integral double within int64 becomes a Long, as YAML→JSON→unstructured does. */
  static Object normaliseFloat(double d) {
    if (!Double.isInfinite(d) && !Double.isNaN(d) && d == Math.rint(d)
        && Math.abs(d) < 1e21 && d >= -9.223372036854775808E18 && d < 9.223372036854775807E18) {
      return (long) d;
    }
    return d;
  }

  /** Go's strconv.ParseInt(s, 0, 64), then ParseUint; null if neither accepts. */
  private static @Nullable Object parseGoInt(String s) {
    boolean neg = false;
    String body = s;
    if (body.startsWith("+") || body.startsWith("-")) {
      neg = body.charAt(0) == '-';
      body = body.substring(1);
    }
    if (body.isEmpty()) {
      return null;
    }
    int radix = 10;
    if (body.length() > 1 && body.charAt(0) == '0') {
      char p = Character.toLowerCase(body.charAt(1));
      if (p == 'x') {
        radix = 16;
        body = body.substring(2);
      } else if (p == 'o') {
        radix = 8;
        body = body.substring(2);
      } else if (p == 'b') {
        radix = 2;
        body = body.substring(2);
      } else {
        radix = 8;
        body = body.substring(1);
      }
    }
    return parseRadix(body, radix, neg);
  }

  private static @Nullable Object parseRadix(String digits, int radix, boolean neg) {
    if (digits.isEmpty()) {
      return null;
    }
    for (int i = 0; i < digits.length(); i++) {
      if (Character.digit(digits.charAt(i), radix) < 0) {
        return null;
      }
    }
    BigInteger v = new BigInteger(digits, radix);
    if (neg) {
      v = v.negate();
    }
    if (v.bitLength() < 64) {
      return v.longValue();
    }
    if (!neg && v.compareTo(UINT64_MAX) <= 0) {
      // A uint64 beyond int64 becomes a float64 in unstructured JSON.
      return v.doubleValue();
    }
    return null;
  }
}
