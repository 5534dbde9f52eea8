package io.gatehouse.admission.validating;

import io.gatehouse.api.GoQuote;

import java.util.List;

/**
 * Renders values as Go's formatting does where upstream messages embed them: {@code %q} strings,
 * {@code %#v} string slices, and {@code encoding/json} strings. Stateless; thread-safe.
 */
final class GoText {

  private GoText() {}

  /** Returns {@code s} without leading and trailing Unicode white space, as Go's {@code strings.TrimSpace}. */
  static String trimSpace(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  private static boolean isSpace(char c) {
    return switch (c) {
      case '\t', '\n', 11, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F,
          0x3000 -> true;
      default -> c >= 0x2000 && c <= 0x200A;
    };
  }

  /** Returns {@code s} as Go's {@code strconv.Quote}. */
  static String quote(String s) {
    return GoQuote.quote(s);
  }

  /** Returns {@code values} as Go's {@code %#v} of a slice of (named) strings. */
  static String slice(String typeName, List<String> values) {
    StringBuilder b = new StringBuilder("[]").append(typeName).append('{');
    for (int i = 0; i < values.size(); i++) {
      b.append(i > 0 ? ", " : "").append(quote(values.get(i)));
    }
    return b.append('}').toString();
  }

  /** Returns {@code s} as a JSON string the way Go's {@code encoding/json} escapes it. */
  static String json(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\b' -> b.append("\\b"); // Go 1.22+ (Kubernetes 1.30+)
        case '\f' -> b.append("\\f");
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
    return b.append('"').toString();
  }
}
