package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.Status;
import io.gatehouse.api.StatusReason;
import io.gatehouse.api.authz.RequestAttributes;
import io.gatehouse.api.authz.UserInfo;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ForbiddenTest {

  private static final UserInfo JANE = UserInfo.of("jane", "system:authenticated");

  private record Case(String name, RequestAttributes attributes, String reason, Status expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Status forbidden(String message, String name, String group, String kind) {
    return new Status(message, StatusReason.FORBIDDEN, new Status.Details(name, group, kind, List.of()), 403);
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("namespaced list",
            RequestAttributes.resource(JANE, "list", "default", "", "v1", "pods", "", ""), "",
            forbidden("pods is forbidden: User \"jane\" cannot list resource \"pods\" in API group \"\" in the namespace \"default\"", "", "", "pods")),
        new Case("named object in a group",
            RequestAttributes.resource(JANE, "get", "ns", "apps", "v1", "deployments", "", "web"), "",
            forbidden("deployments.apps \"web\" is forbidden: User \"jane\" cannot get resource \"deployments\" in API group \"apps\" in the namespace \"ns\"", "web", "apps", "deployments")),
        new Case("cluster scope with subresource",
            RequestAttributes.resource(JANE, "update", "", "", "v1", "nodes", "status", "n1"), "",
            forbidden("nodes \"n1\" is forbidden: User \"jane\" cannot update resource \"nodes/status\" in API group \"\" at the cluster scope", "n1", "", "nodes")),
        new Case("non-resource path",
            RequestAttributes.nonResource(JANE, "get", "/api"), "",
            forbidden("forbidden: User \"jane\" cannot get path \"/api\"", "", "", "")),
        new Case("reason appended",
            RequestAttributes.nonResource(JANE, "get", "/metrics"), "RBAC: clusterrole.rbac.authorization.k8s.io \"x\" not found",
            forbidden("forbidden: User \"jane\" cannot get path \"/metrics\": RBAC: clusterrole.rbac.authorization.k8s.io \"x\" not found", "", "", "")),
        new Case("generated part HTML-escaped, reason not",
            RequestAttributes.nonResource(UserInfo.of("<b>&"), "get", "/x<y>"), "a<b",
            forbidden("forbidden: User \"&lt;b&gt;&amp;\" cannot get path \"/x&lt;y&gt;\": a<b", "", "", "")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void status_attributes_upstreamMessage(Case c) {
    assertThat(Forbidden.status(c.attributes(), c.reason())).isEqualTo(c.expected());
  }
}
