package io.gatehouse.server.crd;

import io.gatehouse.cel.library.GoSyntax;

/**
 * apiextensions' {@code GetAPIApprovalState} of the {@code api-approved.kubernetes.io} annotation
 * that CRDs in protected groups ({@code *.k8s.io}, {@code *.kubernetes.io}) must carry. Immutable.
 *
 * @param kind the state
 * @param reason upstream's explanation
 */
record ApprovalState(Kind kind, String reason) {

  enum Kind { MISSING, BYPASSED, APPROVED, INVALID }

  private static final String KEY = "\"api-approved.kubernetes.io\"";

  static ApprovalState of(String annotation) {
    if (annotation.isEmpty()) {
      return new ApprovalState(Kind.MISSING, "protected groups must have approval annotation "
          + KEY + ", see https://github.com/kubernetes/enhancements/pull/1111");
    }
    if (annotation.startsWith("unapproved")) {
      return new ApprovalState(Kind.BYPASSED, "not approved: "
          + io.gatehouse.api.GoQuote.quote(annotation));
    }
    int scheme = annotation.indexOf("://");
    if (GoSyntax.isRequestUri(annotation) && scheme > 0
        && annotation.length() > scheme + 3 && annotation.charAt(scheme + 3) != '/') {
      return new ApprovalState(Kind.APPROVED, "approved in " + annotation);
    }
    return new ApprovalState(Kind.INVALID, "protected groups must have approval annotation " + KEY
        + " with either a URL or a reason starting with \"unapproved\", see"
        + " https://github.com/kubernetes/enhancements/pull/1111");
  }
}
