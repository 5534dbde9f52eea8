package io.gatehouse.admission.validating;

/**
 * The outcome of one auditAnnotation (upstream's {@code PolicyAuditAnnotation}).
 *
 * @param action publish, exclude or error
 * @param key the annotation key (without the policy prefix)
 * @param value the trimmed value to publish, or empty
 * @param error the error text, or empty
 * @param index the auditAnnotation's index
 * @param expression the value expression
 */
record AuditAnnotationResult(
    Action action, String key, String value, String error, int index, String expression) {

  /** Upstream's {@code PolicyAuditAnnotationAction}. */
  enum Action {
    PUBLISH,
    EXCLUDE,
    ERROR
  }
}
