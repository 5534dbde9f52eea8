package io.gatehouse.auth.review;

import io.gatehouse.api.GoQuote;
import io.gatehouse.auth.authentication.AudienceAgnosticTokenAuthenticator;
import io.gatehouse.auth.authentication.AuthenticationRequest;
import io.gatehouse.auth.authentication.AuthenticationResult;
import io.gatehouse.auth.authentication.Authenticator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code authentication.k8s.io/v1} TokenReview as kube-apiserver's REST storage answers it: the
 * token is put in a request of its own ({@code Authorization: Bearer <token>}) for the server's
 * authenticators, asking for {@code spec.audiences} or else the API server's audiences; the review
 * comes back with {@code status} filled ({@code user} always present, as Go writes an empty
 * struct). An authenticated answer valid for none of the audiences asked is upstream's 500 {@code
 * error validating audiences}. Stateless; thread-safe if the authenticator is.
 */
public final class TokenReviews {

  private static final Set<String> TOP_FIELDS =
      Set.of("apiVersion", "kind", "metadata", "spec", "status");
  private static final String KIND = "TokenReview";

  private TokenReviews() {}

  /** What a request comes to. */
  public sealed interface Outcome {}

  /**
   * 201 with the review.
   *
   * @param unknownFields {@code unknown field "<path>"} for fields TokenReview does not have
   */
  public record Answered(Map<String, Object> review, List<String> unknownFields)
      implements Outcome {
    /** Copies the list. */
    public Answered {
      unknownFields = List.copyOf(unknownFields);
    }
  }

  /** @param message upstream's 400 text */
  public record BadRequest(String message) implements Outcome {}

  /** @param message the error of upstream's 500 {@code InternalError} */
  public record InternalError(String message) implements Outcome {}

  /**
   * Reads and answers a review body (apiVersion and kind already checked).
   *
   * @param version the request's API version
   * @param apiAudiences the API server's audiences ({@code --api-audiences})
   */
  public static Outcome answer(String version, Map<?, ?> body, Authenticator authenticator,
      List<String> apiAudiences) {
    JsonFields json = new JsonFields();
    Map<String, @Nullable Object> metadata;
    String token;
    List<String> audiences;
    try {
      Map<String, @Nullable Object> top = json.checked(body, "", TOP_FIELDS);
      metadata = json.object(top, "metadata", "metadata", KIND, "v1.ObjectMeta",
          ObjectMetaJson.fieldNames());
      Map<String, @Nullable Object> spec = json.object(top, "spec", "spec", KIND,
          "v1.TokenReviewSpec", Set.of("token", "audiences"));
      token = json.string(spec, "token", "spec.token", "TokenReviewSpec");
      audiences = json.strings(spec, "audiences", "spec.audiences", "TokenReviewSpec",
          "[]string");
      json.object(top, "status", "status", KIND, "v1.TokenReviewStatus", Set.of("authenticated",
          "user", "audiences", "error"));
    } catch (JsonFields.TypeMismatch e) {
      return new BadRequest(KIND + " in version " + GoQuote.quote(version)
          + " cannot be handled as a " + KIND + ": " + e.getMessage());
    }
    if (token.isEmpty()) {
      return new BadRequest("token is required for TokenReview in authentication");
    }
    List<String> asked = audiences.isEmpty() ? apiAudiences : audiences;
    AuthenticationResult result = authenticator.authenticate(
        new AuthenticationRequest("Bearer " + token, List.of(), asked));
    Map<String, Object> status = new LinkedHashMap<>();
    switch (result) {
      case AuthenticationResult.Authenticated ok -> {
        if (!asked.isEmpty()
            && AudienceAgnosticTokenAuthenticator.intersect(asked, ok.audiences()).isEmpty()) {
          return new InternalError("error validating audiences");
        }
        status.put("authenticated", true);
        status.put("user", UserInfoJson.of(ok.user()));
        if (!ok.audiences().isEmpty()) {
          status.put("audiences", ok.audiences());
        }
      }
      case AuthenticationResult.Failed failed -> {
        status.put("user", Map.of());
        status.put("error", failed.error());
      }
      case AuthenticationResult.NotApplicable n -> status.put("user", Map.of());
    }
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("token", token);
    if (!audiences.isEmpty()) {
      spec.put("audiences", audiences);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kind", KIND);
    out.put("apiVersion", "authentication.k8s.io/" + version);
    out.put("metadata", ObjectMetaJson.render(metadata));
    out.put("spec", spec);
    out.put("status", status);
    return new Answered(out, json.unknownFields());
  }
}
