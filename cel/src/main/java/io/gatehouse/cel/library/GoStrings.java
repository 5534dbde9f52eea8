package io.gatehouse.cel.library;

import java.nio.charset.StandardCharsets;

/**
 * Go string helpers for ports of Go code that works on bytes.
 *
 * <p>A <em>byte string</em> here is a Java {@code String} whose every char is one byte (0–255) of
 * a Go string, i.e. the UTF-8 encoding of the text read as ISO-8859-1. Ported Go code can then
 * index, slice and compare bytes exactly as Go does. Stateless; thread-safe.
 */
final class GoStrings {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private GoStrings() {}

  /** Returns the byte string of {@code text}. */
  static String toBytes(String text) {
    return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  /**
   * Returns the text of a byte string; invalid UTF-8 (possible after percent-decoding) becomes
   * U+FFFD, where Go would keep the raw bytes.
   */
  static String fromBytes(String bytes) {
    return new String(bytes.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }

  /**
   * Returns Go's {@code strconv.Quote} of a byte string: double-quoted, printable runes kept,
   * {@code \a \b \f \n \r \t \v}, {@code \\} and {@code \"} escaped, other control characters
   * and invalid UTF-8 bytes as {@code \xNN}, other non-printable runes as a
   * backslash, {@code u} or {@code U}, and four or eight hex digits.
   */
  static String quote(String bytes) {
    byte[] b = bytes.getBytes(StandardCharsets.ISO_8859_1);
    StringBuilder out = new StringBuilder(b.length + 2).append('"');
    int i = 0;
    while (i < b.length) {
      int width = runeWidth(b, i);
      if (width == 0) {
        appendHex(out.append("\\x"), b[i] & 0xff, 2);
        i++;
        continue;
      }
      int r = new String(b, i, width, StandardCharsets.UTF_8).codePointAt(0);
      i += width;
      appendRune(out, r);
    }
    return out.append('"').toString();
  }

  private static void appendRune(StringBuilder out, int r) {
    switch (r) {
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
        if (isPrint(r)) {
          out.appendCodePoint(r);
        } else if (r < ' ' || r == 0x7f) {
          appendHex(out.append("\\x"), r, 2);
        } else if (r < 0x10000) {
          appendHex(out.append("\\u"), r, 4);
        } else {
          appendHex(out.append("\\U"), r, 8);
        }
      }
    }
  }

  // Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
  private static boolean isPrint(int r) {
    if (r == ' ') {
      return true;
    }
    return switch (Character.getType(r)) {
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

  /** Returns the length of the valid UTF-8 sequence at {@code i}, or 0 if it is invalid. */
  private static int runeWidth(byte[] b, int i) {
    int c = b[i] & 0xff;
    int width;
    int min;
    if (c < 0x80) {
      return 1;
    } else if (c >= 0xc2 && c <= 0xdf) {
      width = 2;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      width = 3;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      width = 4;
      min = 0x10000;
    } else {
      return 0;
    }
    if (i + width > b.length) {
      return 0;
    }
    int r = c & (0xff >> (width + 1));
    for (int k = 1; k < width; k++) {
      int cc = b[i + k] & 0xff;
      if ((cc & 0xc0) != 0x80) {
        return 0;
      }
      r = (r << 6) | (cc & 0x3f);
    }
    boolean surrogate = r >= 0xd800 && r <= 0xdfff;
    return r < min || r > 0x10ffff || surrogate ? 0 : width;
  }

  private static void appendHex(StringBuilder out, int value, int digits) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      out.append(HEX[(value >> shift) & 0xf]);
    }
  }
}
