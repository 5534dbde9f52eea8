package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.authz.AuthorizationResult;
import io.gatehouse.api.authz.Authorizer;
import io.gatehouse.api.authz.Decision;
import io.gatehouse.api.authz.RequestAttributes;
import io.gatehouse.api.authz.UserInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The impersonation filter with the permissions of upstream's filter test. */
class ImpersonationFilterTest {

  /** Grants by the requestor's groups, as the upstream test's authorizer. */
  private static final Authorizer AUTHORIZER = a -> {
    UserInfo u = a.user();
    if (u.name().equals("system:admin")) {
      return AuthorizationResult.of(Decision.ALLOW, "");
    }
    if (u.name().equals("tester")) {
      return new AuthorizationResult(Decision.NO_OPINION, "", "works on my machine");
    }
    List<String> g = u.groups();
    boolean impersonate = a.verb().equals("impersonate");
    boolean allowed = impersonate && (
        g.contains("wheel") && a.resource().equals("users")
        || g.contains("sa-impersonater") && a.resource().equals("serviceaccounts")
        || g.contains("group-impersonater") && a.resource().equals("groups")
        || g.contains("extra-setter-scopes") && a.resource().equals("userextras")
            && a.subresource().equals("scopes")
        || g.contains("everything-impersonater") && (a.resource().equals("users")
            || a.resource().equals("groups")
            || a.resource().equals("uids") && a.name().equals("some-uid")
                && a.apiGroup().equals("authentication.k8s.io")
            || a.resource().equals("userextras") && a.subresource().equals("scopes")));
    return AuthorizationResult.of(allowed ? Decision.ALLOW : Decision.NO_OPINION,
        allowed ? "" : "deny by default");
  };

  private final List<ApiRequest> seen = new ArrayList<>();

  private ApiResponse call(UserInfo user, String... headers) {
    ApiHandler filter = new ImpersonationFilter(r -> {
      seen.add(r);
      return ApiResponse.text(200, "ok");
    }, AUTHORIZER);
    return filter.handle(ApiRequest.of("GET", "/api/v1/namespaces/default/pods", Headers.of(headers))
        .withUser(user));
  }

  private record Case(String name, UserInfo requestor, String[] headers, int code,
      UserInfo expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static String[] h(String... nameValues) {
    return nameValues;
  }

  static Stream<Case> cases() {
    UserInfo dev = UserInfo.of("dev", "wheel");
    return Stream.of(
        new Case("not impersonating", UserInfo.of("tester"), h(), 200, UserInfo.of("tester")),
        new Case("authorizer error is forbidden", UserInfo.of("tester"), h("Impersonate-User", "anyone"),
            403, null),
        new Case("group without user", UserInfo.of("tester"), h("Impersonate-Group", "some-group"),
            500, null),
        new Case("extra without user", UserInfo.of("tester"), h("Impersonate-Extra-Scopes", "scope-a"),
            500, null),
        new Case("uid without user", UserInfo.of("tester"), h("Impersonate-Uid", "some-uid"), 500, null),
        new Case("disallowed group", dev, h("Impersonate-User", "system:admin",
            "Impersonate-Group", "some-group"), 403, null),
        new Case("allowed group", UserInfo.of("dev", "wheel", "group-impersonater"),
            h("Impersonate-User", "system:admin", "Impersonate-Group", "some-group"), 200,
            new UserInfo("system:admin", "", List.of("some-group", "system:authenticated"), Map.of())),
        new Case("disallowed extra", UserInfo.of("dev", "wheel", "extra-setter-project"),
            h("Impersonate-User", "system:admin", "Impersonate-Extra-Scopes", "scope-a"), 403, null),
        new Case("allowed extras", UserInfo.of("dev", "wheel", "extra-setter-scopes"),
            h("Impersonate-User", "system:admin", "Impersonate-Extra-scopes", "scope-a"), 200,
            new UserInfo("system:admin", "", List.of("system:authenticated"),
                Map.of("scopes", List.of("scope-a")))),
        new Case("disallowed service account", UserInfo.of("dev", "regular"),
            h("Impersonate-User", "system:serviceaccount:foo:default"), 403, null),
        new Case("allowed service account", UserInfo.of("dev", "sa-impersonater"),
            h("Impersonate-User", "system:serviceaccount:foo:default"), 200,
            new UserInfo("system:serviceaccount:foo:default", "", List.of("system:serviceaccounts",
                "system:serviceaccounts:foo", "system:authenticated"), Map.of())),
        new Case("allowed uid", UserInfo.of("dev", "everything-impersonater"),
            h("Impersonate-User", "tester", "Impersonate-Uid", "some-uid"), 200,
            new UserInfo("tester", "some-uid", List.of("system:authenticated"), Map.of())),
        new Case("disallowed uid", UserInfo.of("dev", "everything-impersonater"),
            h("Impersonate-User", "tester", "Impersonate-Uid", "disallowed-uid"), 403, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void handle_table_upstreamCodesAndIdentity(Case c) {
    ApiResponse r = call(c.requestor(), c.headers());
    assertThat(r.status()).isEqualTo(c.code());
    if (c.code() == 200) {
      assertThat(seen).singleElement().satisfies(req -> {
        assertThat(req.user()).isEqualTo(c.expected());
        assertThat(req.headers().names()).noneMatch(n -> n.toLowerCase().startsWith("impersonate-"));
      });
    } else {
      assertThat(seen).isEmpty();
    }
  }

  @Test
  void handle_userNotAllowed_upstreamForbiddenText() {
    ApiResponse r = call(UserInfo.of("alice", "system:authenticated"), "Impersonate-User", "jane");
    assertThat(r.bodyText()).isEqualTo("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},"
        + "\"status\":\"Failure\",\"message\":\"users \\\"jane\\\" is forbidden: User \\\"alice\\\" "
        + "cannot impersonate resource \\\"users\\\" in API group \\\"\\\" at the cluster scope: deny by "
        + "default\",\"reason\":\"Forbidden\",\"details\":{\"name\":\"jane\",\"kind\":\"users\"},"
        + "\"code\":403}\n");
  }

  @Test
  void handle_extraNotAllowed_forbiddenNamesTheSubresourceAndGroup() {
    ApiResponse r = call(UserInfo.of("dev", "wheel"), "Impersonate-User", "x",
        "Impersonate-Extra-Scopes", "scope-a");
    assertThat(r.bodyText()).contains("\"message\":\"userextras.authentication.k8s.io \\\"scope-a\\\" "
        + "is forbidden: User \\\"dev\\\" cannot impersonate resource \\\"userextras/scopes\\\" in API "
        + "group \\\"authentication.k8s.io\\\" at the cluster scope: deny by default\"");
  }

  @Test
  void handle_groupWithoutUser_upstreamInternalErrorText() {
    ApiResponse r = call(UserInfo.of("tester"), "Impersonate-Group", "some-group");
    assertThat(r.bodyText()).isEqualTo("Internal Server Error: \"/api/v1/namespaces/default/pods\": "
        + "requested [{Group  some-group    }] without impersonating a user\n");
  }
}
