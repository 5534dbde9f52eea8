package io.gatehouse.api.catalog;

import java.util.List;

/** Go's {@code %q} formatting ({@code strconv.Quote}), for upstream-exact error texts. */
final class GoQuote {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private GoQuote() {}

  /** Formats {@code values} as Go's {@code %q} formats a {@code []string}: {@code ["a" "b"]}. */
  static String quote(List<String> values) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      b.append(i == 0 ? "" : " ").append(quote(values.get(i)));
    }
    return b.append(']').toString();
  }

  /** Quotes {@code s} as Go's {@code strconv.Quote}: printable runes kept, others escaped. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    // a lone surrogate cannot be encoded as UTF-8; Go would see U+FFFD
    s.codePoints().forEach(cp -> escape(b, cp >= 0xD800 && cp <= 0xDFFF ? 0xFFFD : cp));
    return b.append('"').toString();
  }

  private static void escape(StringBuilder b, int cp) {
    switch (cp) {
      case '"' -> b.append("\\\"");
      case '\\' -> b.append("\\\\");
      case 0x07 -> b.append("\\a");
      case '\b' -> b.append("\\b");
      case '\f' -> b.append("\\f");
      case '\n' -> b.append("\\n");
      case '\r' -> b.append("\\r");
      case '\t' -> b.append("\\t");
      case 0x0B -> b.append("\\v");
      default -> {
        if (printable(cp)) {
          b.appendCodePoint(cp);
        } else if (cp < ' ' || cp == 0x7F) {
          hex(b.append("\\x"), cp, 2);
        } else if (cp < 0x10000) {
          hex(b.append("\\u"), cp, 4);
        } else {
          hex(b.append("\\U"), cp, 8);
        }
      }
    }
  }

  /** Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and ASCII space. */
  private static boolean printable(int cp) {
    if (cp == ' ') {
      return true;
    }
    return switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
          Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
          Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION, Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
      default -> false;
    };
  }

  private static void hex(StringBuilder b, int value, int digits) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      b.append(HEX[(value >> shift) & 0xF]);
    }
  }
}
