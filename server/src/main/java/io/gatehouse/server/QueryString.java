package io.gatehouse.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Go's {@code url.ParseQuery} and path unescaping: pairs split at {@code &}, key and value at the
 * first {@code =}, {@code +} is a space, percent escapes decoded; a pair with a bad escape or a
 * {@code ;} is dropped, as Go does. Stateless.
 */
final class QueryString {

  private QueryString() {}

  static Map<String, List<String>> parse(String rawQuery) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&", -1)) {
      if (pair.isEmpty() || pair.contains(";")) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      String k;
      String v;
      try {
        k = decode(key);
        v = decode(value);
      } catch (IllegalArgumentException e) {
        continue; // Go skips a pair it cannot unescape.
      }
      out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    out.replaceAll((k, v) -> List.copyOf(v));
    return out;
  }

  /** Decodes percent escapes in a path ({@code +} stays a plus). */
  static String unescapePath(String rawPath) {
    if (rawPath.indexOf('%') < 0) {
      return rawPath;
    }
    try {
      return decode(rawPath.replace("+", "%2B"));
    } catch (IllegalArgumentException e) {
      return rawPath;
    }
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
