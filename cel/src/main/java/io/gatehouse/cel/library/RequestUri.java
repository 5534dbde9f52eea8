package io.gatehouse.cel.library;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The error of Go's {@code url.ParseRequestURI} (Go 1.22–1.24, as Kubernetes 1.31–1.33 are built):
 * an absolute URI or an absolute path, no fragment handling, with {@code net/url}'s exact messages
 * wrapped as {@code parse "<input>": <reason>}. Works on UTF-8 bytes, as Go does.
 *
 * <p>Stateless; thread-safe.
 */
final class RequestUri {

  private enum Mode { PATH, USER_PASSWORD, HOST, ZONE }

  private RequestUri() {}

  /** Returns the error text of {@code url.ParseRequestURI(s)}, or null if it parses. */
  static @Nullable String parseError(String s) {
    byte[] raw = s.getBytes(StandardCharsets.UTF_8);
    String reason = reason(raw);
    return reason == null ? null : "parse " + GoQuoting.quote(raw) + ": " + reason;
  }

  private static @Nullable String reason(byte[] raw) {
    for (byte b : raw) {
      if ((b & 0xff) < 0x20 || b == 0x7f) {
        return "net/url: invalid control character in URL";
      }
    }
    if (raw.length == 0) {
      return "empty url";
    }
    if (raw.length == 1 && raw[0] == '*') {
      return null;
    }
    int schemeEnd = schemeEnd(raw);
    if (schemeEnd == 0) {
      return "missing protocol scheme";
    }
    boolean hasScheme = schemeEnd > 0;
    byte[] rest = hasScheme ? Arrays.copyOfRange(raw, schemeEnd + 1, raw.length) : raw;
    int query = indexOf(rest, '?', 0);
    if (query >= 0) {
      rest = Arrays.copyOf(rest, query);
    }
    if (rest.length == 0 || rest[0] != '/') {
      return hasScheme ? null : "invalid URI for request";
    }
    if (hasScheme && rest.length > 1 && rest[1] == '/') {
      int slash = indexOf(rest, '/', 2);
      int authorityEnd = slash < 0 ? rest.length : slash;
      String error = authority(Arrays.copyOfRange(rest, 2, authorityEnd));
      if (error != null) {
        return error;
      }
      rest = Arrays.copyOfRange(rest, authorityEnd, rest.length);
    }
    return unescape(rest, Mode.PATH);
  }

  /** The index of the scheme's colon, -1 if there is no scheme, 0 for a leading colon. */
  private static int schemeEnd(byte[] s) {
    for (int i = 0; i < s.length; i++) {
      int c = s[i];
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        continue;
      }
      if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
        if (i == 0) {
          return -1;
        }
        continue;
      }
      return c == ':' ? i : -1;
    }
    return -1;
  }

  private static @Nullable String authority(byte[] authority) {
    int at = lastIndexOf(authority, '@', authority.length);
    String error = host(Arrays.copyOfRange(authority, at + 1, authority.length));
    if (error != null || at < 0) {
      return error;
    }
    byte[] userinfo = Arrays.copyOf(authority, at);
    for (byte c : userinfo) {
      if (!validUserinfo(c)) {
        return "net/url: invalid userinfo";
      }
    }
    int colon = indexOf(userinfo, ':', 0);
    if (colon < 0) {
      return unescape(userinfo, Mode.USER_PASSWORD);
    }
    String user = unescape(Arrays.copyOf(userinfo, colon), Mode.USER_PASSWORD);
    return user != null
        ? user
        : unescape(Arrays.copyOfRange(userinfo, colon + 1, userinfo.length), Mode.USER_PASSWORD);
  }

  private static @Nullable String host(byte[] host) {
    if (host.length > 0 && host[0] == '[') {
      int close = lastIndexOf(host, ']', host.length);
      if (close < 0) {
        return "missing ']' in host";
      }
      byte[] colonPort = Arrays.copyOfRange(host, close + 1, host.length);
      if (!validOptionalPort(colonPort)) {
        return "invalid port " + GoQuoting.quote(colonPort) + " after host";
      }
      int zone = indexOf(Arrays.copyOf(host, close), "%25");
      if (zone >= 0) {
        String error = unescape(Arrays.copyOf(host, zone), Mode.HOST);
        if (error == null) {
          error = unescape(Arrays.copyOfRange(host, zone, close), Mode.ZONE);
        }
        if (error == null) {
          error = unescape(Arrays.copyOfRange(host, close, host.length), Mode.HOST);
        }
        return error;
      }
    } else {
      int colon = lastIndexOf(host, ':', host.length);
      if (colon >= 0) {
        byte[] colonPort = Arrays.copyOfRange(host, colon, host.length);
        if (!validOptionalPort(colonPort)) {
          return "invalid port " + GoQuoting.quote(colonPort) + " after host";
        }
      }
    }
    return unescape(host, Mode.HOST);
  }

  /** {@code net/url}'s {@code unescape}, reporting only its error. */
  private static @Nullable String unescape(byte[] s, Mode mode) {
    int i = 0;
    while (i < s.length) {
      int c = s[i] & 0xff;
      if (c == '%') {
        if (i + 2 >= s.length || !isHex(s[i + 1]) || !isHex(s[i + 2])) {
          byte[] bad = Arrays.copyOfRange(s, i, Math.min(s.length, i + 3));
          return "invalid URL escape " + GoQuoting.quote(bad);
        }
        byte[] escape = Arrays.copyOfRange(s, i, i + 3);
        boolean percent = s[i + 1] == '2' && s[i + 2] == '5';
        if (mode == Mode.HOST && unhex(s[i + 1]) < 8 && !percent) {
          return "invalid URL escape " + GoQuoting.quote(escape);
        }
        if (mode == Mode.ZONE) {
          int v = unhex(s[i + 1]) << 4 | unhex(s[i + 2]);
          if (!percent && v != ' ' && hostNeedsEscape(v)) {
            return "invalid URL escape " + GoQuoting.quote(escape);
          }
        }
        i += 3;
      } else {
        if ((mode == Mode.HOST || mode == Mode.ZONE) && c < 0x80 && hostNeedsEscape(c)) {
          return "invalid character " + GoQuoting.quote(new byte[] {s[i]}) + " in host name";
        }
        i++;
      }
    }
    return null;
  }

  /** {@code shouldEscape(c, encodeHost)}. */
  private static boolean hostNeedsEscape(int c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      return false;
    }
    return "!$&'()*+,;=:[]<>\"-_.~".indexOf(c) < 0;
  }

  private static boolean validUserinfo(byte c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || "-._:~!$&'()*+,;=%@".indexOf(c) >= 0;
  }

  private static boolean validOptionalPort(byte[] port) {
    if (port.length == 0) {
      return true;
    }
    if (port[0] != ':') {
      return false;
    }
    for (int i = 1; i < port.length; i++) {
      if (port[i] < '0' || port[i] > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean isHex(byte c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static int unhex(byte c) {
    return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
  }

  private static int indexOf(byte[] s, char c, int from) {
    for (int i = from; i < s.length; i++) {
      if (s[i] == c) {
        return i;
      }
    }
    return -1;
  }

  private static int indexOf(byte[] s, String needle) {
    byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = 0; i + n.length <= s.length; i++) {
      for (int k = 0; k < n.length; k++) {
        if (s[i + k] != n[k]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static int lastIndexOf(byte[] s, char c, int end) {
    for (int i = end - 1; i >= 0; i--) {
      if (s[i] == c) {
        return i;
      }
    }
    return -1;
  }
}
