package io.gatehouse.cel.library;

import java.nio.charset.StandardCharsets;

/**
 * Go's {@code strconv.Quote} (what {@code %q} prints), used where upstream error texts quote a
 * value. Input is UTF-8 bytes, decoded as Go decodes them: invalid sequences become {@code \xNN}.
 *
 * <p>Stateless; thread-safe.
 */
final class GoQuoting {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private GoQuoting() {}

  /** Quotes the UTF-8 encoding of {@code s}. */
  static String quote(String s) {
    return quote(s.getBytes(StandardCharsets.UTF_8));
  }

  /** Quotes {@code bytes}, which need not be valid UTF-8. */
  static String quote(byte[] bytes) {
    StringBuilder b = new StringBuilder("\"");
    int i = 0;
    while (i < bytes.length) {
      int c = bytes[i] & 0xff;
      int width = c < 0x80 ? 1 : utf8Width(bytes, i);
      if (width == 0) {
        b.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
        i++;
        continue;
      }
      int rune = new String(bytes, i, width, StandardCharsets.UTF_8).codePointAt(0);
      appendEscaped(b, rune);
      i += width;
    }
    return b.append('"').toString();
  }

  private static void appendEscaped(StringBuilder b, int r) {
    if (r == '"' || r == '\\') {
      b.append('\\').appendCodePoint(r);
      return;
    }
    if (isPrint(r)) {
      b.appendCodePoint(r);
      return;
    }
    switch (r) {
      case 0x07 -> b.append("\\a");
      case '\b' -> b.append("\\b");
      case '\f' -> b.append("\\f");
      case '\n' -> b.append("\\n");
      case '\r' -> b.append("\\r");
      case '\t' -> b.append("\\t");
      case 0x0b -> b.append("\\v");
      default -> {
        if (r < ' ' || r == 0x7f) {
          b.append("\\x").append(HEX[r >> 4]).append(HEX[r & 0xf]);
        } else if (r < 0x10000) {
          b.append("\\u");
          hex(b, r, 4);
        } else {
          b.append("\\U");
          hex(b, r, 8);
        }
      }
    }
  }

  private static void hex(StringBuilder b, int r, int digits) {
    for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) {
      b.append(HEX[(r >> shift) & 0xf]);
    }
  }

  /** Go's {@code utf8.DecodeRune} width at {@code i}, or 0 where Go reports {@code RuneError}. */
  private static int utf8Width(byte[] s, int i) {
    int c = s[i] & 0xff;
    int n;
    int lo = 0x80;
    int hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) {
      n = 2;
    } else if (c >= 0xe0 && c <= 0xef) {
      n = 3;
      lo = c == 0xe0 ? 0xa0 : lo;
      hi = c == 0xed ? 0x9f : hi;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 4;
      lo = c == 0xf0 ? 0x90 : lo;
      hi = c == 0xf4 ? 0x8f : hi;
    } else {
      return 0;
    }
    if (i + n > s.length) {
      return 0;
    }
    int second = s[i + 1] & 0xff;
    if (second < lo || second > hi) {
      return 0;
    }
    for (int k = 2; k < n; k++) {
      int cont = s[i + k] & 0xff;
      if (cont < 0x80 || cont > 0xbf) {
        return 0;
      }
    }
    return n;
  }

  /** Go's {@code strconv.IsPrint}: letters, marks, numbers, punctuation, symbols, ASCII space. */
  private static boolean isPrint(int c) {
    if (c < 0x80) {
      return c >= 0x20 && c < 0x7f;
    }
    return switch (Character.getType(c)) {
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
}
