package io.gatehouse.auth.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.api.authz.AuthorizationResult;
import io.gatehouse.api.authz.Decision;
import io.gatehouse.api.authz.RequestAttributes;
import io.gatehouse.api.authz.UserInfo;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SubjectAccessReviewsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private record Case(String name, String body, SubjectAccessReviews.Decoded expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    UserInfo alice = new UserInfo("alice", "u1", List.of("dev"), Map.of("k", List.of("v")));
    return Stream.of(
        new Case("v1 resource", """
            {"apiVersion":"authorization.k8s.io/v1","kind":"SubjectAccessReview","spec":{
             "resourceAttributes":{"namespace":"ns","verb":"get","group":"apps","version":"v1",
             "resource":"deployments","subresource":"scale","name":"web"},
             "user":"alice","uid":"u1","groups":["dev"],"extra":{"k":["v"]}}}""",
            new SubjectAccessReviews.Review("authorization.k8s.io/v1", RequestAttributes.resource(
                alice, "get", "ns", "apps", "v1", "deployments", "scale", "web"))),
        new Case("v1beta1 groups are 'group'", """
            {"apiVersion":"authorization.k8s.io/v1beta1","kind":"SubjectAccessReview","spec":{
             "nonResourceAttributes":{"path":"/healthz","verb":"get"},"group":["system:nodes"]}}""",
            new SubjectAccessReviews.Review("authorization.k8s.io/v1beta1", RequestAttributes.nonResource(
                new UserInfo("", "", List.of("system:nodes"), Map.of()), "get", "/healthz"))),
        new Case("neither attributes nor user", """
            {"apiVersion":"authorization.k8s.io/v1","kind":"SubjectAccessReview","spec":{}}""",
            new SubjectAccessReviews.Malformed("SubjectAccessReview.authorization.k8s.io \"\" is"
                + " invalid: spec.resourceAttributes: Invalid value: \"null\": exactly one of"
                + " nonResourceAttributes or resourceAttributes must be specified, spec.user: Invalid"
                + " value: \"\": at least one of user or group must be specified")),
        new Case("both attributes", """
            {"apiVersion":"authorization.k8s.io/v1","kind":"SubjectAccessReview","spec":{"user":"a",
             "resourceAttributes":{},"nonResourceAttributes":{}}}""",
            new SubjectAccessReviews.Malformed("SubjectAccessReview.authorization.k8s.io \"\" is"
                + " invalid: spec.nonResourceAttributes: Invalid value: \"object\": cannot be"
                + " specified in combination with resourceAttributes")),
        new Case("another kind", """
            {"apiVersion":"v1","kind":"Pod"}""",
            new SubjectAccessReviews.Malformed("expected a SubjectAccessReview of"
                + " authorization.k8s.io/v1 or v1beta1, got \"Pod\" of \"v1\"")),
        new Case("not an object", "[1]",
            new SubjectAccessReviews.Malformed("the request body is not a JSON object")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decode_reviews_asTheReviewApiReadsThem(Case c) throws Exception {
    assertThat(SubjectAccessReviews.decode(JSON.readValue(c.body(), Object.class))).isEqualTo(c.expected());
  }

  @Test
  void answer_deny_setsDeniedReasonAndError() {
    assertThat(SubjectAccessReviews.answer("authorization.k8s.io/v1beta1",
        new AuthorizationResult(Decision.DENY, "no", "boom"))).isEqualTo(Map.of(
            "apiVersion", "authorization.k8s.io/v1beta1", "kind", "SubjectAccessReview",
            "status", Map.of("allowed", false, "denied", true, "reason", "no", "evaluationError", "boom")));
    assertThat(SubjectAccessReviews.answer("authorization.k8s.io/v1",
        AuthorizationResult.of(Decision.NO_OPINION, ""))).isEqualTo(Map.of(
            "apiVersion", "authorization.k8s.io/v1", "kind", "SubjectAccessReview",
            "status", Map.of("allowed", false)));
  }
}
