package io.gatehouse.admission.validating;

import java.util.List;

/**
 * The result of evaluating a policy for one binding and param.
 *
 * @param decisions the decisions, one per validation (or a single error decision)
 * @param auditAnnotations the auditAnnotation outcomes
 */
record ValidateResult(List<PolicyDecision> decisions, List<AuditAnnotationResult> auditAnnotations) {

  static final ValidateResult EMPTY = new ValidateResult(List.of(), List.of());

  static ValidateResult of(PolicyDecision decision) {
    return new ValidateResult(List.of(decision), List.of());
  }
}
