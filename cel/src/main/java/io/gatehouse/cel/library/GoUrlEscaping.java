package io.gatehouse.cel.library;

/**
 * Percent-encoding as Go's {@code net/url} does it (RFC 3986 with Go's deviations), on byte
 * strings (see {@link GoStrings}).
 *
 * <p>Stateless; thread-safe.
 */
final class GoUrlEscaping {

  /** Which part of a URL is being escaped or unescaped; each allows different bytes. */
  enum Mode {
    PATH,
    PATH_SEGMENT,
    HOST,
    ZONE,
    USER_PASSWORD,
    QUERY_COMPONENT,
    FRAGMENT
  }

  private static final String UPPER_HEX = "0123456789ABCDEF";

  private GoUrlEscaping() {}

  /** Thrown for a malformed escape or a bad host byte; the message is Go's error text. */
  static final class EscapeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EscapeException(String message) {
      super(message, null, false, false);
    }
  }

  static boolean shouldEscape(char c, Mode mode) {
    if ('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
      return false;
    }
    if (mode == Mode.HOST || mode == Mode.ZONE) {
      switch (c) {
        case '!', '$', '&', '\'', '(', ')', '*', '+', ',', ';', '=', ':', '[', ']', '<', '>', '"':
          return false;
        default:
          break;
      }
    }
    switch (c) {
      case '-', '_', '.', '~':
        return false;
      case '$', '&', '+', ',', '/', ':', ';', '=', '?', '@':
        switch (mode) {
          case PATH:
            return c == '?';
          case PATH_SEGMENT:
            return c == '/' || c == ';' || c == ',' || c == '?';
          case USER_PASSWORD:
            return c == '@' || c == '/' || c == '?' || c == ':';
          case QUERY_COMPONENT:
            return true;
          case FRAGMENT:
            return false;
          case HOST, ZONE:
            break;
        }
        break;
      default:
        break;
    }
    if (mode == Mode.FRAGMENT) {
      switch (c) {
        case '!', '(', ')', '*':
          return false;
        default:
          break;
      }
    }
    return true;
  }

  /**
   * Decodes {@code %XX} escapes (and {@code +} in query components) in byte string {@code s}.
   *
   * @throws EscapeException with Go's {@code invalid URL escape "%zz"} or {@code invalid character
   *     " " in host name}
   */
  static String unescape(String s, Mode mode) {
    int n = 0;
    boolean hasPlus = false;
    for (int i = 0; i < s.length(); ) {
      char c = s.charAt(i);
      if (c == '%') {
        n++;
        if (i + 2 >= s.length() || !isHex(s.charAt(i + 1)) || !isHex(s.charAt(i + 2))) {
          String bad = s.substring(i, Math.min(s.length(), i + 3));
          throw new EscapeException("invalid URL escape " + GoStrings.quote(bad));
        }
        String esc = s.substring(i, i + 3);
        if (mode == Mode.HOST && unhex(s.charAt(i + 1)) < 8 && !esc.equals("%25")) {
          throw new EscapeException("invalid URL escape " + GoStrings.quote(esc));
        }
        if (mode == Mode.ZONE) {
          char v = (char) (unhex(s.charAt(i + 1)) << 4 | unhex(s.charAt(i + 2)));
          if (!esc.equals("%25") && v != ' ' && shouldEscape(v, Mode.HOST)) {
            throw new EscapeException("invalid URL escape " + GoStrings.quote(esc));
          }
        }
        i += 3;
      } else if (c == '+') {
        hasPlus = mode == Mode.QUERY_COMPONENT;
        i++;
      } else {
        if ((mode == Mode.HOST || mode == Mode.ZONE) && c < 0x80 && shouldEscape(c, mode)) {
          throw new EscapeException(
              "invalid character " + GoStrings.quote(String.valueOf(c)) + " in host name");
        }
        i++;
      }
    }
    if (n == 0 && !hasPlus) {
      return s;
    }
    StringBuilder t = new StringBuilder(s.length() - 2 * n);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        t.append((char) (unhex(s.charAt(i + 1)) << 4 | unhex(s.charAt(i + 2))));
        i += 2;
      } else if (c == '+') {
        t.append(mode == Mode.QUERY_COMPONENT ? ' ' : '+');
      } else {
        t.append(c);
      }
    }
    return t.toString();
  }

  /** Percent-encodes the bytes of byte string {@code s} that {@code mode} does not allow. */
  static String escape(String s, Mode mode) {
    StringBuilder t = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean space = c == ' ' && mode == Mode.QUERY_COMPONENT;
      if (!space && !shouldEscape(c, mode)) {
        if (t != null) {
          t.append(c);
        }
        continue;
      }
      if (t == null) {
        t = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (space) {
        t.append('+');
      } else {
        t.append('%').append(UPPER_HEX.charAt(c >> 4)).append(UPPER_HEX.charAt(c & 15));
      }
    }
    return t == null ? s : t.toString();
  }

  /** Returns whether {@code s} is a valid encoding of a path or fragment in {@code mode}. */
  static boolean validEncoded(String s, Mode mode) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '!', '$', '&', '\'', '(', ')', '*', '+', ',', ';', '=', ':', '@', '[', ']', '%':
          break;
        default:
          if (shouldEscape(c, mode)) {
            return false;
          }
      }
    }
    return true;
  }

  private static boolean isHex(char c) {
    return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F';
  }

  private static int unhex(char c) {
    if ('0' <= c && c <= '9') {
      return c - '0';
    }
    if ('a' <= c && c <= 'f') {
      return c - 'a' + 10;
    }
    return c - 'A' + 10;
  }
}
