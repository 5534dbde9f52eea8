package io.gatehouse.auth.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.codec.ValueDecoder;
import io.gatehouse.auth.authentication.AudienceAgnosticTokenAuthenticator;
import io.gatehouse.auth.authentication.AuthenticationConfig;
import io.gatehouse.auth.authentication.Authenticator;
import io.gatehouse.api.authz.UserInfo;
import io.gatehouse.auth.authentication.AuthenticationResult;
import io.gatehouse.auth.authentication.TokenAuthenticator;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TokenReviewsTest {

  private static final List<String> API = List.of("https://gatehouse.example", "api");
  private static final TokenAuthenticator JANE_TOKEN = t -> t.equals("jane-token")
      ? new AuthenticationResult.Authenticated(new UserInfo("jane", "1001", List.of("devs"),
          Map.of()))
      : new AuthenticationResult.NotApplicable();

  private static Authenticator authenticator(boolean tokens, boolean anonymous) {
    return new AuthenticationConfig(List.of(), tokens
        ? Optional.of(AudienceAgnosticTokenAuthenticator.of(API, JANE_TOKEN)) : Optional.empty(),
        anonymous, Clock.systemUTC()).build().orElse(r -> new io.gatehouse.auth.authentication
        .AuthenticationResult.NotApplicable());
  }

  private record Case(String name, String spec, boolean tokens, boolean anonymous,
      TokenReviews.Outcome expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static TokenReviews.Outcome answered(Map<String, Object> spec, Map<String, Object> status) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("creationTimestamp", null);
    return new TokenReviews.Answered(Map.of("kind", "TokenReview", "apiVersion",
        "authentication.k8s.io/v1", "metadata", metadata, "spec", spec, "status", status),
        List.of());
  }

  static Stream<Case> cases() {
    Map<String, Object> jane = Map.of("username", "jane", "uid", "1001", "groups",
        List.of("devs", "system:authenticated"));
    return Stream.of(
        new Case("no audiences asked: the API's", "{\"token\":\"jane-token\"}", true, false,
            answered(Map.of("token", "jane-token"), Map.of("authenticated", true, "user", jane,
                "audiences", API))),
        new Case("audiences asked: those the API has", """
            {"token":"jane-token","audiences":["other","api"]}""", true, false,
            answered(Map.of("token", "jane-token", "audiences", List.of("other", "api")),
                Map.of("authenticated", true, "user", jane, "audiences", List.of("api")))),
        new Case("audiences the API does not have: static tokens do not apply", """
            {"token":"jane-token","audiences":["other"]}""", true, false,
            answered(Map.of("token", "jane-token", "audiences", List.of("other")),
                Map.of("user", Map.of(), "error", "invalid bearer token"))),
        new Case("unknown token", "{\"token\":\"nope\"}", true, true,
            answered(Map.of("token", "nope"), Map.of("user", Map.of(),
                "error", "invalid bearer token"))),
        new Case("anonymous answers without audiences: upstream's 500", "{\"token\":\"x\"}", false,
            true, new TokenReviews.InternalError("error validating audiences")),
        new Case("empty token", "{\"token\":\"\"}", true, false,
            new TokenReviews.BadRequest("token is required for TokenReview in authentication")),
        new Case("token of the wrong type", "{\"token\":[\"a\"]}", true, false,
            new TokenReviews.BadRequest("TokenReview in version \"v1\" cannot be handled as a "
                + "TokenReview: json: cannot unmarshal array into Go struct field "
                + "TokenReviewSpec.spec.token of type string")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void answer_token_authenticatedWithAudiencesAsUpstream(Case c) {
    Map<?, ?> body = (Map<?, ?>) ValueDecoder.decode("body", "{\"apiVersion\":"
        + "\"authentication.k8s.io/v1\",\"kind\":\"TokenReview\",\"spec\":" + c.spec() + "}")
        .value();
    assertThat(TokenReviews.answer("v1", body, authenticator(c.tokens(), c.anonymous()), API))
        .isEqualTo(c.expected());
  }
}
