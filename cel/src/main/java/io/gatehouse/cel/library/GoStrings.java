package io.gatehouse.cel.library;

import io.gatehouse.api.GoQuote;
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
   * Returns Go's {@code strconv.Quote} of a byte string: as {@link GoQuote#quote(String)} for the valid
   * UTF-8 runes, and {@code \xNN} for each byte that is not part of one.
   */
  static String quote(String bytes) {
    byte[] b = bytes.getBytes(StandardCharsets.ISO_8859_1);
    StringBuilder out = new StringBuilder(b.length + 2).append('"');
    int i = 0;
    while (i < b.length) {
      int width = runeWidth(b, i);
      if (width == 0) {
        int v = b[i] & 0xff;
        out.append("\\x").append(HEX[v >> 4]).append(HEX[v & 0xf]);
        i++;
        continue;
      }
      GoQuote.appendEscaped(out, new String(b, i, width, StandardCharsets.UTF_8).codePointAt(0));
      i += width;
    }
    return out.append('"').toString();
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
}
