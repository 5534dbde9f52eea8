package io.gatehouse.auth.review;

import io.gatehouse.api.GoQuote;
import io.gatehouse.auth.config.FieldError;
import io.gatehouse.auth.review.AccessReviews.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Upstream's {@code ValidateSubjectAccessReview}, {@code ValidateSelfSubjectAccessReview} and
 * {@code ValidateLocalSubjectAccessReview} (1.31+, with selector attributes), in upstream's order.
 * Bad values print as 1.33's {@code field.Error} prints them (JSON only from 1.34): a pointer to a
 * struct is dereferenced and printed with Go's {@code %#v} — the internal {@code
 * authorization.NonResourceAttributes{Path:"/x", Verb:"get"}}, and {@code metav1.ObjectMeta} by
 * {@link ObjectMetaGoSyntax}; the missing block, a nil pointer, prints as the string {@code
 * "null"}. Stateless.
 */
final class AccessReviewValidation {

  private AccessReviewValidation() {}

  /**
   * Returns every error of {@code spec} and {@code metadata} for a review of {@code kind}.
   *
   * @param metadata the review's metadata after the namespace was set from the URL
   */
  static List<FieldError> validate(Kind kind, AccessReviewSpec spec, Map<?, ?> metadata) {
    List<FieldError> errors = new ArrayList<>(validateSpec(kind, spec));
    boolean local = kind == Kind.LOCAL;
    if (!ObjectMetaJson.isEmpty(metadata, local)) {
      errors.add(new FieldError(FieldError.Type.INVALID, "metadata",
          ObjectMetaGoSyntax.render(metadata),
          local ? "must be empty except for namespace" : "must be empty"));
    }
    if (local) {
      String namespace = metadata.get("namespace") instanceof String s ? s : "";
      if (spec.resource() != null && !spec.resource().namespace().equals(namespace)) {
        errors.add(new FieldError(FieldError.Type.INVALID, "spec.resourceAttributes.namespace",
            GoQuote.quote(spec.resource().namespace()), "must match metadata.namespace"));
      }
      if (spec.nonResource() != null) {
        errors.add(new FieldError(FieldError.Type.INVALID, "spec.nonResourceAttributes",
            nonResourceValue(spec.nonResource()), "disallowed on this kind of request"));
      }
    }
    return errors;
  }

  private static List<FieldError> validateSpec(Kind kind, AccessReviewSpec spec) {
    List<FieldError> errors = new ArrayList<>();
    if (spec.resource() != null && spec.nonResource() != null) {
      errors.add(new FieldError(FieldError.Type.INVALID, "spec.nonResourceAttributes",
          nonResourceValue(spec.nonResource()),
          "cannot be specified in combination with resourceAttributes"));
    }
    if (spec.resource() == null && spec.nonResource() == null) {
      errors.add(new FieldError(FieldError.Type.INVALID, "spec.resourceAttributes",
          GoQuote.quote("null"),
          "exactly one of nonResourceAttributes or resourceAttributes must be specified"));
    }
    if (kind != Kind.SELF && spec.user().isEmpty() && spec.groups().isEmpty()) {
      errors.add(new FieldError(FieldError.Type.INVALID, "spec.user", GoQuote.quote(spec.user()),
          "at least one of user or group must be specified"));
    }
    if (spec.resource() != null) {
      selector(spec.resource().fieldSelector(), "spec.resourceAttributes.fieldSelector", errors);
      selector(spec.resource().labelSelector(), "spec.resourceAttributes.labelSelector", errors);
    }
    return errors;
  }

  private static void selector(AccessReviewSpec.@Nullable Selector s, String path,
      List<FieldError> errors) {
    if (s == null) {
      return;
    }
    if (!s.rawSelector().isEmpty() && !s.requirements().isEmpty()) {
      errors.add(new FieldError(FieldError.Type.INVALID, path + ".rawSelector",
          GoQuote.quote(s.rawSelector()), "may not specified at the same time as requirements"));
    }
    if (s.rawSelector().isEmpty() && s.requirements().isEmpty()) {
      errors.add(new FieldError(FieldError.Type.REQUIRED, path + ".requirements", null,
          "when " + path + " is specified, requirements or rawSelector is required"));
    }
  }

  private static String nonResourceValue(AccessReviewSpec.NonResourceAttributes n) {
    return "authorization.NonResourceAttributes{Path:" + GoQuote.quote(n.path()) + ", Verb:"
        + GoQuote.quote(n.verb()) + "}";
  }
}
