package io.gatehouse.cel.library;

import io.gatehouse.api.GoQuote;

/**
 * Go's {@code netip.ParseAddr} and {@code netip.ParsePrefix}, written after Go 1.24's
 * {@code net/netip/netip.go}, with the same acceptance and the same error texts. It never resolves
 * names and accepts no form Go rejects (leading-zero octets, more than four hex digits per group,
 * signed or zero-padded prefix lengths).
 *
 * <p>Stateless; thread-safe.
 */
final class NetipParser {

  /** A parsed address and its IPv6 zone ({@code ""} when none). */
  record ParsedAddr(IpAddress address, String zone) {}

  /** A parse failure carrying Go's {@code err.Error()} text. */
  static final class ParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ParseException(String goMessage) {
      super(goMessage, null, false, false);
    }
  }

  private NetipParser() {}

  /** Parses as {@code netip.ParseAddr}. */
  static ParsedAddr parseAddr(String s) {
    for (int i = 0; i < s.length(); i++) {
      switch (s.charAt(i)) {
        case '.' -> {
          return new ParsedAddr(parseIPv4(s), "");
        }
        case ':' -> {
          return parseIPv6(s);
        }
        case '%' -> throw addrError(s, "missing IPv6 address", "");
        default -> {}
      }
    }
    throw addrError(s, "unable to parse IP", "");
  }

  /** Parses as {@code netip.ParsePrefix}; the address keeps its host bits. */
  static Cidr parsePrefix(String s) {
    int slash = s.lastIndexOf('/');
    if (slash < 0) {
      throw prefixError(s, "no '/'");
    }
    ParsedAddr parsed;
    try {
      parsed = parseAddr(s.substring(0, slash));
    } catch (ParseException e) {
      throw prefixError(s, e.getMessage());
    }
    if (!parsed.zone().isEmpty()) {
      throw prefixError(s, "IPv6 zones cannot be present in a prefix");
    }
    String bitsText = s.substring(slash + 1);
    long bits = parseBits(bitsText);
    if (bits < 0) {
      throw prefixError(s, "bad bits after slash: " + GoQuote.quote(bitsText));
    }
    if (bits > parsed.address().bitLength()) {
      throw prefixError(s, "prefix length out of range");
    }
    return new Cidr(parsed.address(), (int) bits);
  }

  /** Returns the prefix length, or -1 where Go reports "bad bits after slash". */
  private static long parseBits(String text) {
    if (text.isEmpty() || (text.length() > 1 && (text.charAt(0) < '1' || text.charAt(0) > '9'))) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      if (value > (Long.MAX_VALUE - (c - '0')) / 10) {
        return -1; // strconv.Atoi's range error
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static IpAddress parseIPv4(String s) {
    int[] fields = new int[4];
    parseIPv4Fields(s, 0, s.length(), fields, 0);
    return IpAddress.ofV4(
        ((long) fields[0] << 24) | ((long) fields[1] << 16) | ((long) fields[2] << 8) | fields[3]);
  }

  private static void parseIPv4Fields(String in, int off, int end, int[] fields, int first) {
    String s = in.substring(off, end);
    int val = 0;
    int pos = 0;
    int digits = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        if (digits == 1 && val == 0) {
          throw addrError(in, "IPv4 field has octet with leading zero", "");
        }
        val = val * 10 + (c - '0');
        digits++;
        if (val > 255) {
          throw addrError(in, "IPv4 field has value >255", "");
        }
      } else if (c == '.') {
        if (i == 0 || i == s.length() - 1 || s.charAt(i - 1) == '.') {
          throw addrError(in, "IPv4 field must have at least one digit", s.substring(i));
        }
        if (pos == 3) {
          throw addrError(in, "IPv4 address too long", "");
        }
        fields[first + pos] = val;
        pos++;
        val = 0;
        digits = 0;
      } else {
        throw addrError(in, "unexpected character", s.substring(i));
      }
    }
    if (pos < 3) {
      throw addrError(in, "IPv4 address too short", "");
    }
    fields[first + 3] = val;
  }

  private static ParsedAddr parseIPv6(String in) {
    String s = in;
    String zone = "";
    int percent = s.indexOf('%');
    if (percent != -1) {
      zone = s.substring(percent + 1);
      s = s.substring(0, percent);
      if (zone.isEmpty()) {
        throw addrError(in, "zone must be a non-empty string", "");
      }
    }
    int[] ip = new int[16];
    int ellipsis = -1;
    if (s.length() >= 2 && s.charAt(0) == ':' && s.charAt(1) == ':') {
      ellipsis = 0;
      s = s.substring(2);
      if (s.isEmpty()) {
        return new ParsedAddr(IpAddress.ofV6(0, 0), zone);
      }
    }
    int i = 0;
    while (i < 16) {
      int off = 0;
      int acc = 0;
      for (; off < s.length(); off++) {
        int digit = hexValue(s.charAt(off));
        if (digit < 0) {
          break;
        }
        acc = (acc << 4) + digit;
        if (off > 3) {
          throw addrError(in, "each group must have 4 or less digits", s);
        }
        if (acc > 0xffff) {
          throw addrError(in, "IPv6 field has value >=2^16", s);
        }
      }
      if (off == 0) {
        throw addrError(in, "each colon-separated field must have at least one digit", s);
      }
      if (off < s.length() && s.charAt(off) == '.') {
        if (ellipsis < 0 && i != 12) {
          throw addrError(
              in, "embedded IPv4 address must replace the final 2 fields of the address", s);
        }
        if (i + 4 > 16) {
          throw addrError(
              in, "too many hex fields to fit an embedded IPv4 at the end of the address", s);
        }
        int end = in.length() - (zone.isEmpty() ? 0 : zone.length() + 1);
        parseIPv4Fields(in, end - s.length(), end, ip, i);
        s = "";
        i += 4;
        break;
      }
      ip[i] = acc >> 8;
      ip[i + 1] = acc & 0xff;
      i += 2;
      s = s.substring(off);
      if (s.isEmpty()) {
        break;
      }
      if (s.charAt(0) != ':') {
        throw addrError(in, "unexpected character, want colon", s);
      } else if (s.length() == 1) {
        throw addrError(in, "colon must be followed by more characters", s);
      }
      s = s.substring(1);
      if (s.charAt(0) == ':') {
        if (ellipsis >= 0) {
          throw addrError(in, "multiple :: in address", s);
        }
        ellipsis = i;
        s = s.substring(1);
        if (s.isEmpty()) {
          break;
        }
      }
    }
    if (!s.isEmpty()) {
      throw addrError(in, "trailing garbage after address", s);
    }
    if (i < 16) {
      if (ellipsis < 0) {
        throw addrError(in, "address string too short", "");
      }
      int n = 16 - i;
      for (int j = i - 1; j >= ellipsis; j--) {
        ip[j + n] = ip[j];
      }
      for (int j = ellipsis; j < ellipsis + n; j++) {
        ip[j] = 0;
      }
    } else if (ellipsis >= 0) {
      throw addrError(in, "the :: must expand to at least one field of zeros", "");
    }
    return new ParsedAddr(IpAddress.ofV6(bigEndian(ip, 0), bigEndian(ip, 8)), zone);
  }

  private static int hexValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    } else if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private static long bigEndian(int[] bytes, int from) {
    long value = 0;
    for (int k = from; k < from + 8; k++) {
      value = (value << 8) | bytes[k];
    }
    return value;
  }

  private static ParseException addrError(String in, String msg, String at) {
    String text = "ParseAddr(" + GoQuote.quote(in) + "): " + msg;
    return new ParseException(at.isEmpty() ? text : text + " (at " + GoQuote.quote(at) + ")");
  }

  private static ParseException prefixError(String in, String msg) {
    return new ParseException("netip.ParsePrefix(" + GoQuote.quote(in) + "): " + msg);
  }
}
