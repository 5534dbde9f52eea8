package io.gatehouse.server;

import io.gatehouse.api.GoQuote;
import io.gatehouse.api.StatusException;
import java.util.List;

/**
 * The {@code fieldValidation} parameter ({@code Ignore}, {@code Warn} — the default — or {@code
 * Strict}). Without OpenAPI schemas only duplicate fields can be detected for stored resources;
 * the review resources, whose types Gatehouse knows, also report unknown fields. {@code Warn} adds
 * {@code duplicate field "<path>"} / {@code unknown field "<path>"} warnings, {@code Strict} fails
 * with 400 {@code <Kind> in version "<v>" cannot be handled as a <Kind>: strict decoding error:
 * duplicate field "<path>", …}.
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
    check(r.kind(), duplicates.stream().map(d -> "duplicate field " + GoQuote.quote(d)).toList(),
        warnings);
  }

  /**
   * Applies the mode to strict-decoding problems already worded ({@code duplicate field "x"},
   * {@code unknown field "spec.y"}) of a body of {@code kind}.
   */
  void check(io.gatehouse.api.GroupVersionKind kind, List<String> errors, List<String> warnings) {
    if (errors.isEmpty() || this == IGNORE) {
      return;
    }
    if (this == WARN) {
      warnings.addAll(errors);
      return;
    }
    throw StatusException.badRequest(kind.kind() + " in version "
        + GoQuote.quote(kind.version()) + " cannot be handled as a " + kind.kind()
        + ": strict decoding error: " + String.join(", ", errors));
  }
}
