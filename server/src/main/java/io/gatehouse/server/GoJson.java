package io.gatehouse.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes JSON as Go's {@code json.Encoder} does for the API server's responses and stored
 * objects: compact, maps in their iteration order, a trailing newline, and Go's string escapes —
 * {@code \"}, {@code \\}, {@code \b}, {@code \f}, {@code \n}, {@code \r}, {@code \t}, other
 * control characters and the HTML characters {@code <}, {@code >}, {@code &} as six-character
 * {@code u00xx} escapes (lower-case hex), U+2028 and U+2029 as escapes too, and an unpaired
 * surrogate as the escape of U+FFFD (Go's replacement of invalid UTF-8); doubles in encoding/json's
 * form ({@link GoFloat#json}). Maps, lists, strings, numbers, booleans and null are written
 * directly into a byte array; any other value (a record, say) is first turned into that tree by
 * Jackson's databind. Stateless; thread-safe.
 */
final class GoJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  /** Characters per {@link #ensure} call when writing a string. */
  private static final int SEGMENT = 4096;
  /** For ASCII: 0 written as is, otherwise the character after the backslash ('u': u00xx). */
  private static final byte[] ESCAPE = new byte[128];

  static {
    for (int c = 0; c < 0x20; c++) {
      ESCAPE[c] = 'u';
    }
    ESCAPE['"'] = '"';
    ESCAPE['\\'] = '\\';
    ESCAPE['\b'] = 'b';
    ESCAPE['\f'] = 'f';
    ESCAPE['\n'] = 'n';
    ESCAPE['\r'] = 'r';
    ESCAPE['\t'] = 't';
    ESCAPE['<'] = 'u';
    ESCAPE['>'] = 'u';
    ESCAPE['&'] = 'u';
  }

  private byte[] buf;
  private int len;
  /** The value whose map entry is left out and remembered ({@link #encodeWithSlot}), or null. */
  private final @Nullable Object slot;
  private String slotKey = "";
  private int slotAt = -1;
  private boolean slotAfterEntry;
  private boolean slotBeforeEntry;

  private GoJson(int capacity, @Nullable Object slot) {
    buf = new byte[capacity];
    this.slot = slot;
  }

  /**
   * An encoding with one map entry left out, which {@link #fill} writes in later, where it stood:
   * how the registry answers a create from the bytes it stored, with the {@code resourceVersion}
   * the commit gave.
   *
   * @param bytes the encoding without the entry
   */
  record Slotted(byte[] bytes, String key, int at, boolean afterEntry, boolean beforeEntry) {

    /** The encoding with the left-out entry present, its value the string {@code value}. */
    byte[] fill(String value) {
      GoJson entry = new GoJson(key.length() + value.length() + 8, null);
      if (afterEntry) {
        entry.buf[entry.len++] = ',';
      }
      entry.string(key);
      entry.ensure(1);
      entry.buf[entry.len++] = ':';
      entry.string(value);
      if (!afterEntry && beforeEntry) {
        entry.ensure(1);
        entry.buf[entry.len++] = ',';
      }
      byte[] out = new byte[bytes.length + entry.len];
      System.arraycopy(bytes, 0, out, 0, at);
      System.arraycopy(entry.buf, 0, out, at, entry.len);
      System.arraycopy(bytes, at, out, at + entry.len, bytes.length - at);
      return out;
    }
  }

  /**
   * Encodes {@code tree} (maps, lists, strings, numbers, booleans, null; anything else through
   * Jackson's databind).
   *
   * @throws IllegalArgumentException if {@code tree} holds something that cannot be encoded, such
   *     as a NaN or infinite double (Go's {@code UnsupportedValueError})
   */
  static byte[] encode(@Nullable Object tree) {
    return new GoJson(1024, null).write(tree);
  }

  /**
   * Encodes {@code tree} as {@link #encode} does, leaving out the one map entry whose value is
   * {@code slot} (by identity; a value no decoded tree holds), and tells where it would have been.
   *
   * @throws IllegalArgumentException as {@link #encode}, or if no entry or several hold {@code slot}
   */
  static Slotted encodeWithSlot(Object tree, Object slot) {
    GoJson out = new GoJson(1024, slot);
    byte[] bytes = out.write(tree);
    if (out.slotAt < 0) {
      throw new IllegalArgumentException("no entry holds the slot");
    }
    return new Slotted(bytes, out.slotKey, out.slotAt, out.slotAfterEntry, out.slotBeforeEntry);
  }

  private byte[] write(@Nullable Object tree) {
    value(tree);
    ensure(1);
    buf[len++] = '\n';
    return Arrays.copyOf(buf, len);
  }

  // An if-chain, not a pattern switch: the switch's type-test bootstrap made the whole encoding
  // about a third slower.
  private void value(@Nullable Object value) {
    if (value instanceof String s) {
      string(s);
    } else if (value instanceof Map<?, ?> m) {
      map(m);
    } else if (value instanceof List<?> l) {
      list(l);
    } else if (value == null) {
      ascii("null");
    } else if (value instanceof Long n) {
      ascii(Long.toString(n));
    } else if (value instanceof Boolean b) {
      ascii(b ? "true" : "false");
    } else if (value instanceof Integer n) {
      ascii(Integer.toString(n));
    } else if (value instanceof Double d) {
      ascii(GoFloat.json(d));
    } else if (value instanceof Float f) {
      ascii(GoFloat.json32(f));
    } else if (value instanceof Short || value instanceof Byte || value instanceof BigInteger
        || value instanceof BigDecimal) {
      ascii(value.toString());
    } else {
      value(treeOf(value));
    }
  }

  private void map(Map<?, ?> m) {
    ensure(1);
    buf[len++] = '{';
    boolean first = true;
    boolean slotHere = false;
    for (Map.Entry<?, ?> e : m.entrySet()) {
      Object v = e.getValue();
      if (slot != null) {
        if (v == slot) {
          if (slotAt >= 0) {
            throw new IllegalArgumentException("several entries hold the slot");
          }
          slotKey = e.getKey() instanceof String k ? k : String.valueOf(e.getKey());
          slotAt = len;
          slotAfterEntry = !first;
          slotHere = true;
          continue;
        }
        if (slotHere) {
          slotBeforeEntry = true;
          slotHere = false;
        }
      }
      if (!first) {
        ensure(1);
        buf[len++] = ',';
      }
      first = false;
      string(e.getKey() instanceof String k ? k : String.valueOf(e.getKey()));
      ensure(1);
      buf[len++] = ':';
      value(v);
    }
    ensure(1);
    buf[len++] = '}';
  }

  private void list(List<?> l) {
    ensure(1);
    buf[len++] = '[';
    for (int i = 0; i < l.size(); i++) {
      if (i > 0) {
        ensure(1);
        buf[len++] = ',';
      }
      value(l.get(i));
    }
    ensure(1);
    buf[len++] = ']';
  }

  private static Object treeOf(Object value) {
    try {
      return MAPPER.convertValue(value, Object.class);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot encode " + value.getClass().getName(), e);
    }
  }

  private void ascii(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      buf[len++] = (byte) s.charAt(i);
    }
  }

  private void string(String s) {
    if (plain(s)) {
      return;
    }
    int n = s.length();
    ensure(1);
    buf[len++] = '"';
    for (int start = 0; start < n; ) {
      start = segment(s, start, Math.min(n, start + SEGMENT));
    }
    ensure(1);
    buf[len++] = '"';
  }

  /**
   * Writes {@code s} quoted if it is ASCII without characters to escape, the common case, by
   * copying its UTF-8 bytes; returns false, having written nothing, otherwise.
   */
  private boolean plain(String s) {
    int n = s.length();
    byte[] u = s.getBytes(StandardCharsets.UTF_8);
    if (u.length != n) {
      return false;
    }
    // As many bytes as chars: every char is ASCII, or an unpaired surrogate encoded as '?'.
    for (int i = 0; i < n; i++) {
      int c = u[i];
      if (ESCAPE[c] != 0 || c == '?' && s.charAt(i) != '?') {
        return false;
      }
    }
    ensure(n + 2);
    buf[len] = '"';
    System.arraycopy(u, 0, buf, len + 1, n);
    buf[len + n + 1] = '"';
    len += n + 2;
    return true;
  }

  /** Writes {@code s[from, to)} (and the low half of a pair ending there); returns the next index. */
  private int segment(String s, int from, int to) {
    // At most 6 bytes per char: an escape, or 3 UTF-8 bytes (a pair: 4 bytes for 2 chars).
    ensure((to - from + 1) * 6);
    byte[] b = buf;
    int p = len;
    int n = s.length();
    int i = from;
    for (; i < to; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        byte esc = ESCAPE[c];
        if (esc == 0) {
          b[p++] = (byte) c;
        } else if (esc == 'u') {
          b[p++] = '\\';
          b[p++] = 'u';
          b[p++] = '0';
          b[p++] = '0';
          b[p++] = HEX[c >> 4];
          b[p++] = HEX[c & 0xF];
        } else {
          b[p++] = '\\';
          b[p++] = esc;
        }
      } else if (c < 0x800) {
        b[p++] = (byte) (0xC0 | (c >> 6));
        b[p++] = (byte) (0x80 | (c & 0x3F));
      } else if (c == '\u2028' || c == '\u2029') {
        b[p++] = '\\';
        b[p++] = 'u';
        b[p++] = '2';
        b[p++] = '0';
        b[p++] = '2';
        b[p++] = HEX[c & 0xF];
      } else if (Character.isHighSurrogate(c) && i + 1 < n
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        b[p++] = (byte) (0xF0 | (cp >> 18));
        b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        b[p++] = (byte) (0x80 | (cp & 0x3F));
      } else if (Character.isSurrogate(c)) {
        b[p++] = '\\';
        b[p++] = 'u';
        b[p++] = 'f';
        b[p++] = 'f';
        b[p++] = 'f';
        b[p++] = 'd';
      } else {
        b[p++] = (byte) (0xE0 | (c >> 12));
        b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        b[p++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    len = p;
    return i;
  }

  private void ensure(int more) {
    if (len + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }
  }
}
