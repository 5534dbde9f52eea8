package io.gatehouse.admission.podsecurity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The text helpers upstream's checks format with: {@code joinQuote}, {@code pluralize}, Go's {@code
 * %q} and Go's byte-order string sorting ({@code sets.String.List()}).
 *
 * <p>Stateless; thread-safe.
 */
final class GoText {

  /** Go compares strings by UTF-8 bytes, which is code point order (Java compares UTF-16 units). */
  static final Comparator<String> BYTE_ORDER = GoText::compare;

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private GoText() {}

  /** Returns {@code "a", "b"}: each item wrapped in double quotes (not escaped), joined. */
  static String joinQuote(Collection<String> items) {
    if (items.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    for (String item : items) {
      b.append(b.isEmpty() ? "\"" : ", \"").append(item).append('"');
    }
    return b.toString();
  }

  /** Returns {@code singular} when {@code count} is 1, else {@code plural}. */
  static String pluralize(String singular, String plural, int count) {
    return count == 1 ? singular : plural;
  }

  /** Returns {@code container "a"} or {@code containers "a", "b"}. */
  static String containers(List<String> names) {
    return pluralize("container", "containers", names.size()) + " " + joinQuote(names);
  }

  /** Returns the distinct values sorted as Go's {@code sets.String.List()} sorts them. */
  static List<String> sortedSet(Collection<String> values) {
    TreeSet<String> set = new TreeSet<>(BYTE_ORDER);
    set.addAll(values);
    return new ArrayList<>(set);
  }

  /** Returns {@code values} sorted in Go's byte order (duplicates kept). */
  static List<String> sorted(Collection<String> values) {
    List<String> out = new ArrayList<>(values);
    out.sort(BYTE_ORDER);
    return out;
  }

  /** Compares as Go compares strings: by code point, i.e. by UTF-8 bytes. */
  static int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  /** Quotes {@code s} as Go's {@code %q} ({@code strconv.Quote}) does. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp >= 0xD800 && cp <= 0xDFFF) {
        cp = 0xFFFD; // a lone surrogate is invalid UTF-8; Go sees the replacement character
      }
      escape(b, cp);
    }
    return b.append('"').toString();
  }

  private static void escape(StringBuilder b, int cp) {
    switch (cp) {
      case '"' -> b.append("\\\"");
      case '\\' -> b.append("\\\\");
      case '\u0007' -> b.append("\\a");
      case '\b' -> b.append("\\b");
      case '\f' -> b.append("\\f");
      case '\n' -> b.append("\\n");
      case '\r' -> b.append("\\r");
      case '\t' -> b.append("\\t");
      case '\u000b' -> b.append("\\v");
      default -> {
        if (printable(cp)) {
          b.appendCodePoint(cp);
        } else if (cp < 0x80) {
          b.append("\\x").append(HEX[cp >> 4]).append(HEX[cp & 0xF]);
        } else if (cp < 0x10000) {
          b.append("\\u");
          hex(b, cp, 4);
        } else {
          b.append("\\U");
          hex(b, cp, 8);
        }
      }
    }
  }

  private static void hex(StringBuilder b, int cp, int digits) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      b.append(HEX[(cp >> shift) & 0xF]);
    }
  }

  /** An approximation of Go's {@code strconv.IsPrint} through Java's Unicode categories. */
  private static boolean printable(int cp) {
    if (cp < 0x20 || cp == 0x7F) {
      return false;
    }
    if (cp < 0x7F) {
      return true;
    }
    return switch (Character.getType(cp)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.PRIVATE_USE,
          Character.SURROGATE,
          Character.UNASSIGNED,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR ->
          false;
      case Character.SPACE_SEPARATOR -> cp == 0x20;
      default -> true;
    };
  }
}
