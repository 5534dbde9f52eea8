package io.gatehouse.cel.library;

/**
 * Go's {@code strconv.Quote} ({@code fmt}'s {@code %q} on strings): double quotes, backslash
 * escapes for quotes, backslashes and control characters, {@code \xNN}/{@code \\uNNNN}/
 * {@code \\UNNNNNNNN} for non-printable code points, printable Unicode kept as is.
 *
 * <p>Stateless; thread-safe.
 */
final class GoQuote {

  private GoQuote() {}

  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      appendEscaped(out, cp);
    }
    return out.append('"').toString();
  }

  private static void appendEscaped(StringBuilder out, int cp) {
    if (cp == '"' || cp == '\\') {
      out.append('\\').appendCodePoint(cp);
      return;
    }
    if (isPrint(cp)) {
      out.appendCodePoint(cp);
      return;
    }
    switch (cp) {
      case 0x07 -> out.append("\\a");
      case '\b' -> out.append("\\b");
      case '\f' -> out.append("\\f");
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      case 0x0B -> out.append("\\v");
      default -> {
        if (cp < ' ' || cp == 0x7F) {
          out.append("\\x").append(hex(cp, 2));
        } else if (Character.isSurrogate((char) cp)) {
          out.append("\\ufffd");
        } else if (cp < 0x10000) {
          out.append("\\u").append(hex(cp, 4));
        } else {
          out.append("\\U").append(hex(cp, 8));
        }
      }
    }
  }

  /** Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and U+0020. */
  private static boolean isPrint(int cp) {
    if (cp < 0x80) {
      return cp >= 0x20 && cp < 0x7F;
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

  private static String hex(int value, int width) {
    String digits = Integer.toHexString(value);
    return "0".repeat(Math.max(0, width - digits.length())) + digits;
  }
}
