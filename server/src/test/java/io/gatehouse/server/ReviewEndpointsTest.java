package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.authz.UserInfo;
import io.gatehouse.api.codec.ManifestDecoder;
import io.gatehouse.auth.AuthorizerChain;
import io.gatehouse.auth.authentication.AudienceAgnosticTokenAuthenticator;
import io.gatehouse.auth.authentication.AuthenticationConfig;
import io.gatehouse.auth.authentication.AuthenticationResult;
import io.gatehouse.auth.authentication.Authenticator;
import io.gatehouse.auth.authentication.TokenAuthenticator;
import io.gatehouse.auth.rbac.BootstrapPolicy;
import io.gatehouse.auth.rbac.RbacAuthorizer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The review endpoints behind the real filter chain (token authentication, impersonation, the
 * bootstrap RBAC policy plus one RoleBinding), with JSON bodies: status codes, bodies and Status
 * texts as kube-apiserver answers.
 */
class ReviewEndpointsTest {

  private static final TokenAuthenticator TOKENS = t -> switch (t) {
    case "admin" -> new AuthenticationResult.Authenticated(
        new UserInfo("admin", "", List.of("system:masters"), Map.of()));
    case "jane" -> new AuthenticationResult.Authenticated(
        new UserInfo("jane", "7", List.of("devs"), Map.of()));
    default -> new AuthenticationResult.NotApplicable();
  };
  private static final Authenticator AUTHN = new AuthenticationConfig(List.of(), Optional.of(
      AudienceAgnosticTokenAuthenticator.of(List.of("api"), TOKENS)), false, Clock.systemUTC())
      .build().orElseThrow();
  private static final AuthorizerChain AUTHZ = AuthorizerChain.of(List.of(new AuthorizerChain.Entry(
      "RBAC", "rbac", RbacAuthorizer.fromObjects(objects()))));
  private static final ApiHandler CHAIN = HandlerChain.build(new ReviewEndpoints(AUTHZ, AUTHZ,
      AUTHN, List.of("api"), Clock.fixed(Instant.parse("2025-05-01T10:00:00.123Z"),
      ZoneOffset.UTC)).in(request -> ApiResponse.text(299, "next")), AUTHN, AUTHZ);

  private static List<io.gatehouse.api.Unstructured> objects() {
    List<io.gatehouse.api.Unstructured> all = new ArrayList<>(BootstrapPolicy.objects());
    ManifestDecoder.decode("rb.yaml", """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: jane-view, namespace: dev}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
        subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: jane}]
        """.getBytes(StandardCharsets.UTF_8)).manifests().forEach(m -> all.add(m.object()));
    return all;
  }

  private record Case(String name, String method, String uri, String token, String contentType,
      String body, List<String> extraHeaders, int status, String response) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case post(String name, String uri, String token, String body, int status,
      String response) {
    return new Case(name, "POST", uri, token, "application/json", body, List.of(), status,
        response);
  }

