package io.gatehouse.auth.webhook;

/**
 * The {@code status} of a SubjectAccessReview the webhook answered (v1beta1 converted to v1).
 *
 * @param allowed whether the webhook allows
 * @param denied whether the webhook denies
 * @param reason the reason, possibly empty
 * @param evaluationError the webhook's evaluation error, possibly empty (upstream ignores it)
 */
public record SubjectAccessReviewStatus(
    boolean allowed, boolean denied, String reason, String evaluationError) {}
