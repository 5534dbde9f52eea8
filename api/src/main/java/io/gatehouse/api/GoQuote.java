package io.gatehouse.api;

import java.util.List;

/**
 * Go's {@code strconv.Quote}, which is also {@code fmt}'s {@code %q} for a string: upstream error
 * messages quote names and user input this way, and Gatehouse's texts must match them byte for
 * byte.
 *
 * <p>A rune is kept when Go's {@code unicode.IsPrint} holds (letters, marks, numbers,
 * punctuation, symbols and the ASCII space); otherwise it is escaped: {@code \a \b \f \n \r \t
 * \v} where Go has a name for it, {@code \xNN} below U+0020 and for U+007F, else a backslash
 * and {@code u} with four hex digits, or {@code U} with eight. A Java
 * string can hold a lone surrogate, which no Go string can: it is treated as U+FFFD, the rune Go's
 * JSON decoder makes of one.
 *
 * <p>Stateless and thread-safe; arguments must not be null.
 */
public final class GoQuote {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private GoQuote() {}

  /** Returns {@code s} in double quotes with Go's escapes, as {@code strconv.Quote(s)}. */
  public static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    s.codePoints().forEach(cp -> appendEscaped(out, cp));
    return out.append('"').toString();
  }

  /** Returns {@code values} as Go's {@code %q} formats a {@code []string}: {@code ["a" "b"]}. */
  public static String quote(List<String> values) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      out.append(i == 0 ? "" : " ").append(quote(values.get(i)));
    }
    return out.append(']').toString();
  }

  /**
   * Appends rune {@code codePoint} to {@code out} as {@code strconv.Quote} writes it between the
   * quotes; for callers that quote text decoded some other way (e.g. Go byte strings).
   */
  public static void appendEscaped(StringBuilder out, int codePoint) {
    int cp = Character.isSurrogate((char) codePoint) && codePoint <= 0xffff ? 0xfffd : codePoint;
    switch (cp) {
      case '"' -> out.append("\\\"");
      case '\\' -> out.append("\\\\");
      case 0x07 -> out.append("\\a");
      case '\b' -> out.append("\\b");
      case '\f' -> out.append("\\f");
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      case 0x0b -> out.append("\\v");
      default -> {
        if (isPrint(cp)) {
          out.appendCodePoint(cp);
        } else if (cp < ' ' || cp == 0x7f) {
          appendHex(out.append("\\x"), cp, 2);
        } else if (cp < 0x10000) {
          appendHex(out.append("\\u"), cp, 4);
        } else {
          appendHex(out.append("\\U"), cp, 8);
        }
      }
    }
  }

  private static void appendHex(StringBuilder out, int value, int digits) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      out.append(HEX[(value >> shift) & 0xf]);
    }
  }

  /** Go's {@code unicode.IsPrint}. */
  private static boolean isPrint(int cp) {
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

  /**
   * Compares strings as Go does: by their UTF-8 bytes, which orders like code points (Java's
   * {@link String#compareTo} orders by UTF-16 units and differs above U+FFFF).
   */
  public static int compare(String a, String b) {
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
}
