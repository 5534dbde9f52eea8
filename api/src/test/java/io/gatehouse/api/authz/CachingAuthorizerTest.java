package io.gatehouse.api.authz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CachingAuthorizerTest {

  private static final UserInfo ALICE =
      new UserInfo("alice", "1", List.of("b", "a"), Map.of("x", List.of("2", "1")));
  private static final RequestAttributes LIST_PODS =
      RequestAttributes.resource(ALICE, "list", "default", "", "*", "pods", "", "");
  private static final FieldSelectorRequirement ON_NODE =
      new FieldSelectorRequirement("spec.nodeName", SelectorOperator.EQUALS, "n1");

  /** Answers with a result naming the call number, so that a cached answer is recognisable. */
  private static final class CountingAuthorizer implements Authorizer {
    final List<RequestAttributes> calls = new ArrayList<>();

    @Override
    public synchronized AuthorizationResult authorize(RequestAttributes attributes) {
      calls.add(attributes);
      return new AuthorizationResult(Decision.ALLOW, "call " + calls.size(), "boom");
    }
  }

  private record Case(String name, RequestAttributes second, boolean cached) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> pairs() {
    return Stream.of(
        new Case("identical", LIST_PODS, true),
        new Case("groups and extra values reordered",
            withUser(new UserInfo("alice", "1", List.of("a", "b"), Map.of("x", List.of("1", "2")))),
            true),
        new Case("other verb", RequestAttributes.resource(ALICE, "get", "default", "", "*", "pods", "", ""), false),
        new Case("other user", withUser(UserInfo.of("bob", "a", "b")), false),
        new Case("other uid", withUser(new UserInfo("alice", "2", List.of("a", "b"), ALICE.extra())), false),
        new Case("field selector added", LIST_PODS.withFieldSelector(List.of(ON_NODE), ""), false),
        new Case("unparsable field selector ignored",
            LIST_PODS.withFieldSelector(List.of(), "invalid selector"), true),
        new Case("unparsable label selector ignored",
            LIST_PODS.withLabelSelector(List.of(), "unable to parse requirement"), true),
        new Case("label selector added",
            LIST_PODS.withLabelSelector(
                List.of(new LabelSelectorRequirement("app", SelectorOperator.EXISTS, List.of())), ""),
            false),
        new Case("non-resource request",
            RequestAttributes.nonResource(ALICE, "list", "/healthz"), false));
  }

  private static RequestAttributes withUser(UserInfo user) {
    return RequestAttributes.resource(user, "list", "default", "", "*", "pods", "", "");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void authorize_secondRequest_reusesResultOnlyForSameAttributes(Case c) {
    CountingAuthorizer delegate = new CountingAuthorizer();
    CachingAuthorizer cache = CachingAuthorizer.of(delegate);

    AuthorizationResult first = cache.authorize(LIST_PODS);
    AuthorizationResult second = cache.authorize(c.second());

    assertThat(first).isEqualTo(new AuthorizationResult(Decision.ALLOW, "call 1", "boom"));
    assertThat(second.reason()).isEqualTo(c.cached() ? "call 1" : "call 2");
    assertThat(delegate.calls).hasSize(c.cached() ? 1 : 2);
  }

  @Test
  void authorize_cacheMiss_passesOriginalAttributesToDelegate() {
    CountingAuthorizer delegate = new CountingAuthorizer();

    CachingAuthorizer.of(delegate).authorize(LIST_PODS);

    assertThat(delegate.calls).containsExactly(LIST_PODS);
  }

  @Test
  void authorize_separateCaches_doNotShareResults() {
    CountingAuthorizer delegate = new CountingAuthorizer();

    CachingAuthorizer.of(delegate).authorize(LIST_PODS);
    CachingAuthorizer.of(delegate).authorize(LIST_PODS);

    assertThat(delegate.calls).hasSize(2);
  }
}
