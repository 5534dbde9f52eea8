package io.gatehouse.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.authz.AuthorizationResult;
import io.gatehouse.api.authz.Decision;
import io.gatehouse.api.authz.RequestAttributes;
import io.gatehouse.api.authz.UserInfo;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The chain as upstream's union: system:masters first, first Allow or Deny wins. */
class AuthorizerChainTest {

  private static final RequestAttributes ALICE_GET =
      RequestAttributes.resource(UserInfo.of("alice"), "get", "ns", "", "v1", "pods", "", "p");
  private static final RequestAttributes ADMIN_GET = RequestAttributes.resource(
      UserInfo.of("root", "system:masters"), "get", "ns", "", "v1", "pods", "", "p");

  private record Case(String name, List<AuthorizationResult> answers, RequestAttributes request,
      AuthorizationResult expected, int steps) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    AuthorizationResult allow = AuthorizationResult.of(Decision.ALLOW, "allowed by x");
    AuthorizationResult deny = new AuthorizationResult(Decision.DENY, "denied by hook", "");
    AuthorizationResult quiet = AuthorizationResult.of(Decision.NO_OPINION, "");
    AuthorizationResult failed = new AuthorizationResult(Decision.NO_OPINION, "", "webhook down");
    return Stream.of(
        new Case("superuser first", List.of(deny), ADMIN_GET, AuthorizationResult.of(Decision.ALLOW, ""), 1),
        new Case("first deny wins", List.of(quiet, deny, allow), ALICE_GET, deny, 3),
        new Case("first allow wins", List.of(allow, deny), ALICE_GET, allow, 2),
        new Case("AlwaysDeny falls through", List.of(
            AlwaysDenyAuthorizer.INSTANCE.authorize(ALICE_GET), allow), ALICE_GET, allow, 3),
        new Case("all quiet joins reasons and errors", List.of(
            AlwaysDenyAuthorizer.INSTANCE.authorize(ALICE_GET), failed,
            new AuthorizationResult(Decision.NO_OPINION, "RBAC: missing", "other")),
            ALICE_GET, new AuthorizationResult(Decision.NO_OPINION,
                "Everything is forbidden.\nRBAC: missing", "[webhook down, other]"), 4));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void explain_chain_decidesAsUpstreamsUnion(Case c) {
    List<AuthorizerChain.Entry> entries = c.answers().stream()
        .map(a -> new AuthorizerChain.Entry("Fixed", "fixed", attrs -> a)).toList();
    AuthorizerChain chain = AuthorizerChain.of(entries);
    AuthorizerChain.Explanation e = chain.explain(c.request());
    assertThat(e.result()).isEqualTo(c.expected());
    assertThat(e.steps()).hasSize(c.steps());
    assertThat(chain.authorize(c.request())).isEqualTo(c.expected());
  }
}
