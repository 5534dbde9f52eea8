package io.gatehouse.auth.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.authz.UserInfo;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AudienceAgnosticTokenAuthenticatorTest {

  private static final UserInfo JANE = UserInfo.of("jane");
  private static final TokenAuthenticator TOKENS = t -> switch (t) {
    case "good" -> new AuthenticationResult.Authenticated(JANE);
    case "bad" -> new AuthenticationResult.Failed("expired");
    default -> new AuthenticationResult.NotApplicable();
  };

  private record Case(String name, List<String> api, String token, List<String> asked,
      AuthenticationResult expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("nothing asked: passed through", List.of("a"), "good", List.of(),
            new AuthenticationResult.Authenticated(JANE)),
        new Case("asked audiences the API has, in the asked order", List.of("a", "b", "c"),
            "good", List.of("c", "x", "a"),
            new AuthenticationResult.Authenticated(JANE, List.of("c", "a"))),
        new Case("none in common: not this authenticator's", List.of("a"), "good", List.of("x"),
            new AuthenticationResult.NotApplicable()),
        new Case("no API audiences: nothing in common", List.of(), "good", List.of("x"),
            new AuthenticationResult.NotApplicable()),
        new Case("failures pass through", List.of("a"), "bad", List.of("a"),
            new AuthenticationResult.Failed("expired")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void authenticateToken_audiences_asUpstreamsAudienceAgnosticWrapper(Case c) {
    assertThat(AudienceAgnosticTokenAuthenticator.of(c.api(), TOKENS)
        .authenticateToken(c.token(), c.asked())).isEqualTo(c.expected());
  }
}
