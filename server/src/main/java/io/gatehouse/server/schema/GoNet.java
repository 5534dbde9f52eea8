package io.gatehouse.server.schema;

import io.gatehouse.cel.library.GoSyntax;
import org.jspecify.annotations.Nullable;

/**
 * Go's {@code net.ParseIP}, {@code net.ParseCIDR}, {@code net.ParseMAC}, {@code
 * url.ParseRequestURI} and (approximately) {@code mail.ParseAddress}, as the string formats use
 * them. Stateless.
 */
final class GoNet {

  private GoNet() {}

  /** {@code net.ParseIP}: the 16-byte form, or {@code null} if {@code s} is no IP address. */
  static byte @Nullable [] parseIp(String s) {
    if (s.indexOf(':') < 0) {
      byte[] v4 = parseIpv4(s);
      if (v4 == null) {
        return null;
      }
      byte[] out = new byte[16];
      out[10] = (byte) 0xff;
      out[11] = (byte) 0xff;
      System.arraycopy(v4, 0, out, 12, 4);
      return out;
    }
    return parseIpv6(s);
  }

  private static byte @Nullable [] parseIpv4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
        return null;
      }
      int v = 0;
      for (char c : p.toCharArray()) {
        if (c < '0' || c > '9') {
          return null;
        }
        v = v * 10 + (c - '0');
      }
      if (v > 255) {
        return null;
      }
      out[i] = (byte) v;
    }
    return out;
  }

  private static byte @Nullable [] parseIpv6(String s) {
    byte[] ip = new byte[16];
    int ellipsis = -1;
    int i = 0;
    if (s.startsWith("::")) {
      ellipsis = 0;
      s = s.substring(2);
      if (s.isEmpty()) {
        return ip;
      }
    }
    int pos = 0;
    while (i < 16) {
      int n = 0;
      int len = 0;
      while (pos + len < s.length() && len < 5 && Character.digit(s.charAt(pos + len), 16) >= 0) {
        n = n * 16 + Character.digit(s.charAt(pos + len), 16);
        len++;
      }
      if (len == 0 || len > 4 || n > 0xFFFF) {
        return null;
      }
      if (pos + len < s.length() && s.charAt(pos + len) == '.') {
        if (ellipsis < 0 && i != 12 || i + 4 > 16) {
          return null;
        }
        byte[] v4 = parseIpv4(s.substring(pos));
        if (v4 == null) {
          return null;
        }
        System.arraycopy(v4, 0, ip, i, 4);
        i += 4;
        pos = s.length();
        break;
      }
      ip[i] = (byte) (n >> 8);
      ip[i + 1] = (byte) n;
      i += 2;
      pos += len;
      if (pos == s.length()) {
        break;
      }
      if (s.charAt(pos) != ':' || pos + 1 == s.length()) {
        return null;
      }
      pos++;
      if (s.charAt(pos) == ':') {
        if (ellipsis >= 0) {
          return null;
        }
        ellipsis = i;
        pos++;
        if (pos == s.length()) {
          break;
        }
      }
    }
    if (pos != s.length()) {
      return null;
    }
    if (i < 16) {
      if (ellipsis < 0) {
        return null;
      }
      int n = 16 - i;
      for (int j = i - 1; j >= ellipsis; j--) {
        ip[j + n] = ip[j];
      }
      for (int j = ellipsis + n - 1; j >= ellipsis; j--) {
        ip[j] = 0;
      }
    } else if (ellipsis >= 0) {
      return null;
    }
    return ip;
  }

  /** {@code net.ParseCIDR} succeeds. */
  static boolean isCidr(String s) {
    int slash = s.indexOf('/');
    if (slash < 0) {
      return false;
    }
    String addr = s.substring(0, slash);
    String mask = s.substring(slash + 1);
    int bits = addr.indexOf(':') >= 0 ? 128 : 32;
    if (parseIp(addr) == null || mask.isEmpty() || mask.length() > 3) {
      return false;
    }
    for (char c : mask.toCharArray()) {
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return Integer.parseInt(mask) <= bits;
  }

  /** {@code net.ParseMAC} succeeds: 6, 8 or 20 bytes as {@code :}/{@code -} pairs or dotted quads. */
  static boolean isMac(String s) {
    if (s.length() < 14) {
      return false;
    }
    if (s.charAt(2) == ':' || s.charAt(2) == '-') {
      if ((s.length() + 1) % 3 != 0) {
        return false;
      }
      int n = (s.length() + 1) / 3;
      if (n != 6 && n != 8 && n != 20) {
        return false;
      }
      char sep = s.charAt(2);
      for (int i = 0; i < n; i++) {
        int x = i * 3;
        if (!hex(s.charAt(x)) || !hex(s.charAt(x + 1)) || (i < n - 1 && s.charAt(x + 2) != sep)) {
          return false;
        }
      }
      return true;
    }
    if (s.charAt(4) == '.') {
      if ((s.length() + 1) % 5 != 0) {
        return false;
      }
      int n = 2 * (s.length() + 1) / 5;
      if (n != 6 && n != 8 && n != 20) {
        return false;
      }
      for (int x = 0; x < s.length(); x += 5) {
        for (int k = 0; k < 4; k++) {
          if (!hex(s.charAt(x + k))) {
            return false;
          }
        }
        if (x + 4 < s.length() && s.charAt(x + 4) != '.') {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private static boolean hex(char c) {
    return Character.digit(c, 16) >= 0 && c < 128;
  }

  static boolean isRequestUri(String s) {
    return GoSyntax.isRequestUri(s);
  }

  /**
   * {@code mail.ParseAddress(s)} yields an address: an {@code addr-spec} ({@code local@domain}
   * with RFC 5322 atoms or a quoted local part), optionally as {@code Display Name <addr-spec>}.
   */
  static boolean isEmail(String s) {
    String t = s.strip();
    int lt = t.lastIndexOf('<');
    if (t.endsWith(">") && lt >= 0) {
      t = t.substring(lt + 1, t.length() - 1);
    }
    int at = t.lastIndexOf('@');
    if (at <= 0 || at == t.length() - 1) {
      return false;
    }
    String local = t.substring(0, at);
    String domain = t.substring(at + 1);
    boolean localOk = local.startsWith("\"") && local.endsWith("\"") && local.length() >= 2
        || dotAtom(local);
    return localOk && (dotAtom(domain) || domain.startsWith("[") && domain.endsWith("]"));
  }

  private static boolean dotAtom(String s) {
    if (s.isEmpty() || s.startsWith(".") || s.endsWith(".") || s.contains("..")) {
      return false;
    }
    for (char c : s.toCharArray()) {
      boolean atext = Character.isLetterOrDigit(c) || "!#$%&'*+-/=?^_`{|}~.".indexOf(c) >= 0
          || c > 127;
      if (!atext) {
        return false;
      }
    }
    return true;
  }
}
