package io.gatehouse.auth.review;

import io.gatehouse.api.GoQuote;
import io.gatehouse.api.authz.AuthorizationResult;
import io.gatehouse.api.authz.Authorizer;
import io.gatehouse.api.authz.Decision;
import io.gatehouse.api.authz.RequestAttributes;
import io.gatehouse.api.authz.UserInfo;
import io.gatehouse.auth.config.FieldError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@code authorization.k8s.io/v1} access reviews as kube-apiserver's REST storage answers
 * them ({@code pkg/registry/authorization/*}): SubjectAccessReview (any user), LocalSubjectAccessReview
 * (any user, one namespace) and SelfSubjectAccessReview (the requester). {@link #decode} reads the
 * body as the API server's decoder does; {@link #answer} validates it, asks the authorizer and
 * returns the review with its status — never stored.
 *
 * <p>Stateless; thread-safe if the authorizer is.
 */
public final class AccessReviews {

  private static final Set<String> TOP_FIELDS =
      Set.of("apiVersion", "kind", "metadata", "spec", "status");

  private AccessReviews() {}

  /** Which review. */
  public enum Kind {
    /** {@code SubjectAccessReview}, cluster-scoped. */
    SUBJECT("SubjectAccessReview"),
    /** {@code LocalSubjectAccessReview}, namespaced. */
    LOCAL("LocalSubjectAccessReview"),
    /** {@code SelfSubjectAccessReview}, cluster-scoped, about the requester. */
    SELF("SelfSubjectAccessReview");

    private final String kind;

    Kind(String kind) {
      this.kind = kind;
    }

    /** The API kind. */
    public String kind() {
      return kind;
    }
  }

  /** What reading a body comes to: the review, or a 400. */
  public sealed interface Read {}

  /**
   * A decoded review.
   *
   * @param spec the spec
   * @param metadata the metadata as sent (for a namespaced review, see {@link #inNamespace})
   * @param unknownFields {@code unknown field "<path>"} for each field the type does not have
   */
  public record Decoded(AccessReviewSpec spec, Map<String, @Nullable Object> metadata,
      List<String> unknownFields) implements Read {
    /** Copies the collections. */
    public Decoded {
      metadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
      unknownFields = List.copyOf(unknownFields);
    }

    /**
     * Upstream's {@code EnsureObjectNamespaceMatchesRequestNamespace}: an empty namespace takes
     * the request's, a cluster-scoped request clears it, a different one is a 400.
     *
     * @param requestNamespace the URL's namespace, empty for a cluster-scoped review
     */
    public Read inNamespace(String requestNamespace) {
      String own = metadata.get("namespace") instanceof String s ? s : "";
      if (own.equals(requestNamespace)) {
        return this;
      }
      if (!own.isEmpty() && !requestNamespace.isEmpty()) {
        return new BadRequest("the namespace of the provided object does not match the namespace "
            + "sent on the request");
      }
      Map<String, @Nullable Object> m = new LinkedHashMap<>(metadata);
      m.put("namespace", requestNamespace);
      return new Decoded(spec, m, unknownFields);
    }
  }

  /** What a review request comes to. */
  public sealed interface Outcome {}

  /**
   * The answer (HTTP 201).
   *
   * @param review the review with its status, as the API serves it
   */
  public record Answered(Map<String, Object> review) implements Outcome {}

  /**
   * The review is invalid (HTTP 422 {@code Invalid}, upstream's kind-less {@code
   * .authorization.k8s.io "" is invalid: …}).
   *
   * @param errors every error with its path
   */
  public record Invalid(List<FieldError> errors) implements Outcome {
    /** Copies the list. */
    public Invalid {
      errors = List.copyOf(errors);
    }
  }

  /**
   * The request cannot be answered (HTTP 400 {@code BadRequest}).
   *
   * @param message upstream's text
   */
  public record BadRequest(String message) implements Outcome, Read {}

  /**
   * Reads a review body (apiVersion and kind already checked).
   *
   * @param version the API version, for decoding error texts
   * @return the decoded review, or the 400 of Go's decoder for a value of the wrong type
   */
  public static Read decode(Kind kind, String version, Map<?, ?> body) {
    JsonFields json = new JsonFields();
    Map<String, @Nullable Object> top = json.checked(body, "", TOP_FIELDS);
    try {
      Map<String, @Nullable Object> metadata = json.object(top, "metadata", "metadata",
          kind.kind(), "v1.ObjectMeta", ObjectMetaJson.fieldNames());
      AccessReviewSpec spec = AccessReviewSpec.read(json, top, kind == Kind.SELF);
      return new Decoded(spec, metadata, json.unknownFields());
    } catch (JsonFields.TypeMismatch e) {
      return new BadRequest(kind.kind() + " in version " + GoQuote.quote(version)
          + " cannot be handled as a " + kind.kind() + ": " + e.getMessage());
    }
  }

  /**
   * Validates and answers a decoded review.
   *
   * @param apiVersion the served {@code apiVersion}, echoed
   * @param requester who sent the request (the subject of a self review), null if unknown
   * @param namespace the URL's namespace (LocalSubjectAccessReview), else empty
   * @param authorizer the server's authorizer chain
   */
  public static Outcome answer(Kind kind, String apiVersion, Decoded review,
      @Nullable UserInfo requester, String namespace, Authorizer authorizer) {
    List<FieldError> errors = AccessReviewValidation.validate(kind, review.spec(), review.metadata());
    if (!errors.isEmpty()) {
      return new Invalid(errors);
    }
    if (kind == Kind.SELF && requester == null) {
      return new BadRequest("no user present on request");
    }
    if (kind == Kind.LOCAL) {
      if (namespace.isEmpty()) {
        return new BadRequest("namespace is required on this type: ");
      }
      if (!namespace.equals(review.metadata().get("namespace"))) {
        return new BadRequest("spec.resourceAttributes.namespace must match namespace: "
            + namespace);
      }
    }
    UserInfo subject = switch (kind) {
      case SELF -> java.util.Objects.requireNonNull(requester);
      case LOCAL, SUBJECT -> AccessReviewAttributes.user(review.spec());
    };
    RequestAttributes attributes = AccessReviewAttributes.of(subject, review.spec());
    AuthorizationResult result = authorizer.authorize(attributes);
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("allowed", result.decision() == Decision.ALLOW);
    if (result.decision() == Decision.DENY) {
      status.put("denied", true);
    }
    if (!result.reason().isEmpty()) {
      status.put("reason", result.reason());
    }
    String evaluationError = AccessReviewAttributes.evaluationError(result.error(), attributes);
    if (!evaluationError.isEmpty()) {
      status.put("evaluationError", evaluationError);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kind", kind.kind());
    out.put("apiVersion", apiVersion);
    out.put("metadata", ObjectMetaJson.render(review.metadata()));
    out.put("spec", review.spec().toJson(kind == Kind.SELF));
    out.put("status", status);
    return new Answered(out);
  }
}
