/**
 * The webhook authorizer, as upstream's {@code plugin/pkg/authorizer/webhook}: CEL matchConditions,
 * SubjectAccessReview v1/v1beta1 over HTTPS from a kubeconfig, retries, response caching and the
 * failure policy.
 */
@NullMarked
package io.gatehouse.auth.webhook;

import org.jspecify.annotations.NullMarked;
