package io.gatehouse.cel.library;

/**
 * Go standard-library parsers the CEL libraries implement, offered to other modules that must
 * accept the same strings (e.g. kube-openapi's {@code uri} and {@code duration} string formats).
 *
 * <p>Stateless; thread-safe.
 */
public final class GoSyntax {

  private GoSyntax() {}

  /** Whether Go's {@code url.ParseRequestURI(s)} succeeds. */
  public static boolean isRequestUri(String s) {
    try {
      GoUrlParser.parseRequestUri(s);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** kube-openapi's {@code date} format: Go's {@code time.Parse("2006-01-02", s)} succeeds. */
  public static boolean isDate(String s) {
    return OpenApiFormats.isDate(s);
  }

  /** kube-openapi's {@code strfmt.IsDateTime}. */
  public static boolean isDateTime(String s) {
    return OpenApiFormats.isDateTime(s);
  }

  /** Go's {@code time.ParseDuration(s)}; empty when it fails. */
  public static java.util.Optional<java.time.Duration> parseDuration(String s) {
    try {
      return GoDuration.parse(s);
    } catch (RuntimeException e) {
      return java.util.Optional.empty();
    }
  }

  /** Whether Go's {@code time.ParseDuration(s)} succeeds. */
  public static boolean isDuration(String s) {
    try {
      return GoDuration.parse(s).isPresent();
    } catch (RuntimeException e) {
      return false;
    }
  }
}
