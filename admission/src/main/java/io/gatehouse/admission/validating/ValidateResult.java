package io.gatehouse.admission.validating;

import java.util.List;

/**
 * The result of evaluating a policy for one binding and param.
 *
 * @param applied false when the matchConditions did not match (nothing was evaluated)
 * @param decisions the decisions, one per validation (or a single error decision)
 * @param auditAnnotations the auditAnnotation outcomes
 */
record ValidateResult(
    boolean applied, List<PolicyDecision> decisions, List<AuditAnnotationResult> auditAnnotations) {

  /** The result of a policy whose matchConditions did not match. */
  static final ValidateResult NOT_APPLIED = new ValidateResult(false, List.of(), List.of());

  static ValidateResult of(PolicyDecision decision) {
    return new ValidateResult(true, List.of(decision), List.of());
  }
}
