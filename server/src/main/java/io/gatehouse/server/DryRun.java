package io.gatehouse.server;

import io.gatehouse.api.StatusException;
import java.util.List;

/** The {@code dryRun} parameter: absent, or {@code All} (the only value upstream accepts). */
final class DryRun {

  private DryRun() {}

  /**
   * Returns whether {@code values} ask for a dry run.
   *
   * @throws StatusException 400 with upstream's text for any other value
   */
  static boolean parse(List<String> values) {
    for (String v : values) {
      if (!v.equals("All")) {
        throw StatusException.badRequest("Invalid dry run value: dryRun: Unsupported value: "
            + io.gatehouse.api.GoQuote.quote(v) + ": supported values: \"All\"");
      }
    }
    return !values.isEmpty();
  }
}
