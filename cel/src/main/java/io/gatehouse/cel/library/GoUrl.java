package io.gatehouse.cel.library;

import io.gatehouse.cel.library.GoUrlEscaping.Mode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A parsed URL with the fields and methods of Go's {@code net/url.URL}. All strings are byte
 * strings (see {@link GoStrings}); {@code path}, {@code host} and {@code fragment} are decoded,
 * {@code rawPath}, {@code rawQuery} and {@code rawFragment} encoded, as in Go.
 *
 * <p>Immutable; thread-safe. Built by {@link GoUrlParser}.
 *
 * @param user the user info, or null when the URL has none
 */
record GoUrl(
    String scheme,
    String opaque,
    @Nullable Userinfo user,
    String host,
    String path,
    String rawPath,
    boolean omitHost,
    boolean forceQuery,
    String rawQuery,
    String fragment,
    String rawFragment) {

  /** Go's {@code url.Userinfo}: a username and an optional password. */
  record Userinfo(String username, String password, boolean passwordSet) {
    String encoded() {
      String s = GoUrlEscaping.escape(username, Mode.USER_PASSWORD);
      return passwordSet ? s + ":" + GoUrlEscaping.escape(password, Mode.USER_PASSWORD) : s;
    }
  }

  /** Go's {@code EscapedPath}: {@code rawPath} when it is a valid encoding of the path. */
  String escapedPath() {
    if (!rawPath.isEmpty() && GoUrlEscaping.validEncoded(rawPath, Mode.PATH)) {
      try {
        if (GoUrlEscaping.unescape(rawPath, Mode.PATH).equals(path)) {
          return rawPath;
        }
      } catch (GoUrlEscaping.EscapeException e) {
        // fall through to the computed encoding, as Go does
      }
    }
    if (path.equals("*")) {
      return "*";
    }
    return GoUrlEscaping.escape(path, Mode.PATH);
  }

  /** Go's {@code EscapedFragment}. */
  String escapedFragment() {
    if (!rawFragment.isEmpty() && GoUrlEscaping.validEncoded(rawFragment, Mode.FRAGMENT)) {
      try {
        if (GoUrlEscaping.unescape(rawFragment, Mode.FRAGMENT).equals(fragment)) {
          return rawFragment;
        }
      } catch (GoUrlEscaping.EscapeException e) {
        // fall through to the computed encoding, as Go does
      }
    }
    return GoUrlEscaping.escape(fragment, Mode.FRAGMENT);
  }

  /** Go's {@code Hostname}: the host without a valid port and without IPv6 brackets. */
  String hostname() {
    return splitHostPort()[0];
  }

  /** Go's {@code Port}: the numeric port of the host, or empty. */
  String port() {
    return splitHostPort()[1];
  }

  private String[] splitHostPort() {
    String h = host;
    String port = "";
    int colon = h.lastIndexOf(':');
    if (colon != -1 && GoUrlParser.validOptionalPort(h.substring(colon))) {
      port = h.substring(colon + 1);
      h = h.substring(0, colon);
    }
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return new String[] {h, port};
  }

  /**
   * Go's {@code Query()}: {@code url.ParseQuery} of the raw query, keeping the well-formed
   * pairs. Pairs are split on {@code &}; a pair containing {@code ;} or a bad escape is dropped;
   * keys without {@code =} get an empty value; repeated keys collect their values in order.
   */
  Map<String, List<String>> query() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    String rest = rawQuery;
    while (!rest.isEmpty()) {
      int amp = rest.indexOf('&');
      String pair = amp < 0 ? rest : rest.substring(0, amp);
      rest = amp < 0 ? "" : rest.substring(amp + 1);
      if (pair.contains(";") || pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        key = GoUrlEscaping.unescape(key, Mode.QUERY_COMPONENT);
        value = GoUrlEscaping.unescape(value, Mode.QUERY_COMPONENT);
      } catch (GoUrlEscaping.EscapeException e) {
        continue;
      }
      m.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return m;
  }

  /** Go's {@code String}: the URL reassembled in its canonical encoding. */
  @Override
  public String toString() {
    StringBuilder buf = new StringBuilder();
    if (!scheme.isEmpty()) {
      buf.append(scheme).append(':');
    }
    if (!opaque.isEmpty()) {
      buf.append(opaque);
    } else {
      if (!scheme.isEmpty() || !host.isEmpty() || user != null) {
        if (!(omitHost && host.isEmpty() && user == null)) {
          if (!host.isEmpty() || !path.isEmpty() || user != null) {
            buf.append("//");
          }
          if (user != null) {
            buf.append(user.encoded()).append('@');
          }
          if (!host.isEmpty()) {
            buf.append(GoUrlEscaping.escape(host, Mode.HOST));
          }
        }
      }
      String p = escapedPath();
      if (!p.isEmpty() && p.charAt(0) != '/' && !host.isEmpty()) {
        buf.append('/');
      }
      if (buf.isEmpty()) {
        int slash = p.indexOf('/');
        if ((slash < 0 ? p : p.substring(0, slash)).contains(":")) {
          buf.append("./");
        }
      }
      buf.append(p);
    }
    if (forceQuery || !rawQuery.isEmpty()) {
      buf.append('?').append(rawQuery);
    }
    if (!fragment.isEmpty()) {
      buf.append('#').append(escapedFragment());
    }
    return buf.toString();
  }
}
