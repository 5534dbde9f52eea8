package io.gatehouse.server;

import io.gatehouse.api.GoQuote;
import io.gatehouse.api.StatusException;
import java.util.List;

/**
 * The {@code fieldValidation} parameter ({@code Ignore}, {@code Warn} — the default — or {@code
 * Strict}). Without OpenAPI schemas only duplicate fields can be detected (unknown fields are not):
 * {@code Warn} adds {@code duplicate field "<path>"} warnings, {@code Strict} fails with 400
 * {@code <Kind> in version "<v>" cannot be handled as a <Kind>: strict decoding error: duplicate
 * field "<path>", …}.
 */
enum FieldValidation {
  IGNORE, WARN, STRICT;

  /**
   * Reads the request's parameter.
   *
   * @throws StatusException 400 for an unknown value, with upstream's text
   */
  static FieldValidation of(ApiRequest request) {
    String v = request.queryValue("fieldValidation").orElse("");
    return switch (v) {
      case "", "Warn" -> WARN;
      case "Ignore" -> IGNORE;
      case "Strict" -> STRICT;
      default -> throw StatusException.badRequest("fieldValidation parameter unsupported: " + v);
    };
  }

  void check(StoredResource r, List<String> duplicates, List<String> warnings) {
    if (duplicates.isEmpty() || this == IGNORE) {
      return;
    }
    List<String> errors = duplicates.stream().map(d -> "duplicate field " + GoQuote.quote(d))
        .toList();
    if (this == WARN) {
      warnings.addAll(errors);
      return;
    }
    throw StatusException.badRequest(r.kind().kind() + " in version "
        + GoQuote.quote(r.kind().version()) + " cannot be handled as a " + r.kind().kind()
        + ": strict decoding error: " + String.join(", ", errors));
  }
}
