package io.gatehouse.auth.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.authz.RequestAttributes;
import io.gatehouse.api.authz.UserInfo;
import io.gatehouse.auth.authentication.Impersonation.Kind;
import io.gatehouse.auth.authentication.Impersonation.Target;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ImpersonationTest {

  private record Case(String name, String user, List<String> groups, Map<String, List<String>> extras,
      String uid, UserInfo expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Map<String, List<String>> extras(String key, String... values) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put(key, List.of(values));
    return m;
  }

  static Stream<Case> users() {
    return Stream.of(
        new Case("user gets system:authenticated", "tester", List.of(), Map.of(), "",
            new UserInfo("tester", "", List.of("system:authenticated"), Map.of())),
        new Case("groups are kept, authenticated appended", "system:admin", List.of("some-group"),
            Map.of(), "", new UserInfo("system:admin", "", List.of("some-group", "system:authenticated"), Map.of())),
        new Case("service account gets its groups", "system:serviceaccount:foo:default", List.of(),
            Map.of(), "", new UserInfo("system:serviceaccount:foo:default", "", List.of(
                "system:serviceaccounts", "system:serviceaccounts:foo", "system:authenticated"), Map.of())),
        new Case("service account with groups gets only those", "system:serviceaccount:foo:default",
            List.of("g"), Map.of(), "", new UserInfo("system:serviceaccount:foo:default", "",
                List.of("g", "system:authenticated"), Map.of())),
        new Case("anonymous gets system:unauthenticated", "system:anonymous", List.of(), Map.of(), "",
            new UserInfo("system:anonymous", "", List.of("system:unauthenticated"), Map.of())),
        new Case("anonymous with unauthenticated group not doubled", "system:anonymous",
            List.of("system:unauthenticated"), Map.of(), "",
            new UserInfo("system:anonymous", "", List.of("system:unauthenticated"), Map.of())),
        new Case("unauthenticated group prevents authenticated", "unknown",
            List.of("system:unauthenticated"), Map.of(), "",
            new UserInfo("unknown", "", List.of("system:unauthenticated"), Map.of())),
        new Case("authenticated group not doubled", "unknown", List.of("system:authenticated"),
            Map.of(), "", new UserInfo("unknown", "", List.of("system:authenticated"), Map.of())),
        new Case("extras and uid", "tester", List.of(), extras("Scopes", "scope-a", "scope-b"),
            "some-uid", new UserInfo("tester", "some-uid", List.of("system:authenticated"),
                Map.of("scopes", List.of("scope-a", "scope-b")))),
        new Case("percent-escaped extra key", "system:admin", List.of(),
            extras("example.com%2fescaped%e1%9b%84scopes", "scope-a"), "",
            new UserInfo("system:admin", "", List.of("system:authenticated"),
                Map.of("example.com/escapedᛄscopes", List.of("scope-a")))),
        new Case("malformed escape kept as sent", "system:admin", List.of(),
            extras("almost%zzpercent%xxencoded", "scope-a"), "",
            new UserInfo("system:admin", "", List.of("system:authenticated"),
                Map.of("almost%zzpercent%xxencoded", List.of("scope-a")))),
        new Case("invalid service account name is a user", "system:serviceaccount:Foo:default",
            List.of(), Map.of(), "", new UserInfo("system:serviceaccount:Foo:default", "",
                List.of("system:authenticated"), Map.of())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("users")
  void user_table_asUpstreamImpersonationFilter(Case c) {
    Impersonation.Parsed parsed = Impersonation.parse(
        new Impersonation.Requested(c.user(), c.groups(), c.extras(), c.uid()));
    assertThat(parsed.error()).isEmpty();
    assertThat(Impersonation.user(parsed.targets(), !c.groups().isEmpty())).isEqualTo(c.expected());
  }

  @Test
  void parse_groupWithoutUser_upstreamErrorText() {
    assertThat(Impersonation.parse(new Impersonation.Requested("", List.of("some-group"), Map.of(), ""))
        .error()).isEqualTo("requested [{Group  some-group    }] without impersonating a user");
    assertThat(Impersonation.parse(new Impersonation.Requested("", List.of(), Map.of(), "some-uid"))
        .error()).isEqualTo("requested [{UID  some-uid  authentication.k8s.io/v1  }] without "
            + "impersonating a user");
    assertThat(Impersonation.parse(new Impersonation.Requested("", List.of(), extras("Scopes", "a"), ""))
        .error()).isEqualTo("requested [{UserExtra  a  authentication.k8s.io/v1  scopes}] without "
            + "impersonating a user");
  }

  @Test
  void attributes_perTarget_impersonateVerbOnUpstreamResources() {
    UserInfo alice = UserInfo.of("alice", "system:authenticated");
    Impersonation.Parsed parsed = Impersonation.parse(new Impersonation.Requested(
        "system:serviceaccount:ns:sa", List.of("g"), extras("Scopes", "s1"), "u1"));
    assertThat(parsed.targets()).containsExactly(
        new Target(Kind.SERVICE_ACCOUNT, "ns", "sa", ""), new Target(Kind.GROUP, "", "g", ""),
        new Target(Kind.USER_EXTRA, "", "s1", "scopes"), new Target(Kind.UID, "", "u1", ""));
    assertThat(parsed.targets().stream().map(t -> Impersonation.attributes(alice, t)).toList())
        .containsExactly(
            RequestAttributes.resource(alice, "impersonate", "ns", "", "", "serviceaccounts", "", "sa"),
            RequestAttributes.resource(alice, "impersonate", "", "", "", "groups", "", "g"),
            RequestAttributes.resource(alice, "impersonate", "", "authentication.k8s.io", "v1",
                "userextras", "scopes", "s1"),
            RequestAttributes.resource(alice, "impersonate", "", "authentication.k8s.io", "v1",
                "uids", "", "u1"));
  }
}
