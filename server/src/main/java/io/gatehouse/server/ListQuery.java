package io.gatehouse.server;

import io.gatehouse.api.StatusException;

/**
 * The list options of a list, watch or deletecollection request ({@code metav1.ListOptions}).
 *
 * @param filter the parsed selectors
 * @param limit the page size, 0 for everything
 * @param continueToken the continue token, or empty
 * @param resourceVersion the resourceVersion parameter, or empty
 * @param resourceVersionMatch {@code NotOlderThan}, {@code Exact} or empty
 */
record ListQuery(ObjectFilter filter, long limit, String continueToken, String resourceVersion,
    String resourceVersionMatch) {

  /**
   * Checks the combination as upstream's {@code ValidateListOptions} and the etcd3 store do.
   *
   * @throws StatusException 400 for invalid combinations
   */
  ListQuery {
    if (limit < 0) {
      throw StatusException.badRequest("limit must not be negative");
    }
    if (!resourceVersionMatch.isEmpty()) {
      if (!resourceVersionMatch.equals("NotOlderThan") && !resourceVersionMatch.equals("Exact")) {
        throw invalid("resourceVersionMatch: Unsupported value: \"" + resourceVersionMatch
            + "\": supported values: \"Exact\", \"NotOlderThan\", \"\"");
      }
      if (resourceVersion.isEmpty()) {
        throw invalid("resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden "
            + "unless resourceVersion is provided");
      }
      if (!continueToken.isEmpty()) {
        throw invalid("resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden when "
            + "continue is provided");
      }
      if (resourceVersionMatch.equals("Exact") && resourceVersion.equals("0")) {
        throw invalid("resourceVersionMatch: Forbidden: resourceVersionMatch \"exact\" is "
            + "forbidden for resourceVersion \"0\"");
      }
    }
    if (!continueToken.isEmpty() && !resourceVersion.isEmpty() && !resourceVersion.equals("0")) {
      throw StatusException.badRequest(
          "specifying resource version is not allowed when using continue");
    }
  }

  private static StatusException invalid(String detail) {
    return new StatusException(new io.gatehouse.api.Status(
        "ListOptions.meta.k8s.io \"\" is invalid: " + detail, io.gatehouse.api.StatusReason.INVALID,
        new io.gatehouse.api.Status.Details("", "meta.k8s.io", "ListOptions", java.util.List.of()),
        422));
  }

  /** Parses a resourceVersion parameter; 400 for a non-numeric one. */
  static long parseResourceVersion(String rv) {
    if (rv.isEmpty()) {
      return 0;
    }
    try {
      long v = Long.parseLong(rv);
      if (v < 0) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw StatusException.badRequest("invalid resource version: " + rv);
    }
  }
}
