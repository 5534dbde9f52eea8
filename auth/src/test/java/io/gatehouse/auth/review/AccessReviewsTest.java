package io.gatehouse.auth.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.authz.AuthorizationResult;
import io.gatehouse.api.authz.Authorizer;
import io.gatehouse.api.authz.Decision;
import io.gatehouse.api.authz.RequestAttributes;
import io.gatehouse.api.authz.UserInfo;
import io.gatehouse.api.codec.ManifestDecoder;
import io.gatehouse.api.codec.ValueDecoder;
import io.gatehouse.auth.AuthorizerChain;
import io.gatehouse.auth.config.FieldError;
import io.gatehouse.auth.rbac.RbacAuthorizer;
import io.gatehouse.auth.review.AccessReviews.Kind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AccessReviewsTest {

  private static final RbacAuthorizer RBAC = RbacAuthorizer.fromObjects(ManifestDecoder.decode(
      "rbac.yaml", """
          apiVersion: rbac.authorization.k8s.io/v1
          kind: Role
          metadata: {name: pod-reader, namespace: dev}
          rules: [{apiGroups: [""], resources: [pods], verbs: [get, list]}]
          ---
          apiVersion: rbac.authorization.k8s.io/v1
          kind: RoleBinding
          metadata: {name: jane-reads, namespace: dev}
          roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: pod-reader}
          subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: jane}]
          """.getBytes(StandardCharsets.UTF_8)).manifests().stream().map(m -> m.object()).toList());
  private static final AuthorizerChain CHAIN = AuthorizerChain.of(List.of(
      new AuthorizerChain.Entry("RBAC", "rbac", RBAC)));
  private static final UserInfo JANE = UserInfo.of("jane", "system:authenticated");

  private static Map<?, ?> body(String json) {
    return (Map<?, ?>) ValueDecoder.decode("body", json).value();
  }

  private static AccessReviews.Outcome review(Kind kind, String json, String namespace,
      @Nullable UserInfo requester, Authorizer authorizer) {
    AccessReviews.Read read = AccessReviews.decode(kind, "v1", body(json));
    if (read instanceof AccessReviews.Decoded d) {
      read = d.inNamespace(namespace);
    }
    return switch (read) {
      case AccessReviews.BadRequest b -> b;
      case AccessReviews.Decoded d -> AccessReviews.answer(kind, "authorization.k8s.io/v1", d,
          requester, namespace, authorizer);
    };
  }

  private record InvalidCase(String name, Kind kind, String body, String namespace,
      List<String> errors) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<InvalidCase> invalid() {
    return Stream.of(
        new InvalidCase("neither attribute block, no subject", Kind.SUBJECT, "{\"spec\":{}}", "",
            List.of("spec.resourceAttributes: Invalid value: \"null\": exactly one of "
                + "nonResourceAttributes or resourceAttributes must be specified",
                "spec.user: Invalid value: \"\": at least one of user or group must be "
                    + "specified")),
        new InvalidCase("both attribute blocks", Kind.SELF, """
            {"spec":{"resourceAttributes":{"verb":"get"},
             "nonResourceAttributes":{"path":"/healthz","verb":"get"}}}""", "",
            List.of("spec.nonResourceAttributes: Invalid value: "
                + "authorization.NonResourceAttributes{Path:\"/healthz\", Verb:\"get\"}: "
                + "cannot be specified in combination with resourceAttributes")),
        new InvalidCase("metadata must be empty", Kind.SUBJECT, """
            {"metadata":{"name":"x","labels":{"a":"b"}},"spec":{"user":"u",
             "nonResourceAttributes":{"path":"/","verb":"get"}}}""", "",
            List.of("metadata: Invalid value: v1.ObjectMeta{Name:\"x\", GenerateName:\"\", "
                + "Namespace:\"\", SelfLink:\"\", UID:\"\", ResourceVersion:\"\", Generation:0, "
                + "CreationTimestamp:time.Date(1, time.January, 1, 0, 0, 0, 0, time.UTC), "
                + "DeletionTimestamp:<nil>, DeletionGracePeriodSeconds:(*int64)(nil), "
                + "Labels:map[string]string{\"a\":\"b\"}, Annotations:map[string]string(nil), "
                + "OwnerReferences:[]v1.OwnerReference(nil), Finalizers:[]string(nil), "
                + "ManagedFields:[]v1.ManagedFieldsEntry(nil)}: must be empty")),
        new InvalidCase("local: only the namespace in metadata, and it must match", Kind.LOCAL, """
            {"metadata":{"generateName":"g-"},"spec":{"user":"u",
             "resourceAttributes":{"namespace":"other","verb":"get","resource":"pods"}}}""",
            "dev",
            List.of("metadata: Invalid value: v1.ObjectMeta{Name:\"\", GenerateName:\"g-\", "
                + "Namespace:\"dev\", SelfLink:\"\", UID:\"\", ResourceVersion:\"\", "
                + "Generation:0, CreationTimestamp:time.Date(1, time.January, 1, 0, 0, 0, 0, "
                + "time.UTC), DeletionTimestamp:<nil>, DeletionGracePeriodSeconds:(*int64)(nil), "
                + "Labels:map[string]string(nil), Annotations:map[string]string(nil), "
                + "OwnerReferences:[]v1.OwnerReference(nil), Finalizers:[]string(nil), "
                + "ManagedFields:[]v1.ManagedFieldsEntry(nil)}: must be empty except for "
                + "namespace",
                "spec.resourceAttributes.namespace: Invalid value: \"other\": must match "
                    + "metadata.namespace")),
        new InvalidCase("local: no non-resource attributes", Kind.LOCAL, """
            {"spec":{"groups":["g"],"nonResourceAttributes":{"path":"/x","verb":"get"}}}""",
            "dev", List.of("spec.nonResourceAttributes: Invalid value: "
                + "authorization.NonResourceAttributes{Path:\"/x\", Verb:\"get\"}: "
                + "disallowed on this kind of request")),
        new InvalidCase("selectors: raw and requirements, or neither", Kind.SELF, """
            {"spec":{"resourceAttributes":{"verb":"list","resource":"pods",
             "fieldSelector":{"rawSelector":"a=b","requirements":[{"key":"a","operator":"In",
             "values":["b"]}]},"labelSelector":{}}}}""", "",
            List.of("spec.resourceAttributes.fieldSelector.rawSelector: Invalid value: \"a=b\": "
                + "may not specified at the same time as requirements",
                "spec.resourceAttributes.labelSelector.requirements: Required value: when "
                    + "spec.resourceAttributes.labelSelector is specified, requirements or "
                    + "rawSelector is required")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void answer_invalidReview_everyErrorWithItsPath(InvalidCase c) {
    AccessReviews.Outcome outcome = review(c.kind(), c.body(), c.namespace(), JANE, CHAIN);
    assertThat(outcome).isInstanceOf(AccessReviews.Invalid.class);
    assertThat(((AccessReviews.Invalid) outcome).errors()).extracting(FieldError::message)
        .containsExactlyElementsOf(c.errors());
  }

  @Test
  void decode_wrongJsonType_goDecoderText() {
    assertThat(AccessReviews.decode(Kind.SUBJECT, "v1", body("{\"spec\":{\"user\":5}}")))
        .isEqualTo(new AccessReviews.BadRequest("SubjectAccessReview in version \"v1\" cannot be "
            + "handled as a SubjectAccessReview: json: cannot unmarshal number into Go struct "
            + "field SubjectAccessReviewSpec.spec.user of type string"));
    assertThat(AccessReviews.decode(Kind.SELF, "v1",
        body("{\"spec\":{\"resourceAttributes\":[]}}")))
        .isEqualTo(new AccessReviews.BadRequest("SelfSubjectAccessReview in version \"v1\" cannot "
            + "be handled as a SelfSubjectAccessReview: json: cannot unmarshal array into Go "
            + "struct field SelfSubjectAccessReviewSpec.spec.resourceAttributes of type "
            + "v1.ResourceAttributes"));
  }

  @Test
  void decode_unknownFields_listedForFieldValidation() {
    AccessReviews.Read read = AccessReviews.decode(Kind.SELF, "v1", body("""
        {"spec":{"user":"x","resourceAttributes":{"verb":"get","bogus":1}},"extra":true}"""));
    assertThat(((AccessReviews.Decoded) read).unknownFields()).containsExactly(
        "unknown field \"extra\"", "unknown field \"spec.user\"",
        "unknown field \"spec.resourceAttributes.bogus\"");
  }

  @Test
  void inNamespace_otherNamespaceInObject_badRequest() {
    AccessReviews.Decoded d = (AccessReviews.Decoded) AccessReviews.decode(Kind.LOCAL, "v1",
        body("{\"metadata\":{\"namespace\":\"a\"},\"spec\":{}}"));
    assertThat(d.inNamespace("b")).isEqualTo(new AccessReviews.BadRequest(
        "the namespace of the provided object does not match the namespace sent on the request"));
    assertThat(d.inNamespace("a")).isSameAs(d);
  }

  @Test
  void answer_subjectAccessReview_rbacAllowsWithReasonAndSpecEchoedNormalized() {
    AccessReviews.Outcome outcome = review(Kind.SUBJECT, """
        {"apiVersion":"authorization.k8s.io/v1","kind":"SubjectAccessReview",
         "metadata":{"creationTimestamp":null},
         "spec":{"user":"jane","groups":[],"extra":{"b":["2"],"a":["1"]},"uid":"",
         "resourceAttributes":{"namespace":"dev","verb":"get","resource":"pods","name":""}}}""",
        "", null, CHAIN);
    assertThat(outcome).isEqualTo(new AccessReviews.Answered(Map.of(
        "kind", "SubjectAccessReview", "apiVersion", "authorization.k8s.io/v1",
        "metadata", nullTimestamp(),
        "spec", Map.of("resourceAttributes", Map.of("namespace", "dev", "verb", "get",
            "resource", "pods"), "user", "jane", "extra", Map.of("a", List.of("1"), "b",
            List.of("2"))),
        "status", Map.of("allowed", true, "reason", "RBAC: allowed by RoleBinding "
            + "\"jane-reads/dev\" of Role \"pod-reader\" to User \"jane\""))));
  }

  @Test
  void answer_selfReview_asksAboutTheRequesterWithVersionDefaultedToAny() {
    List<RequestAttributes> asked = new ArrayList<>();
    Authorizer recording = a -> {
      asked.add(a);
      return new AuthorizationResult(Decision.DENY, "no way", "webhook down");
    };
    AccessReviews.Outcome outcome = review(Kind.SELF, """
        {"spec":{"resourceAttributes":{"verb":"delete","group":"apps","resource":"deployments",
         "namespace":"dev","name":"web"}}}""", "", JANE, recording);
    assertThat(asked).containsExactly(RequestAttributes.resource(JANE, "delete", "dev", "apps",
        "*", "deployments", "", "web"));
    assertThat(((AccessReviews.Answered) outcome).review().get("status")).isEqualTo(Map.of(
        "allowed", false, "denied", true, "reason", "no way", "evaluationError", "webhook down"));
  }

  @Test
  void answer_selfReviewWithoutUser_badRequest() {
    assertThat(review(Kind.SELF, "{\"spec\":{\"nonResourceAttributes\":{\"path\":\"/\"}}}", "",
        null, CHAIN)).isEqualTo(new AccessReviews.BadRequest("no user present on request"));
  }

  @Test
  void answer_localReview_namespaceFromTheUrl() {
    AccessReviews.Outcome outcome = review(Kind.LOCAL, """
        {"spec":{"user":"jane","resourceAttributes":{"namespace":"dev","verb":"list",
         "resource":"pods"}}}""", "dev", null, CHAIN);
    Map<String, Object> review = ((AccessReviews.Answered) outcome).review();
    Map<String, Object> metadata = new java.util.LinkedHashMap<>();
    metadata.put("namespace", "dev");
    metadata.put("creationTimestamp", null);
    assertThat(review.get("metadata")).isEqualTo(metadata);
    assertThat(((Map<?, ?>) review.get("status")).get("allowed")).isEqualTo(true);
  }

  @Test
  void answer_unparsableAndUnconvertibleSelectors_notedInEvaluationError() {
    List<RequestAttributes> asked = new ArrayList<>();
    Authorizer recording = a -> {
      asked.add(a);
      return AuthorizationResult.of(Decision.NO_OPINION, "");
    };
    AccessReviews.Outcome outcome = review(Kind.SELF, """
        {"spec":{"resourceAttributes":{"verb":"list","resource":"pods",
         "fieldSelector":{"requirements":[{"key":"spec.nodeName","operator":"In","values":["n1"]},
                                          {"key":"x","operator":"Exists"}]},
         "labelSelector":{"rawSelector":"a in (b"}}}}""", "", JANE, recording);
    assertThat(((AccessReviews.Answered) outcome).review().get("status")).isEqualTo(Map.of(
        "allowed", false, "evaluationError", "spec.resourceAttributes.fieldSelector partially "
            + "ignored due to parse error; spec.resourceAttributes.labelSelector ignored due to "
            + "parse error"));
    assertThat(asked.get(0).fieldSelector()).containsExactly(
        new io.gatehouse.api.authz.FieldSelectorRequirement("spec.nodeName",
            io.gatehouse.api.authz.SelectorOperator.EQUALS, "n1"));
    assertThat(asked.get(0).labelSelector()).isEmpty();
  }

  private static Map<String, Object> nullTimestamp() {
    Map<String, Object> m = new java.util.HashMap<>();
    m.put("creationTimestamp", null);
    return m;
  }
}
