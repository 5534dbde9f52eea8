package io.gatehouse.admission.validating;

/**
 * One decision of a policy evaluation (upstream's {@code PolicyDecision}), with what produced it.
 *
 * @param action admit or deny
 * @param evaluation how the decision came about
 * @param message the message (for admits of errors under {@code Ignore}, the error)
 * @param reason the Status reason set by the validation, empty when unset
 * @param expression the expression that produced it, or empty
 * @param check {@code validations[i]}, {@code matchConditions}, {@code validations} (the whole
 *     list, e.g. an exhausted budget) or {@code auditAnnotations[i]}
 */
record PolicyDecision(
    Action action, Evaluation evaluation, String message, String reason, String expression,
    String check) {

  /** Upstream's {@code PolicyDecisionAction}. */
  enum Action {
    ADMIT,
    DENY
  }

  /** Upstream's {@code PolicyDecisionEvaluation}. */
  enum Evaluation {
    ADMIT,
    DENY,
    ERROR
  }

  /** Returns the decision for an error under {@code failurePolicy}. */
  static PolicyDecision error(boolean ignore, String message, String expression, String check) {
    return new PolicyDecision(
        ignore ? Action.ADMIT : Action.DENY, Evaluation.ERROR, message, "", expression, check);
  }
}
