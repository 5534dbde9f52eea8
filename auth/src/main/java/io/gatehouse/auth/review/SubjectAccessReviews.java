package io.gatehouse.auth.review;

import io.gatehouse.api.authz.AuthorizationResult;
import io.gatehouse.api.authz.Decision;
import io.gatehouse.api.authz.RequestAttributes;
import io.gatehouse.api.authz.UserInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads a SubjectAccessReview ({@code authorization.k8s.io} v1 or v1beta1, whose groups are named
 * {@code group}) into authorizer attributes, checking the spec as upstream's {@code
 * ValidateSubjectAccessReviewSpec} does, and writes the answer as the review's {@code status}
 * ({@code allowed}, {@code denied}, {@code reason}, {@code evaluationError}), as the review REST
 * handler fills it. Stateless.
 */
public final class SubjectAccessReviews {

  private SubjectAccessReviews() {}

  /** The outcome of reading a review. */
  public sealed interface Decoded {}

  /**
   * A well-formed review.
   *
   * @param apiVersion the review's {@code apiVersion}, echoed in the answer
   * @param attributes what is asked
   */
  public record Review(String apiVersion, RequestAttributes attributes) implements Decoded {}

  /**
   * A review that cannot be answered (HTTP 400).
   *
   * @param message why
   */
  public record Malformed(String message) implements Decoded {}

  /** Reads {@code body}, a decoded JSON object. */
  public static Decoded decode(@Nullable Object body) {
    if (!(body instanceof Map<?, ?> review)) {
      return new Malformed("the request body is not a JSON object");
    }
    String apiVersion = str(review.get("apiVersion"));
    if (!List.of("authorization.k8s.io/v1", "authorization.k8s.io/v1beta1").contains(apiVersion)
        || !"SubjectAccessReview".equals(review.get("kind"))) {
      return new Malformed("expected a SubjectAccessReview of authorization.k8s.io/v1 or v1beta1, got "
          + io.gatehouse.api.GoQuote.quote(str(review.get("kind"))) + " of "
          + io.gatehouse.api.GoQuote.quote(apiVersion));
    }
    Map<?, ?> spec = map(review.get("spec"));
    boolean v1beta1 = apiVersion.endsWith("v1beta1");
    List<String> groups = strings(spec.get(v1beta1 ? "group" : "groups"));
    String user = str(spec.get("user"));
    Object resource = spec.get("resourceAttributes");
    Object nonResource = spec.get("nonResourceAttributes");
    List<String> errors = new ArrayList<>();
    if (resource != null && nonResource != null) {
      errors.add("spec.nonResourceAttributes: Invalid value: \"object\": cannot be specified in"
          + " combination with resourceAttributes");
    }
    if (resource == null && nonResource == null) {
      errors.add("spec.resourceAttributes: Invalid value: \"null\": exactly one of"
          + " nonResourceAttributes or resourceAttributes must be specified");
    }
    if (user.isEmpty() && groups.isEmpty()) {
      errors.add("spec.user: Invalid value: \"\": at least one of user or group must be specified");
    }
    if (!errors.isEmpty()) {
      return new Malformed("SubjectAccessReview.authorization.k8s.io \"\" is invalid: "
          + String.join(", ", errors));
    }
    Map<String, List<String>> extra = new LinkedHashMap<>();
    map(spec.get("extra")).forEach((k, v) -> extra.put(String.valueOf(k), strings(v)));
    UserInfo who = new UserInfo(user, str(spec.get("uid")), groups, extra);
    if (resource != null) {
      Map<?, ?> r = map(resource);
      return new Review(apiVersion, RequestAttributes.resource(who, str(r.get("verb")),
          str(r.get("namespace")), str(r.get("group")), str(r.get("version")),
          str(r.get("resource")), str(r.get("subresource")), str(r.get("name"))));
    }
    Map<?, ?> n = map(nonResource);
    return new Review(apiVersion,
        RequestAttributes.nonResource(who, str(n.get("verb")), str(n.get("path"))));
  }

  /** Returns the answer: the review's kind and version with the status for {@code result}. */
  public static Map<String, Object> answer(String apiVersion, AuthorizationResult result) {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("allowed", result.decision() == Decision.ALLOW);
    if (result.decision() == Decision.DENY) {
      status.put("denied", true);
    }
    if (!result.reason().isEmpty()) {
      status.put("reason", result.reason());
    }
    if (!result.error().isEmpty()) {
      status.put("evaluationError", result.error());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("apiVersion", apiVersion);
    out.put("kind", "SubjectAccessReview");
    out.put("status", status);
    return out;
  }

  private static Map<?, ?> map(@Nullable Object o) {
    return o instanceof Map<?, ?> m ? m : Map.of();
  }

  private static List<String> strings(@Nullable Object o) {
    if (!(o instanceof List<?> l)) {
      return List.of();
    }
    return l.stream().filter(String.class::isInstance).map(String.class::cast).toList();
  }

  private static String str(@Nullable Object o) {
    return o instanceof String s ? s : "";
  }
}
