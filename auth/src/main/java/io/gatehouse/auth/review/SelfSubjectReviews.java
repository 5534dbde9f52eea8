package io.gatehouse.auth.review;

import io.gatehouse.api.authz.UserInfo;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code authentication.k8s.io} SelfSubjectReview ({@code kubectl auth whoami}; v1, and the
 * v1beta1 and v1alpha1 paths older kubectl use) as kube-apiserver's REST storage answers it: a
 * fresh review whose creation time is now and whose {@code status.userInfo} is the requester —
 * after impersonation. Stateless.
 */
public final class SelfSubjectReviews {

  /** Upstream's 400 text without a user. */
  public static final String NO_USER = "no user present on request";

  private SelfSubjectReviews() {}

  /**
   * Returns the answered review, or empty when there is no requester (400 {@link #NO_USER}).
   *
   * @param apiVersion the served {@code apiVersion}
   * @param now the creation time (seconds are kept, as the API serializes times)
   */
  public static java.util.Optional<Map<String, Object>> answer(String apiVersion,
      @Nullable UserInfo requester, Instant now) {
    if (requester == null) {
      return java.util.Optional.empty();
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("creationTimestamp", now.truncatedTo(ChronoUnit.SECONDS).toString());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kind", "SelfSubjectReview");
    out.put("apiVersion", apiVersion);
    out.put("metadata", metadata);
    out.put("status", Map.of("userInfo", UserInfoJson.of(requester)));
    return java.util.Optional.of(out);
  }
}
