package io.gatehouse.auth.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.api.GoQuote;
import io.gatehouse.auth.config.FieldError;
import io.gatehouse.auth.review.AccessReviews.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Upstream's {@code ValidateSubjectAccessReview}, {@code ValidateSelfSubjectAccessReview} and
 * {@code ValidateLocalSubjectAccessReview} (1.31+, with selector attributes), in upstream's order.
 * A struct value is rendered as apimachinery renders a bad value it can marshal: as JSON — for the
 * attribute blocks, of the internal types, which have no JSON tags ({@code {"Path":"/x","Verb":"get"}});
 * for metadata, of {@code metav1.ObjectMeta}. Stateless.
 */
final class AccessReviewValidation {

  private static final ObjectMapper JSON = new ObjectMapper();

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
          json(ObjectMetaJson.render(metadata)),
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
      errors.add(new FieldError(FieldError.Type.INVALID, "spec.resourceAttributes", "null",
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
    Map<String, Object> internal = new LinkedHashMap<>();
    internal.put("Path", n.path());
    internal.put("Verb", n.verb());
    return json(internal);
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
