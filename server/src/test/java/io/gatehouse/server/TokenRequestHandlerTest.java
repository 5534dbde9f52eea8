package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.auth.serviceaccount.SigningKey;
import io.gatehouse.auth.serviceaccount.TokenGenerator;
import io.gatehouse.auth.serviceaccount.TokenIssuer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TokenRequestHandlerTest {

  private static final String ISSUER = "https://kubernetes.default.svc.cluster.local";
  private static final String URI = "/api/v1/namespaces/default/serviceaccounts/builder/token";

  private final RestFixture rest = new RestFixture();
  private TokenRequestHandler handler;

  @BeforeEach
  void setUp() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(256);
    TokenIssuer issuer = TokenIssuer.of(TokenGenerator.of(ISSUER,
        SigningKey.of(g.generateKeyPair().getPrivate())), List.of(ISSUER), 7200, true,
        new FakeClock(Instant.parse("2025-06-01T12:00:00Z")));
    handler = new TokenRequestHandler(rest.table, rest.registry, issuer);
    create("/api/v1/namespaces/default/serviceaccounts", "{\"metadata\":{\"name\":\"builder\"}}");
    create("/api/v1/namespaces/default/pods", "{\"metadata\":{\"name\":\"p1\"},\"spec\":"
        + "{\"serviceAccountName\":\"builder\",\"nodeName\":\"gone\",\"containers\":[{\"name\":"
        + "\"c\",\"image\":\"i\"}]}}");
    create("/api/v1/namespaces/default/pods", "{\"metadata\":{\"name\":\"other\"},\"spec\":"
        + "{\"containers\":[{\"name\":\"c\",\"image\":\"i\"}]}}");
  }

  private void create(String uri, String body) {
    ApiResponse r = rest.json("POST", uri, body);
    assertThat(r.status()).as(r.bodyText()).isEqualTo(201);
  }

  private ApiResponse post(String uri, String body) {
    ApiRequest base = ApiRequest.of("POST", uri, Headers.of("Content-Type", "application/json"));
    ApiRequest request = new ApiRequest("POST", base.path(), uri, base.query(), base.headers(),
        body.getBytes(StandardCharsets.UTF_8), List.of(), null, RestFixture.ADMIN);
    ApiRequest withInfo = request.withRequestInfo(new RequestInfoResolver().resolve("POST",
        request.path(), uri, request.query()));
    return new RecoveryFilter(r -> handler.handle(r).orElseThrow()).handle(withInfo);
  }

  private record Case(String name, String uri, String body, int code, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> failures() {
    String tr = "{\"apiVersion\":\"authentication.k8s.io/v1\",\"kind\":\"TokenRequest\",";
    return Stream.of(
        new Case("name differs from the URL", URI, tr + "\"metadata\":{\"name\":\"x\"}}", 422,
            "TokenRequest.authentication.k8s.io \\\"builder\\\" is invalid: metadata.name: "
                + "Invalid value: \\\"x\\\": must match the service account name if specified"),
        new Case("namespace differs from the URL", URI, tr + "\"metadata\":{\"namespace\":\"x\"}}",
            422, "TokenRequest.authentication.k8s.io \\\"builder\\\" is invalid: "
                + "metadata.namespace: Invalid value: \\\"x\\\": must match the service account "
                + "namespace if specified"),
        new Case("missing service account",
            "/api/v1/namespaces/default/serviceaccounts/nobody/token", tr + "\"spec\":{}}", 404,
            "serviceaccounts \\\"nobody\\\" not found"),
        new Case("too short", URI, tr + "\"spec\":{\"expirationSeconds\":599}}", 422,
            "TokenRequest.authentication.k8s.io \\\"\\\" is invalid: spec.expirationSeconds: "
                + "Invalid value: 599: may not specify a duration less than 10 minutes"),
        new Case("too long", URI, tr + "\"spec\":{\"expirationSeconds\":4294967297}}", 422,
            "TokenRequest.authentication.k8s.io \\\"\\\" is invalid: spec.expirationSeconds: "
                + "Invalid value: 4294967297: may not specify a duration larger than 2^32 seconds"),
        new Case("missing pod", URI, tr + "\"spec\":{\"boundObjectRef\":{\"kind\":\"Pod\","
            + "\"apiVersion\":\"v1\",\"name\":\"nope\"}}}", 404, "pods \\\"nope\\\" not found"),
        new Case("pod of another service account", URI, tr + "\"spec\":{\"boundObjectRef\":"
            + "{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"name\":\"other\"}}}", 400,
            "cannot bind token for serviceaccount \\\"builder\\\" to pod running with different "
                + "serviceaccount name."),
        new Case("pod uid differs", URI, tr + "\"spec\":{\"boundObjectRef\":{\"kind\":\"Pod\","
            + "\"apiVersion\":\"v1\",\"name\":\"p1\",\"uid\":\"stale\"}}}", 409,
            "Operation cannot be fulfilled on Pod \\\"p1\\\": the UID in the bound object "
                + "reference (stale) does not match the UID in record. The object might have been "
                + "deleted and then recreated"),
        new Case("missing node", URI, tr + "\"spec\":{\"boundObjectRef\":{\"kind\":\"Node\","
            + "\"apiVersion\":\"v1\",\"name\":\"n9\"}}}", 404, "nodes \\\"n9\\\" not found"),
        new Case("unsupported kind", URI, tr + "\"spec\":{\"boundObjectRef\":{\"kind\":"
            + "\"ConfigMap\",\"apiVersion\":\"v1\",\"name\":\"c\"}}}", 400,
            "cannot bind token to object of type /v1, Kind=ConfigMap"),
        new Case("another kind in the body", URI, "{\"apiVersion\":\"authentication.k8s.io/v1\","
            + "\"kind\":\"TokenReview\"}", 400, "TokenReview in version \\\"v1\\\" cannot be "
                + "handled as a TokenRequest"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void handle_badRequest_upstreamStatus(Case c) {
    ApiResponse r = post(c.uri(), c.body());

    assertThat(r.status()).isEqualTo(c.code());
    assertThat(r.bodyText()).contains("\"message\":\"" + c.message());
  }

  @Test
  void handle_podBound_201WithClaimsAndPodNode() {
    ApiResponse r = post(URI, "{\"apiVersion\":\"authentication.k8s.io/v1\",\"kind\":"
        + "\"TokenRequest\",\"spec\":{\"audiences\":[\"vault\"],\"expirationSeconds\":86400,"
        + "\"boundObjectRef\":{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"name\":\"p1\"}}}");

    assertThat(r.status()).isEqualTo(201);
    assertThat(r.headers().get("Warning"))
        .isEqualTo("299 - \"requested expiration of 86400 seconds shortened to 7200 seconds\"");
    String body = r.bodyText();
    assertThat(body).startsWith("{\"kind\":\"TokenRequest\",\"apiVersion\":"
        + "\"authentication.k8s.io/v1\",\"metadata\":{\"name\":\"builder\",\"namespace\":"
        + "\"default\",\"creationTimestamp\":\"2025-06-01T12:00:00Z\"},\"spec\":{\"audiences\":"
        + "[\"vault\"],\"expirationSeconds\":7200,\"boundObjectRef\":{\"kind\":\"Pod\","
        + "\"apiVersion\":\"v1\",\"name\":\"p1\"}},\"status\":{");
    assertThat(body).contains("\"expirationTimestamp\":\"2025-06-01T14:00:00Z\"");
    String token = body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1").strip();
    String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
        StandardCharsets.UTF_8);
    assertThat(payload).contains("\"node\":{\"name\":\"gone\"},\"pod\":{\"name\":\"p1\"");
  }

  @Test
  void handle_otherVerb_405() {
    ApiRequest base = ApiRequest.of("GET", URI, Headers.of());
    ApiRequest withInfo = base.withRequestInfo(new RequestInfoResolver().resolve("GET",
        base.path(), URI, base.query()));

    assertThat(handler.handle(withInfo).orElseThrow().status()).isEqualTo(405);
  }
}
