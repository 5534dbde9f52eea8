package io.gatehouse.auth.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.authz.UserInfo;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BearerTokenAuthenticatorTest {

  private static final UserInfo ALICE = new UserInfo("alice", "1", List.of(), Map.of());
  private static final BearerTokenAuthenticator AUTH = BearerTokenAuthenticator.of(
      t -> t.equals("good") ? new AuthenticationResult.Authenticated(ALICE)
          : new AuthenticationResult.NotApplicable());

  private record Case(String name, String header, AuthenticationResult expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    AuthenticationResult ok = new AuthenticationResult.Authenticated(ALICE);
    AuthenticationResult none = new AuthenticationResult.NotApplicable();
    AuthenticationResult invalid = new AuthenticationResult.Failed("invalid bearer token");
    return Stream.of(
        new Case("valid token", "Bearer good", ok),
        new Case("scheme is case-insensitive", "bearer good", ok),
        new Case("surrounding space trimmed", "  Bearer good  ", ok),
        new Case("no header", "", none),
        new Case("basic auth is not ours", "Basic dXNlcjpwYXNz", none),
        new Case("scheme without token", "Bearer", none),
        new Case("two spaces leave an empty token", "Bearer  good", none),
        new Case("unknown token is invalid", "Bearer bad", invalid),
        new Case("extra words ignored", "Bearer good extra", ok));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void authenticate_header_decidesAsUpstream(Case c) {
    assertThat(AUTH.authenticate(new AuthenticationRequest(c.header(), List.of())))
        .isEqualTo(c.expected());
  }
}
