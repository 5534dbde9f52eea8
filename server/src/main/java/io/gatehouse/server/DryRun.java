package io.gatehouse.server;

import io.gatehouse.api.GoSyntax;
import java.util.List;

/**
 * The {@code dryRun} option: absent, or {@code All} (the only value upstream accepts), validated as
 * upstream's {@code ValidateDryRun} inside the write's options ({@code CreateOptions},
 * {@code UpdateOptions}, {@code PatchOptions}, {@code DeleteOptions}): any other value is the
 * cause {@code dryRun: Unsupported value: []string{"Bogus"}: supported values: "All"} of a 422
 * {@code <Kind>Options.meta.k8s.io "" is invalid}, the slice printed with Go's {@code %#v} as
 * Kubernetes 1.33 prints it. Stateless.
 */
final class DryRun {

  private DryRun() {}

  /** Whether {@code values} hold nothing but {@code All}. */
  static boolean valid(List<String> values) {
    for (String v : values) {
      if (!v.equals("All")) {
        return false;
      }
    }
    return true;
  }

  /** Upstream's {@code ValidateDryRun}: no error, or the one for {@code values}. */
  static List<ApiErrors.FieldError> validate(List<String> values) {
    return valid(values) ? List.of() : List.of(new ApiErrors.FieldError("FieldValueNotSupported",
        "dryRun", GoSyntax.strings(values) + ": supported values: \"All\""));
  }
}
