package io.gatehouse.auth.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.authz.UserInfo;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AuthenticationConfigTest {

  private static final TestCertificates.Issued CA = TestCertificates.ca("ca");
  private static final Clock CLOCK = Clock.fixed(TestCertificates.NOW, ZoneOffset.UTC);
  private static final TokenAuthenticator TOKENS = TokenFileAuthenticator.parse("tokens.csv",
      "jane-token,jane,1,dev\nsa-token,builder,2,system:authenticated\n");

  private record Case(String name, boolean certs, boolean tokens, boolean anonymous,
      AuthenticationRequest request, AuthenticationResult expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static AuthenticationResult user(String name, String uid, String... groups) {
    return new AuthenticationResult.Authenticated(new UserInfo(name, uid, List.of(groups), Map.of()));
  }

  static Stream<Case> cases() {
    var none = AuthenticationRequest.anonymous();
    var jane = new AuthenticationRequest("Bearer jane-token", List.of());
    var bad = new AuthenticationRequest("Bearer nope", List.of());
    var cert = new AuthenticationRequest("Bearer jane-token",
        List.of(TestCertificates.client(CA, "admin", List.of("system:masters")).certificate()));
    AuthenticationResult anonymous = user("system:anonymous", "", "system:unauthenticated");
    return Stream.of(
        new Case("token user gets system:authenticated", true, true, false, jane,
            user("jane", "1", "dev", "system:authenticated")),
        new Case("system:authenticated not added twice", true, true, false,
            new AuthenticationRequest("Bearer sa-token", List.of()),
            user("builder", "2", "system:authenticated")),
        new Case("certificate is tried before the token", true, true, false, cert,
            user("admin", "", "system:masters", "system:authenticated")),
        new Case("no credentials, anonymous off", true, true, false, none,
            new AuthenticationResult.NotApplicable()),
        new Case("no credentials, anonymous on", true, true, true, none, anonymous),
        new Case("invalid token is never anonymous", true, true, true, bad,
            new AuthenticationResult.Failed("invalid bearer token")),
        new Case("only anonymous configured", false, false, true, bad, anonymous));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void build_chain_authenticatesInUpstreamOrder(Case c) {
    Authenticator chain = new AuthenticationConfig(
        c.certs() ? List.of(CA.certificate()) : List.of(),
        c.tokens() ? Optional.of(TOKENS) : Optional.empty(), c.anonymous(), CLOCK)
        .build().orElseThrow();
    assertThat(chain.authenticate(c.request())).isEqualTo(c.expected());
  }

  @org.junit.jupiter.api.Test
  void build_nothingConfigured_noAuthenticator() {
    assertThat(new AuthenticationConfig(List.of(), Optional.empty(), false, CLOCK).build()).isEmpty();
  }
}
