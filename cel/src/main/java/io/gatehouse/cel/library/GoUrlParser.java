package io.gatehouse.cel.library;

import io.gatehouse.cel.library.GoUrlEscaping.EscapeException;
import io.gatehouse.cel.library.GoUrlEscaping.Mode;

/**
 * Go's {@code net/url.Parse} and {@code net/url.ParseRequestURI} (as of Go 1.24), ported on byte
 * strings (see {@link GoStrings}).
 *
 * <p>Stateless; thread-safe.
 */
final class GoUrlParser {

  private GoUrlParser() {}

  /** A URL that does not parse; the message is Go's {@code *url.Error} text. */
  static final class ParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ParseException(String rawUrl, String reason) {
      super("parse " + GoStrings.quote(rawUrl) + ": " + reason, null, false, false);
    }
  }

  /** Go's {@code url.ParseRequestURI}: an absolute URI or an absolute path, no fragment. */
  static GoUrl parseRequestUri(String rawUrl) {
    try {
      return parse(rawUrl, true);
    } catch (EscapeException e) {
      throw new ParseException(rawUrl, e.getMessage());
    }
  }

  /** Go's {@code url.Parse}: any URL reference, with an optional {@code #fragment}. */
  static GoUrl parse(String rawUrl) {
    int hash = rawUrl.indexOf('#');
    String u = hash < 0 ? rawUrl : rawUrl.substring(0, hash);
    GoUrl url;
    try {
      url = parse(u, false);
    } catch (EscapeException e) {
      throw new ParseException(u, e.getMessage());
    }
    String frag = hash < 0 ? "" : rawUrl.substring(hash + 1);
    if (frag.isEmpty()) {
      return url;
    }
    String fragment;
    try {
      fragment = GoUrlEscaping.unescape(frag, Mode.FRAGMENT);
    } catch (EscapeException e) {
      throw new ParseException(rawUrl, e.getMessage());
    }
    String rawFragment = GoUrlEscaping.escape(fragment, Mode.FRAGMENT).equals(frag) ? "" : frag;
    return new GoUrl(
        url.scheme(), url.opaque(), url.user(), url.host(), url.path(), url.rawPath(),
        url.omitHost(), url.forceQuery(), url.rawQuery(), fragment, rawFragment);
  }

  private static GoUrl parse(String rawUrl, boolean viaRequest) {
    for (int i = 0; i < rawUrl.length(); i++) {
      char b = rawUrl.charAt(i);
      if (b < ' ' || b == 0x7f) {
        throw new ParseException(rawUrl, "net/url: invalid control character in URL");
      }
    }
    if (rawUrl.isEmpty() && viaRequest) {
      throw new ParseException(rawUrl, "empty url");
    }
    if (rawUrl.equals("*")) {
      return new GoUrl("", "", null, "", "*", "", false, false, "", "", "");
    }
    String scheme = "";
    String rest = rawUrl;
    int colon = schemeEnd(rawUrl);
    if (colon == 0) {
      throw new ParseException(rawUrl, "missing protocol scheme");
    }
    if (colon > 0) {
      scheme = asciiLower(rawUrl.substring(0, colon));
      rest = rawUrl.substring(colon + 1);
    }
    boolean forceQuery = false;
    String rawQuery = "";
    if (rest.endsWith("?") && rest.indexOf('?') == rest.length() - 1) {
      forceQuery = true;
      rest = rest.substring(0, rest.length() - 1);
    } else {
      int q = rest.indexOf('?');
      if (q >= 0) {
        rawQuery = rest.substring(q + 1);
        rest = rest.substring(0, q);
      }
    }
    if (!rest.startsWith("/")) {
      if (!scheme.isEmpty()) {
        return new GoUrl(scheme, rest, null, "", "", "", false, forceQuery, rawQuery, "", "");
      }
      if (viaRequest) {
        throw new ParseException(rawUrl, "invalid URI for request");
      }
      int slash = rest.indexOf('/');
      if ((slash < 0 ? rest : rest.substring(0, slash)).contains(":")) {
        throw new ParseException(rawUrl, "first path segment in URL cannot contain colon");
      }
    }
    GoUrl.Userinfo user = null;
    String host = "";
    boolean omitHost = false;
    if ((!scheme.isEmpty() || !viaRequest && !rest.startsWith("///")) && rest.startsWith("//")) {
      String authority = rest.substring(2);
      rest = "";
      int slash = authority.indexOf('/');
      if (slash >= 0) {
        rest = authority.substring(slash);
        authority = authority.substring(0, slash);
      }
      int at = authority.lastIndexOf('@');
      host = parseHost(rawUrl, at < 0 ? authority : authority.substring(at + 1));
      if (at >= 0) {
        user = parseUserinfo(rawUrl, authority.substring(0, at));
      }
    } else if (!scheme.isEmpty() && rest.startsWith("/")) {
      omitHost = true;
    }
    String path = GoUrlEscaping.unescape(rest, Mode.PATH);
    String rawPath = GoUrlEscaping.escape(path, Mode.PATH).equals(rest) ? "" : rest;
    return new GoUrl(
        scheme, "", user, host, path, rawPath, omitHost, forceQuery, rawQuery, "", "");
  }

  /**
   * Returns the index of the colon ending a scheme ({@code [a-zA-Z][a-zA-Z0-9+-.]*:}), 0 for a
   * leading colon (Go's {@code missing protocol scheme}), or -1 when there is no scheme.
   */
  private static int schemeEnd(String rawUrl) {
    for (int i = 0; i < rawUrl.length(); i++) {
      char c = rawUrl.charAt(i);
      if ('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
        continue;
      }
      if ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.') {
        if (i == 0) {
          return -1;
        }
        continue;
      }
      return c == ':' ? i : -1;
    }
    return -1;
  }

  private static GoUrl.Userinfo parseUserinfo(String rawUrl, String userinfo) {
    for (int i = 0; i < userinfo.length(); i++) {
      if (!validUserinfoByte(userinfo.charAt(i))) {
        throw new ParseException(rawUrl, "net/url: invalid userinfo");
      }
    }
    int colon = userinfo.indexOf(':');
    if (colon < 0) {
      return new GoUrl.Userinfo(GoUrlEscaping.unescape(userinfo, Mode.USER_PASSWORD), "", false);
    }
    String username = GoUrlEscaping.unescape(userinfo.substring(0, colon), Mode.USER_PASSWORD);
    String password = GoUrlEscaping.unescape(userinfo.substring(colon + 1), Mode.USER_PASSWORD);
    return new GoUrl.Userinfo(username, password, true);
  }

  private static boolean validUserinfoByte(char c) {
    if ('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9') {
      return true;
    }
    return "-._:~!$&'()*+,;=%@".indexOf(c) >= 0;
  }

  /** Go's {@code parseHost}: {@code host[:port]}, IPv6 literals in brackets with RFC 6874 zones. */
  private static String parseHost(String rawUrl, String host) {
    if (host.startsWith("[")) {
      int i = host.lastIndexOf(']');
      if (i < 0) {
        throw new ParseException(rawUrl, "missing ']' in host");
      }
      String colonPort = host.substring(i + 1);
      if (!validOptionalPort(colonPort)) {
        throw new ParseException(
            rawUrl, "invalid port " + GoStrings.quote(colonPort) + " after host");
      }
      int zone = host.substring(0, i).indexOf("%25");
      if (zone >= 0) {
        return GoUrlEscaping.unescape(host.substring(0, zone), Mode.HOST)
            + GoUrlEscaping.unescape(host.substring(zone, i), Mode.ZONE)
            + GoUrlEscaping.unescape(host.substring(i), Mode.HOST);
      }
    } else {
      int i = host.lastIndexOf(':');
      if (i != -1 && !validOptionalPort(host.substring(i))) {
        throw new ParseException(
            rawUrl, "invalid port " + GoStrings.quote(host.substring(i)) + " after host");
      }
    }
    return GoUrlEscaping.unescape(host, Mode.HOST);
  }

  /** Returns whether {@code port} is empty or {@code :} followed by ASCII digits. */
  static boolean validOptionalPort(String port) {
    if (port.isEmpty()) {
      return true;
    }
    if (port.charAt(0) != ':') {
      return false;
    }
    for (int i = 1; i < port.length(); i++) {
      char b = port.charAt(i);
      if (b < '0' || b > '9') {
        return false;
      }
    }
    return true;
  }

  private static String asciiLower(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      out.append('A' <= c && c <= 'Z' ? (char) (c + 32) : c);
    }
    return out.toString();
  }
}
