package io.gatehouse.server;

import io.gatehouse.api.GoQuote;
import io.gatehouse.api.StatusException;
import io.gatehouse.api.Unstructured;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code fieldValidation} parameter ({@code Ignore}, {@code Warn} — the default — or {@code
 * Strict}) applied to duplicate fields and to fields the kind's OpenAPI schema does not declare
 * (stored resources) or its known type lacks (review resources): {@code Warn} adds {@code
 * duplicate field "<path>"} / {@code unknown field "<path>"} warnings, {@code Strict} fails with
 * 400 {@code <Kind> in version "<v>" cannot be handled as a <Kind>: strict decoding error:
 * duplicate field "<path>", unknown field "<path>", …}.
 */
enum FieldValidation {
  IGNORE, WARN, STRICT;

  /**
   * Upstream's {@code ValidateFieldValidation}, part of the write options' validation: no error, or
   * {@code fieldValidation: Unsupported value: "x": supported values: "", "Ignore", "Strict",
   * "Warn"}.
   */
  static List<ApiErrors.FieldError> validate(ApiRequest request) {
    String v = request.queryValue("fieldValidation").orElse("");
    return List.of("", "Ignore", "Strict", "Warn").contains(v) ? List.of()
        : List.of(new ApiErrors.FieldError("FieldValueNotSupported", "fieldValidation",
            GoQuote.quote(v) + ": supported values: \"\", \"Ignore\", \"Strict\", \"Warn\""));
  }

  /**
   * Reads the request's parameter, which the write's options validation ({@link #validate})
   * has accepted.
   *
   * @throws StatusException 400 for an unknown value that reached here unvalidated
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

  /**
   * Reports the unknown fields of a patched object as kube-apiserver's patch handler does: as
   * warnings under {@code Warn}; under {@code Strict} as 422 {@code "" is invalid: patch: Invalid
   * value: "<patch>": strict decoding error: unknown field "<path>", …} where {@code <patch>} is
   * the strategic merge patch as Go prints a map ({@code %+v}) or, for JSON and merge patches,
   * the patched object's JSON.
   */
  void checkPatched(String patchType, @Nullable Object patch, Unstructured patched,
      List<String> unknown, List<String> warnings) {
    if (unknown.isEmpty() || this == IGNORE) {
      return;
    }
    List<String> errors = unknown.stream().map(u -> "unknown field " + GoQuote.quote(u)).toList();
    if (this == WARN) {
      warnings.addAll(errors);
      return;
    }
    String value = patchType.equals("application/strategic-merge-patch+json")
        ? GoFormat.value(patch)
        : new String(GoJson.encode(patched.object()), java.nio.charset.StandardCharsets.UTF_8)
            .stripTrailing();
    throw ApiErrors.invalid("", "", "", List.of(ApiErrors.FieldError.invalid("patch",
        GoQuote.quote(value), "strict decoding error: " + String.join(", ", errors))));
  }

  void check(StoredResource r, List<String> duplicates, List<String> warnings) {
    check(r, duplicates, List.of(), warnings);
  }

  /** Reports duplicate fields, then unknown ones, as warnings or a 400 as the value asks. */
  void check(StoredResource r, List<String> duplicates, List<String> unknown,
      List<String> warnings) {
    List<String> errors = new java.util.ArrayList<>();
    duplicates.forEach(d -> errors.add("duplicate field " + GoQuote.quote(d)));
    unknown.forEach(u -> errors.add("unknown field " + GoQuote.quote(u)));
    check(r.kind(), errors, warnings);
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
