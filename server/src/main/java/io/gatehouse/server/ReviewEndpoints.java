package io.gatehouse.server;

import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.Status;
import io.gatehouse.api.StatusException;
import io.gatehouse.api.StatusReason;
import io.gatehouse.api.Unstructured;
import io.gatehouse.api.authz.Authorizer;
import io.gatehouse.api.catalog.ResourceCatalog;
import io.gatehouse.auth.RuleResolver;
import io.gatehouse.auth.authentication.Authenticator;
import io.gatehouse.auth.config.FieldError;
import io.gatehouse.auth.review.AccessReviews;
import io.gatehouse.auth.review.RulesReviews;
import io.gatehouse.auth.review.SelfSubjectReviews;
import io.gatehouse.auth.review.TokenReviews;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The create-only, never stored review resources, answered as kube-apiserver's REST storage for
 * them does: {@code authorization.k8s.io/v1} SubjectAccessReview, LocalSubjectAccessReview,
 * SelfSubjectAccessReview and SelfSubjectRulesReview (asking the server's own authorizer chain and
 * its rule resolver, so configured webhooks are consulted), {@code authentication.k8s.io/v1}
 * TokenReview (the server's authenticators) and SelfSubjectReview (also at the {@code v1beta1} and
 * {@code v1alpha1} paths older kubectl releases use, which discovery does not list). Bodies are
 * JSON, YAML or — for the kinds with a message table — protobuf ({@link RequestBodies}). The filters
 * ran before: the requester needs {@code create} on the resource. A POST answers 201 with the
 * review and its status; other methods 405, a name in the path 404. Other requests go to the
 * wrapped handler. Thread-safe.
 */
final class ReviewEndpoints {

  private static final String AUTHZ = "authorization.k8s.io";
  private static final String AUTHN = "authentication.k8s.io";
  private static final Set<String> SELF_REVIEW_VERSIONS = Set.of("v1", "v1beta1", "v1alpha1");

  private final Authorizer authorizer;
  private final RuleResolver rules;
  private final Authenticator authenticator;
  private final List<String> apiAudiences;
  private final Clock clock;

  /**
   * @param authorizer the server's authorizer chain
   * @param rules the rule resolver beside it
   * @param authenticator the server's authenticators (for TokenReview)
   * @param apiAudiences the API server's audiences
   */
  ReviewEndpoints(Authorizer authorizer, RuleResolver rules, Authenticator authenticator,
      List<String> apiAudiences, Clock clock) {
    this.authorizer = authorizer;
    this.rules = rules;
    this.authenticator = authenticator;
    this.apiAudiences = List.copyOf(apiAudiences);
    this.clock = clock;
  }

  /** Returns {@code next} with the review resources answered here. */
  ApiHandler in(ApiHandler next) {
    return request -> {
      RequestInfo info = request.requestInfo();
      @Nullable String kind = info == null ? null : kind(info);
      if (info == null || kind == null) {
        return next.handle(request);
      }
      boolean local = kind.equals("LocalSubjectAccessReview");
      if (local == info.namespace().isEmpty()) {
        return next.handle(request);
      }
      if (!info.name().isEmpty() || !info.subresource().isEmpty()) {
        return ApiResponse.status(ApiRoutes.ROUTE_NOT_FOUND);
      }
      if (!request.method().equals("POST")) {
        return ApiResponse.status(ApiRoutes.METHOD_NOT_ALLOWED);
      }
      FieldManagement.manager(request, "CreateOptions");
      GroupVersionKind gvk = new GroupVersionKind(info.apiGroup(), info.apiVersion(), kind);
      List<String> warnings = new ArrayList<>();
      Map<String, Object> body = decode(request, gvk, warnings);
      return ResourceHandler.withWarnings(answer(request, info, gvk, body, warnings), warnings);
    };
  }

  /** The review kind {@code info} addresses, or null. */
  private static @Nullable String kind(RequestInfo info) {
    if (!info.resourceRequest()) {
      return null;
    }
    if (info.apiGroup().equals(AUTHZ) && info.apiVersion().equals("v1")) {
      return switch (info.resource()) {
        case "subjectaccessreviews" -> "SubjectAccessReview";
        case "localsubjectaccessreviews" -> "LocalSubjectAccessReview";
        case "selfsubjectaccessreviews" -> "SelfSubjectAccessReview";
        case "selfsubjectrulesreviews" -> "SelfSubjectRulesReview";
        default -> null;
      };
    }
    if (info.apiGroup().equals(AUTHN)) {
      if (info.resource().equals("selfsubjectreviews")
          && SELF_REVIEW_VERSIONS.contains(info.apiVersion())) {
        return "SelfSubjectReview";
      }
      if (info.resource().equals("tokenreviews") && info.apiVersion().equals("v1")) {
        return "TokenReview";
      }
    }
    return null;
  }

