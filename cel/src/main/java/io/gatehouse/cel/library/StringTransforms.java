package io.gatehouse.cel.library;

import java.util.ArrayList;
import java.util.List;

/**
 * The transforming functions of cel-go's strings extension, with Go's {@code strings} package
 * semantics ({@code Replace}, {@code SplitN}, {@code TrimSpace}).
 *
 * <p>Stateless; thread-safe.
 */
final class StringTransforms {

  private StringTransforms() {}

  static String lowerAscii(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
    }
    return out.toString();
  }

  static String upperAscii(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      out.append(c >= 'a' && c <= 'z' ? (char) (c - ('a' - 'A')) : c);
    }
    return out.toString();
  }

  /** Go's {@code strings.Replace(s, old, replacement, n)}; {@code n < 0} replaces all. */
  static String replace(String s, String old, String replacement, long n) {
    if (old.equals(replacement) || n == 0) {
      return s;
    }
    long matches = count(s, old);
    if (matches == 0) {
      return s;
    }
    if (n < 0 || matches < n) {
      n = matches;
    }
    StringBuilder out = new StringBuilder();
    int start = 0;
    for (long i = 0; i < n; i++) {
      int j = start;
      if (old.isEmpty()) {
        if (i > 0) {
          j += Character.charCount(s.codePointAt(start));
        }
      } else {
        j = s.indexOf(old, start);
      }
      out.append(s, start, j).append(replacement);
      start = j + old.length();
    }
    return out.append(s, start, s.length()).toString();
  }

  /** Go's {@code strings.SplitN(s, sep, n)}; {@code n < 0} splits at every separator. */
  static List<String> split(String s, String sep, long n) {
    List<String> parts = new ArrayList<>();
    if (n == 0) {
      return parts;
    }
    if (sep.isEmpty()) {
      return explode(s, n);
    }
    if (n < 0) {
      n = count(s, sep) + 1;
    }
    int start = 0;
    while (parts.size() < n - 1) {
      int m = s.indexOf(sep, start);
      if (m < 0) {
        break;
      }
      parts.add(s.substring(start, m));
      start = m + sep.length();
    }
    parts.add(s.substring(start));
    return parts;
  }

  private static List<String> explode(String s, long n) {
    int runes = s.codePointCount(0, s.length());
    long pieces = n < 0 || n > runes ? runes : n;
    List<String> parts = new ArrayList<>();
    int at = 0;
    for (long i = 0; i < pieces - 1; i++) {
      int next = s.offsetByCodePoints(at, 1);
      parts.add(s.substring(at, next));
      at = next;
    }
    if (pieces > 0) {
      parts.add(s.substring(at));
    }
    return parts;
  }

  /** Go's {@code strings.Count}: for an empty {@code sub}, the code point count plus one. */
  private static long count(String s, String sub) {
    if (sub.isEmpty()) {
      return s.codePointCount(0, s.length()) + 1L;
    }
    long count = 0;
    for (int at = s.indexOf(sub); at >= 0; at = s.indexOf(sub, at + sub.length())) {
      count++;
    }
    return count;
  }

  /** Go's {@code strings.TrimSpace}: Unicode White_Space at both ends. */
  static String trim(String s) {
    int start = 0;
    while (start < s.length() && isGoSpace(s.codePointAt(start))) {
      start += Character.charCount(s.codePointAt(start));
    }
    int end = s.length();
    while (end > start && isGoSpace(s.codePointBefore(end))) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(start, end);
  }

  private static boolean isGoSpace(int cp) {
    return switch (cp) {
      case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F,
          0x3000 -> true;
      default -> cp >= 0x2000 && cp <= 0x200A;
    };
  }

  /**
   * {@code join} as version 2 implements it: elements are read one by one and a non-string fails
   * with {@code join: invalid input: <value>}.
   */
  static String joinV2(List<?> list, String separator) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < list.size(); i++) {
      if (i != 0) {
        out.append(separator);
      }
      if (!(list.get(i) instanceof String s)) {
        throw new StandardFunctionException(
            "join: invalid input: " + GoValueText.plain(list.get(i)));
      }
      out.append(s);
    }
    return out.toString();
  }

  /**
   * {@code join} as version 0 implements it: the list is first converted to a Go {@code []string},
   * so a non-string element fails with the conversion error.
   */
  static String joinV0(List<?> list, String separator) {
    for (Object element : list) {
      if (!(element instanceof String)) {
        throw new StandardFunctionException(
            "unsupported type conversion from '" + GoValueText.typeName(element) + "' to string");
      }
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < list.size(); i++) {
      out.append(i == 0 ? "" : separator).append((String) list.get(i));
    }
    return out.toString();
  }

  /**
   * {@code strings.quote}: wraps in double quotes and escapes the CEL escape sequences; unpaired
   * surrogates (Java's counterpart of invalid UTF-8) become U+FFFD.
   */
  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case 0x07 -> out.append("\\a");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case 0x0B -> out.append("\\v");
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        default -> out.appendCodePoint(Character.isSurrogate((char) cp) ? 0xFFFD : cp);
      }
    }
    return out.append('"').toString();
  }
}