  static Stream<Case> cases() {
    String authz = "/apis/authorization.k8s.io/v1/";
    String ssar = authz + "selfsubjectaccessreviews";
    String getPods = "{\"kind\":\"SelfSubjectAccessReview\",\"apiVersion\":"
        + "\"authorization.k8s.io/v1\",\"spec\":{\"resourceAttributes\":{\"namespace\":\"dev\","
        + "\"verb\":\"list\",\"resource\":\"pods\"}}}";
    return Stream.of(
        post("self access review: allowed by the RoleBinding", ssar, "jane", getPods, 201,
            "{\"kind\":\"SelfSubjectAccessReview\",\"apiVersion\":\"authorization.k8s.io/v1\","
                + "\"metadata\":{\"creationTimestamp\":null},\"spec\":{\"resourceAttributes\":{"
                + "\"namespace\":\"dev\",\"verb\":\"list\",\"resource\":\"pods\"}},\"status\":{"
                + "\"allowed\":true,\"reason\":\"RBAC: allowed by RoleBinding \\\"jane-view/dev\\\" "
                + "of ClusterRole \\\"view\\\" to User \\\"jane\\\"\"}}\n"),
        new Case("self access review as an impersonated user", "POST", ssar, "admin",
            "application/json", getPods, List.of("Impersonate-User", "bob"), 201,
            "{\"kind\":\"SelfSubjectAccessReview\",\"apiVersion\":\"authorization.k8s.io/v1\","
                + "\"metadata\":{\"creationTimestamp\":null},\"spec\":{\"resourceAttributes\":{"
                + "\"namespace\":\"dev\",\"verb\":\"list\",\"resource\":\"pods\"}},\"status\":{"
                + "\"allowed\":false}}\n"),
        post("subject access review needs create on subjectaccessreviews",
            authz + "subjectaccessreviews", "jane", "{\"spec\":{\"user\":\"x\","
                + "\"nonResourceAttributes\":{\"path\":\"/healthz\",\"verb\":\"get\"}}}", 403,
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":\"subjectaccessreviews.authorization.k8s.io is forbidden: User "
                + "\\\"jane\\\" cannot create resource \\\"subjectaccessreviews\\\" in API group "
                + "\\\"authorization.k8s.io\\\" at the cluster scope\",\"reason\":\"Forbidden\","
                + "\"details\":{\"group\":\"authorization.k8s.io\",\"kind\":"
                + "\"subjectaccessreviews\"},\"code\":403}\n"),
        post("invalid subject access review: 422 without a kind", authz + "subjectaccessreviews",
            "admin", "{\"spec\":{}}", 422,
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":\".authorization.k8s.io \\\"\\\" is invalid: [spec.resourceAttributes: "
                + "Invalid value: \\\"null\\\": exactly one of nonResourceAttributes or "
                + "resourceAttributes must be specified, spec.user: Invalid value: \\\"\\\": at "
                + "least one of user or group must be specified]\",\"reason\":\"Invalid\","
                + "\"details\":{\"group\":\"authorization.k8s.io\",\"causes\":[{\"reason\":\"FieldValueInvalid\","
                + "\"message\":\"Invalid value: \\\"null\\\": exactly one of nonResourceAttributes or "
                + "resourceAttributes must be specified\",\"field\":\"spec.resourceAttributes\"},"
                + "{\"reason\":\"FieldValueInvalid\",\"message\":\"Invalid value: \\\"\\\": at least "
                + "one of user or group must be specified\",\"field\":\"spec.user\"}]},"
                + "\"code\":422}\n"),
        post("review with an unsupported dryRun: CreateOptions are validated",
            authz + "selfsubjectaccessreviews?dryRun=Bogus", "admin",
            "{\"spec\":{\"nonResourceAttributes\":{\"path\":\"/x\",\"verb\":\"get\"}}}", 422,
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":\"CreateOptions.meta.k8s.io \\\"\\\" is invalid: dryRun: "
                + "Unsupported value: []string{\\\"Bogus\\\"}: supported values: \\\"All\\\"\","
                + "\"reason\":\"Invalid\",\"details\":{\"group\":\"meta.k8s.io\",\"kind\":"
                + "\"CreateOptions\",\"causes\":[{\"reason\":\"FieldValueNotSupported\","
                + "\"message\":\"Unsupported value: []string{\\\"Bogus\\\"}: supported values: "
                + "\\\"All\\\"\",\"field\":\"dryRun\"}]},\"code\":422}\n"),
        post("local review: object namespace must match the URL",
            authz + "namespaces/dev/localsubjectaccessreviews", "admin",
            "{\"metadata\":{\"namespace\":\"prod\"},\"spec\":{\"user\":\"jane\"}}", 400,
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":\"the namespace of the provided object does not match the namespace "
                + "sent on the request\",\"reason\":\"BadRequest\",\"code\":400}\n"),
        post("strict field validation: unknown fields", ssar + "?fieldValidation=Strict", "jane",
            "{\"spec\":{\"resourceAttributes\":{\"verb\":\"get\",\"kind\":\"Pod\"}}}", 400,
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":\"SelfSubjectAccessReview in version \\\"v1\\\" cannot be handled as "
                + "a SelfSubjectAccessReview: strict decoding error: unknown field "
                + "\\\"spec.resourceAttributes.kind\\\"\",\"reason\":\"BadRequest\",\"code\":400}\n"),
        new Case("only POST", "GET", ssar, "admin", "", "", List.of(), 405,
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":\"the server does not allow this method on the requested resource\","
                + "\"reason\":\"MethodNotAllowed\",\"details\":{},\"code\":405}\n"),
        post("no names", ssar + "/x", "jane", getPods, 404,
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":\"the server could not find the requested resource\",\"reason\":"
                + "\"NotFound\",\"details\":{},\"code\":404}\n"),
        new Case("a media type reviews do not take", "POST", ssar, "jane", "text/plain", "x",
            List.of(), 415,
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":\"the body of the request was in an unknown format - accepted media "
                + "types include: application/json, application/yaml, "
                + "application/vnd.kubernetes.protobuf\",\"reason\":\"UnsupportedMediaType\","
                + "\"code\":415}\n"),
        post("rules review", authz + "selfsubjectrulesreviews", "jane",
            "{\"spec\":{\"namespace\":\"nowhere\"}}", 201, null),
        post("self subject review at v1beta1", "/apis/authentication.k8s.io/v1beta1/"
                + "selfsubjectreviews", "jane", "{\"apiVersion\":\"authentication.k8s.io/v1beta1\","
                + "\"kind\":\"SelfSubjectReview\"}", 201,
            "{\"kind\":\"SelfSubjectReview\",\"apiVersion\":\"authentication.k8s.io/v1beta1\","
                + "\"metadata\":{\"creationTimestamp\":\"2025-05-01T10:00:00Z\"},\"status\":{"
                + "\"userInfo\":{\"username\":\"jane\",\"uid\":\"7\",\"groups\":[\"devs\","
                + "\"system:authenticated\"]}}}\n"),
        post("token review by the admin", "/apis/authentication.k8s.io/v1/tokenreviews", "admin",
            "{\"spec\":{\"token\":\"jane\"}}", 201,
            "{\"kind\":\"TokenReview\",\"apiVersion\":\"authentication.k8s.io/v1\",\"metadata\":"
                + "{\"creationTimestamp\":null},\"spec\":{\"token\":\"jane\"},\"status\":{"
                + "\"authenticated\":true,\"user\":{\"username\":\"jane\",\"uid\":\"7\",\"groups\":"
                + "[\"devs\",\"system:authenticated\"]},\"audiences\":[\"api\"]}}\n"),
        post("a cluster-scoped review in a namespace is not a route here",
            authz + "namespaces/dev/selfsubjectaccessreviews", "admin", getPods, 299, "next"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void handle_review_upstreamStatusAndBody(Case c) {
    List<String> headers = new ArrayList<>(List.of("Authorization", "Bearer " + c.token()));
    if (!c.contentType().isEmpty()) {
      headers.addAll(List.of("Content-Type", c.contentType()));
    }
    headers.addAll(c.extraHeaders());
    ApiRequest template = ApiRequest.of(c.method(), c.uri(), Headers.of(headers.toArray(String[]::new)));
    ApiRequest request = new ApiRequest(template.method(), template.path(), template.requestUri(),
        template.query(), template.headers(), c.body().getBytes(StandardCharsets.UTF_8), List.of(),
        null, null);
    ApiResponse r = CHAIN.handle(request);
    assertThat(r.status()).as(r.bodyText()).isEqualTo(c.status());
    if (c.response() != null) {
      assertThat(r.bodyText()).isEqualTo(c.response());
    } else {
      assertThat(r.bodyText()).startsWith("{\"kind\":\"SelfSubjectRulesReview\",\"apiVersion\":"
          + "\"authorization.k8s.io/v1\",\"metadata\":{\"creationTimestamp\":null},\"spec\":{},"
          + "\"status\":{\"resourceRules\":[{\"verbs\":[\"create\"],\"apiGroups\":["
          + "\"authorization.k8s.io\"],\"resources\":[\"selfsubjectaccessreviews\","
          + "\"selfsubjectrulesreviews\"]}").endsWith("\"incomplete\":false}}\n");
    }
  }
}
