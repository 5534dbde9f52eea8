package io.gatehouse.server.schema;

import io.gatehouse.cel.library.GoSyntax;

/**
 * kube-openapi's {@code date} ({@code time.Parse("2006-01-02", …)}) and {@code date-time} ({@code
 * strfmt.IsDateTime}) checks and Go's {@code time.ParseDuration}, as the CEL module implements
 * them. Stateless.
 */
final class GoTime {

  private GoTime() {}

  static boolean isDate(String s) {
    return GoSyntax.isDate(s);
  }

  static boolean isDateTime(String s) {
    return GoSyntax.isDateTime(s);
  }

  static boolean isGoDuration(String s) {
    return GoSyntax.isDuration(s);
  }
}
