package io.gatehouse.auth.config;

import java.time.Duration;
import java.util.List;

/**
 * The {@code webhook} block of an authorizer, defaulted: {@code authorizedTTL} 5m0s and {@code
 * unauthorizedTTL} 30s when absent or zero. Absent strings are empty; absent durations zero.
 *
 * <p>Immutable.
 *
 * @param authorizedTTL how long allowed answers are cached
 * @param unauthorizedTTL how long other answers are cached
 * @param timeout the request timeout
 * @param subjectAccessReviewVersion {@code v1} or {@code v1beta1}
 * @param matchConditionSubjectAccessReviewVersion {@code v1}, or empty
 * @param failurePolicy {@code NoOpinion} or {@code Deny}
 * @param connectionInfo how to reach the webhook
 * @param matchConditions the CEL expressions, in order
 */
public record WebhookConfiguration(
    Duration authorizedTTL,
    Duration unauthorizedTTL,
    Duration timeout,
    String subjectAccessReviewVersion,
    String matchConditionSubjectAccessReviewVersion,
    String failurePolicy,
    WebhookConnectionInfo connectionInfo,
    List<String> matchConditions) {

  /** {@code failurePolicy: NoOpinion}. */
  public static final String NO_OPINION = "NoOpinion";

  /** {@code failurePolicy: Deny}. */
  public static final String DENY = "Deny";

  /** Copies the list. */
  public WebhookConfiguration {
    matchConditions = List.copyOf(matchConditions);
  }
}
