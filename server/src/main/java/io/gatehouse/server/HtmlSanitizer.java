package io.gatehouse.server;

/**
 * Upstream's {@code sanitizer} replacer: {@code &}, {@code <} and {@code >} become HTML entities so
 * that error texts never look like HTML. Stateless.
 */
final class HtmlSanitizer {

  private HtmlSanitizer() {}

  static String sanitize(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
