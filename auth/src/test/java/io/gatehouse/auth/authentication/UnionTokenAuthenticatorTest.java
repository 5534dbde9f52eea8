package io.gatehouse.auth.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.authz.UserInfo;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class UnionTokenAuthenticatorTest {

  private static final AuthenticationResult ALICE =
      new AuthenticationResult.Authenticated(UserInfo.of("alice"));
  private static final TokenAuthenticator OK = token -> ALICE;
  private static final TokenAuthenticator SKIP = token -> AuthenticationResult.notApplicable();

  private static TokenAuthenticator failing(String error) {
    return token -> new AuthenticationResult.Failed(error);
  }

  private record Case(String name, List<TokenAuthenticator> authenticators,
      AuthenticationResult expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("first applicable wins", List.of(SKIP, OK), ALICE),
        new Case("a failure does not stop a later success", List.of(failing("bad"), OK), ALICE),
        new Case("failures aggregated", List.of(failing("a"), SKIP, failing("b")),
            new AuthenticationResult.Failed("[a, b]")),
        new Case("nobody applicable", List.of(SKIP, SKIP), AuthenticationResult.notApplicable()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void authenticateToken_union_upstreamResult(Case c) {
    assertThat(UnionTokenAuthenticator.of(c.authenticators()).authenticateToken("t"))
        .isEqualTo(c.expected());
  }
}