  private static Map<String, Object> decode(ApiRequest request, GroupVersionKind gvk,
      List<String> warnings) {
    BodyDecoder.Decoded decoded = RequestBodies.object(request, gvk,
        kind -> ResourceCatalog.builtin().resourceFor(kind).isPresent());
    Unstructured obj = Unstructured.wrap(BodyDecoder.object(decoded));
    Kinds.check(gvk, obj);
    List<String> problems = new ArrayList<>();
    decoded.duplicates().forEach(d -> problems.add("duplicate field "
        + io.gatehouse.api.GoQuote.quote(d)));
    FieldValidation.of(request).check(gvk, problems, warnings);
    return obj.object();
  }

  private ApiResponse answer(ApiRequest request, RequestInfo info, GroupVersionKind gvk,
      Map<String, Object> body, List<String> warnings) {
    FieldValidation validation = FieldValidation.of(request);
    return switch (gvk.kind()) {
      case "SelfSubjectRulesReview" -> switch (RulesReviews.answer(gvk.version(), body,
          request.user(), rules)) {
        case RulesReviews.Answered a -> {
          validation.check(gvk, a.unknownFields(), warnings);
          yield ApiResponse.json(201, a.review());
        }
        case RulesReviews.BadRequest b -> throw StatusException.badRequest(b.message());
      };
      case "SelfSubjectReview" -> ApiResponse.json(201, SelfSubjectReviews.answer(
          gvk.apiVersion(), request.user(), clock.instant())
          .orElseThrow(() -> StatusException.badRequest(SelfSubjectReviews.NO_USER)));
      case "TokenReview" -> switch (TokenReviews.answer(gvk.version(), body, authenticator,
          apiAudiences)) {
        case TokenReviews.Answered a -> {
          validation.check(gvk, a.unknownFields(), warnings);
          yield ApiResponse.json(201, a.review());
        }
        case TokenReviews.BadRequest b -> throw StatusException.badRequest(b.message());
        case TokenReviews.InternalError e -> ApiResponse.status(new Status(
            "Internal error occurred: " + e.message(), StatusReason.INTERNAL_ERROR,
            new Status.Details("", "", "", List.of(new Status.Cause("", e.message(), ""))),
            500));
      };
      default -> accessReview(request, info, gvk, body, validation, warnings);
    };
  }

  private ApiResponse accessReview(ApiRequest request, RequestInfo info, GroupVersionKind gvk,
      Map<String, Object> body, FieldValidation validation, List<String> warnings) {
    AccessReviews.Kind kind = switch (gvk.kind()) {
      case "LocalSubjectAccessReview" -> AccessReviews.Kind.LOCAL;
      case "SelfSubjectAccessReview" -> AccessReviews.Kind.SELF;
      default -> AccessReviews.Kind.SUBJECT;
    };
    AccessReviews.Decoded decoded = switch (AccessReviews.decode(kind, gvk.version(), body)) {
      case AccessReviews.Decoded d -> d;
      case AccessReviews.BadRequest b -> throw StatusException.badRequest(b.message());
    };
    validation.check(gvk, decoded.unknownFields(), warnings);
    decoded = switch (decoded.inNamespace(info.namespace())) {
      case AccessReviews.Decoded d -> d;
      case AccessReviews.BadRequest b -> throw StatusException.badRequest(b.message());
    };
    return switch (AccessReviews.answer(kind, gvk.apiVersion(), decoded, request.user(),
        info.namespace(), authorizer)) {
      case AccessReviews.Answered a -> ApiResponse.json(201, a.review());
      case AccessReviews.Invalid invalid -> throw ApiErrors.invalid(gvk.group(), "", "",
          invalid.errors().stream().map(ReviewEndpoints::fieldError).toList());
      case AccessReviews.BadRequest b -> throw StatusException.badRequest(b.message());
    };
  }

  private static ApiErrors.FieldError fieldError(FieldError e) {
    String type = switch (e.type()) {
      case REQUIRED -> "FieldValueRequired";
      case INVALID -> "FieldValueInvalid";
      case DUPLICATE -> "FieldValueDuplicate";
      case NOT_SUPPORTED -> "FieldValueNotSupported";
      case INTERNAL -> "InternalError";
      case TOO_MANY -> "FieldValueTooMany";
    };
    String value = e.value() == null ? "" : e.value();
    String detail = value.isEmpty() ? e.detail()
        : e.detail().isEmpty() ? value : value + ": " + e.detail();
    return new ApiErrors.FieldError(type, e.field(), detail);
  }
}
