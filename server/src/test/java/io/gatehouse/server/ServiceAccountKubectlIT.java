package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Service accounts and tokens end to end with the real kubectl: 1.30 (which sends {@code create
 * token} as JSON), 1.31 for {@code --bound-object-kind Node} with JSON (1.30 lacks the kind) and
 * 1.33 (which sends {@code create token} as protobuf). Checks upstream's claims, that a token works with RBAC, that deleting the bound pod
 * revokes it (after the 10 s success cache), the manual token Secret life cycle with last-used and
 * invalid-since labels, bad tokens answered 401 {@code Unauthorized}, and that a standard JWT
 * library verifies a token against the served JWKS.
 */
class ServiceAccountKubectlIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ISSUER = ServiceAccountOptions.DEFAULT_ISSUER;
  /** kubectl's text for a 401 when discovery (fresh cache) is the first request. */
  private static final String UNAUTHORIZED = "error: You must be logged in to the server (the "
      + "server has asked for the client to provide credentials)";

  @RegisterExtension
  static final KubectlServer server = KubectlServer.builder().build();

  private static Kubectl k130;

  @BeforeAll
  static void builderAndItsObjects() {
    k130 = Kubectl.version("1.30").orElseThrow();
    ok(server.admin(k130, "create", "namespace", "sa"));
    ok(server.admin(k130, "-n", "sa", "create", "serviceaccount", "builder"));
    ok(server.admin(k130, "-n", "sa", "create", "role", "pod-reader", "--verb=get,list",
        "--resource=pods"));
    ok(server.admin(k130, "-n", "sa", "create", "rolebinding", "builder-reads",
        "--role=pod-reader", "--serviceaccount=sa:builder"));
    server.createAsAdmin(k130, "objects.yaml", """
        apiVersion: v1
        kind: Node
        metadata:
          name: n1
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: p1
          namespace: sa
        spec:
          serviceAccountName: builder
          nodeName: n1
          containers: [{name: c, image: busybox}]
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: bound
          namespace: sa
        """);
  }

  private static String ok(Kubectl.Result r) {
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    return r.stdout();
  }

  private static JsonNode claims(String token) throws Exception {
    return JSON.readTree(Base64.getUrlDecoder().decode(token.strip().split("\\.")[1]));
  }

  private static String token(Kubectl k, String... extra) {
    return ok(server.admin(k, Stream.concat(Stream.of("-n", "sa", "create", "token", "builder"),
        Stream.of(extra)).toArray(String[]::new))).strip();
  }

  @Test
  void createServiceAccount_noTokenSecret_defaultAccountInNewNamespace() throws Exception {
    ok(server.admin(k130, "create", "namespace", "fresh"));
    ok(server.admin(k130, "-n", "fresh", "create", "serviceaccount", "x"));

    assertThat(server.admin(k130, "-n", "fresh", "get", "secrets").stderr())
        .contains("No resources found in fresh namespace.");
    String accounts = Eventually.until(() -> server.admin(k130, "-n", "fresh", "get",
        "serviceaccounts", "-o", "name").stdout(), a -> a.contains("default"));
    assertThat(accounts).contains("serviceaccount/default", "serviceaccount/x");
  }

  @Test
  void createToken_variants_upstreamClaims() throws Exception {
    JsonNode plain = claims(token(k130));
    assertThat(plain.get("aud").toString()).isEqualTo("[\"" + ISSUER + "\"]");
    assertThat(plain.get("iss").asText()).isEqualTo(ISSUER);
    assertThat(plain.get("sub").asText()).isEqualTo("system:serviceaccount:sa:builder");
    assertThat(plain.get("exp").asLong() - plain.get("iat").asLong()).isEqualTo(3600);
    assertThat(plain.get("nbf").asLong()).isEqualTo(plain.get("iat").asLong());
    assertThat(plain.get("jti").asText()).matches("[0-9a-f-]{36}");
    assertThat(plain.get("kubernetes.io").get("serviceaccount").get("name").asText())
        .isEqualTo("builder");

    JsonNode audiences = claims(token(k130, "--audience", "vault", "--audience", "sts"));
    assertThat(audiences.get("aud").toString()).isEqualTo("[\"vault\",\"sts\"]");

    JsonNode duration = claims(token(k130, "--duration", "20m"));
    assertThat(duration.get("exp").asLong() - duration.get("iat").asLong()).isEqualTo(1200);

    JsonNode pod = claims(token(k130, "--bound-object-kind", "Pod", "--bound-object-name", "p1"));
    assertThat(pod.get("kubernetes.io").get("pod").get("name").asText()).isEqualTo("p1");
    assertThat(pod.get("kubernetes.io").get("node").get("name").asText()).isEqualTo("n1");
    assertThat(pod.get("kubernetes.io").get("node").get("uid").asText()).isNotEmpty();

    JsonNode secret = claims(token(k130, "--bound-object-kind", "Secret", "--bound-object-name",
        "bound"));
    assertThat(secret.get("kubernetes.io").get("secret").get("name").asText()).isEqualTo("bound");

    Kubectl k131 = Kubectl.version("1.31").orElseThrow();
    JsonNode node = claims(token(k131, "--bound-object-kind", "Node", "--bound-object-name",
        "n1"));
    assertThat(node.get("kubernetes.io").get("node").get("name").asText()).isEqualTo("n1");
    assertThat(node.get("kubernetes.io").has("pod")).isFalse();

    assertThat(server.admin(k130, "-n", "sa", "create", "token", "builder", "--duration", "5m")
        .stderr()).contains("error: failed to create token: TokenRequest.authentication.k8s.io "
            + "\"\" is invalid: spec.expirationSeconds: Invalid value: 300: may not specify a "
            + "duration less than 10 minutes");
    assertThat(server.admin(k130, "-n", "sa", "create", "token", "nobody").stderr())
        .contains("error: failed to create token: serviceaccounts \"nobody\" not found");
  }

  @Test
  void createToken_kubectl133Protobuf_upstreamClaims() throws Exception {
    Kubectl k133 = Kubectl.version("1.33").orElseThrow();

    JsonNode plain = claims(token(k133, "--audience", "vault", "--duration", "15m"));
    JsonNode node = claims(token(k133, "--bound-object-kind", "Node", "--bound-object-name",
        "n1"));
    JsonNode pod = claims(token(k133, "--bound-object-kind", "Pod", "--bound-object-name", "p1"));

    assertThat(plain.get("aud").toString()).isEqualTo("[\"vault\"]");
    assertThat(plain.get("exp").asLong() - plain.get("iat").asLong()).isEqualTo(900);
    assertThat(node.get("kubernetes.io").get("node").get("name").asText()).isEqualTo("n1");
    assertThat(pod.get("kubernetes.io").get("pod").get("name").asText()).isEqualTo("p1");
    assertThat(server.admin(k133, "-n", "sa", "create", "token", "builder", "--bound-object-kind",
        "Pod", "--bound-object-name", "p1", "--bound-object-uid", "stale").stderr())
        .contains("error: failed to create token: Operation cannot be fulfilled on Pod \"p1\": "
            + "the UID in the bound object reference (stale) does not match the UID in record. "
            + "The object might have been deleted and then recreated");
  }

  @Test
  void token_withKubectlAndRbac_readsPodsAndNothingElse() {
    String token = token(k130);
    for (Kubectl k : new Kubectl[] {k130, Kubectl.version("1.33").orElseThrow()}) {
      assertThat(ok(server.withToken(k, token, "-n", "sa", "get", "pods", "-o", "name")))
          .contains("pod/p1");
      assertThat(server.withToken(k, token, "-n", "sa", "get", "secrets").stderr())
          .contains("User \"system:serviceaccount:sa:builder\" cannot list resource \"secrets\"");
    }
    String tampered = token.substring(0, token.length() - 4) + "AAAA";
    assertThat(server.withToken(k130, tampered, "-n", "sa", "get", "pods").stderr())
        .contains(UNAUTHORIZED);
  }

  @Test
  void whoami_podBoundToken_serviceAccountUserWithExtras() throws Exception {
    String token = token(k130, "--bound-object-kind", "Pod", "--bound-object-name", "p1");
    String jti = claims(token).get("jti").asText();
    for (Kubectl k : new Kubectl[] {k130, Kubectl.version("1.33").orElseThrow()}) {
      String out = ok(server.withToken(k, token, "auth", "whoami"));
      assertThat(out).containsPattern("Username +system:serviceaccount:sa:builder\n")
          .containsPattern("Groups +\\[system:serviceaccounts system:serviceaccounts:sa "
              + "system:authenticated\\]\n")
          .containsPattern("Extra: authentication.kubernetes.io/credential-id +\\[JTI="
              + jti + "\\]\n")
          .containsPattern("Extra: authentication.kubernetes.io/pod-name +\\[p1\\]\n")
          .contains("Extra: authentication.kubernetes.io/pod-uid");
    }
  }

  @Test
  void podBoundToken_podDeleted_unauthorized() throws Exception {
    server.createAsAdmin(k130, "p2.yaml", """
        apiVersion: v1
        kind: Pod
        metadata:
          name: p2
          namespace: sa
        spec:
          serviceAccountName: builder
          containers: [{name: c, image: busybox}]
        """);
    String token = token(k130, "--bound-object-kind", "Pod", "--bound-object-name", "p2");
    ok(server.withToken(k130, token, "-n", "sa", "get", "pods"));

    ok(server.admin(k130, "-n", "sa", "delete", "pod", "p2"));

    assertThat(eventually(() -> server.withToken(k130, token, "-n", "sa", "get", "pods").stderr(),
        Pattern.quote(UNAUTHORIZED))).contains(UNAUTHORIZED);
  }

  @Test
  void manualTokenSecret_filledUsedLabelledThenInvalid() throws Exception {
    server.createAsAdmin(k130, "manual.yaml", """
        apiVersion: v1
        kind: Secret
        metadata:
          name: builder-token
          namespace: sa
          annotations:
            kubernetes.io/service-account.name: builder
        type: kubernetes.io/service-account-token
        """);
    String encoded = eventually(() -> server.admin(k130, "-n", "sa", "get", "secret",
        "builder-token", "-o", "jsonpath={.data.token}").stdout(), ".");
    String token = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    assertThat(claims(token).get("iss").asText()).isEqualTo("kubernetes/serviceaccount");
    assertThat(ok(server.admin(k130, "-n", "sa", "get", "secret", "builder-token", "-o",
        "jsonpath={.data.namespace}"))).isEqualTo(Base64.getEncoder().encodeToString(
            "sa".getBytes(StandardCharsets.UTF_8)));

    assertThat(ok(server.withToken(k130, token, "-n", "sa", "get", "pods", "-o", "name")))
        .contains("pod/p1");
    assertThat(ok(server.admin(k130, "-n", "sa", "get", "secret", "builder-token", "-o",
        "jsonpath={.metadata.labels.kubernetes\\.io/legacy-token-last-used}")))
        .isEqualTo(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());

    ok(server.admin(k130, "-n", "sa", "label", "secret", "builder-token",
        "kubernetes.io/legacy-token-invalid-since=2025-01-01"));

    assertThat(eventually(() -> server.withToken(k130, token, "-n", "sa", "get", "pods").stderr(),
        Pattern.quote(UNAUTHORIZED))).contains(UNAUTHORIZED);
  }

  @Test
  void autoGeneratedLegacyToken_warns() throws Exception {
    ok(server.admin(k130, "-n", "sa", "create", "serviceaccount", "old"));
    ok(server.admin(k130, "-n", "sa", "create", "rolebinding", "old-reads", "--role=pod-reader",
        "--serviceaccount=sa:old"));
    server.createAsAdmin(k130, "old.yaml", """
        apiVersion: v1
        kind: Secret
        metadata:
          name: old-token
          namespace: sa
          annotations:
            kubernetes.io/service-account.name: old
        type: kubernetes.io/service-account-token
        """);
    ok(server.admin(k130, "-n", "sa", "patch", "serviceaccount", "old", "--type=merge", "-p",
        "{\"secrets\":[{\"name\":\"old-token\"}]}"));
    String encoded = eventually(() -> server.admin(k130, "-n", "sa", "get", "secret", "old-token",
        "-o", "jsonpath={.data.token}").stdout(), ".");
    String token = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);

    Kubectl.Result r = server.withToken(k130, token, "-n", "sa", "get", "pods", "-o", "name");

    assertThat(r.stdout()).contains("pod/p1");
    assertThat(r.stderr()).contains("Warning: Use tokens from the TokenRequest API or manually "
        + "created secret-based tokens instead of auto-generated secret-based tokens.");
  }

  @Test
  void badBearerTokens_401UpstreamBody() throws Exception {
    HttpClient client = client();
    String plain = token(k130);
    String[] bad = {"garbage", "a.b.c", "x".repeat(200_000),
        plain.substring(0, plain.lastIndexOf('.')) + ".",
        Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(
            StandardCharsets.UTF_8)) + "." + plain.split("\\.")[1] + "."};
    for (String token : bad) {
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(
          URI.create(server.url() + "/api/v1/namespaces/sa/pods"))
          .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(401);
      assertThat(r.body()).isEqualTo("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},"
          + "\"status\":\"Failure\",\"message\":\"Unauthorized\",\"reason\":\"Unauthorized\","
          + "\"code\":401}\n");
    }
  }

  @Test
  void jwks_standardLibrary_verifiesIssuedToken() throws Exception {
    String token = token(k130, "--audience", "vault");
    String config = ok(server.withToken(k130, token(k130), "get", "--raw",
        "/.well-known/openid-configuration"));
    assertThat(JSON.readTree(config).get("jwks_uri").asText())
        .isEqualTo(server.url() + "/openid/v1/jwks");
    HttpResponse<String> jwks = client().send(HttpRequest.newBuilder(
        URI.create(server.url() + "/openid/v1/jwks"))
        .header("Authorization", "Bearer " + token(k130)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(jwks.headers().firstValue("Content-Type")).contains("application/jwk-set+json");
    assertThat(jwks.headers().firstValue("Cache-Control")).contains("public, max-age=3600");

    SignedJWT jwt = SignedJWT.parse(token);
    RSAKey key = JWKSet.parse(jwks.body()).getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey();

    assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
    assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("vault");
  }

  private static HttpClient client() {
    return server.http().connectTimeout(Duration.ofSeconds(10)).build();
  }

  /**
   * Probes until the output matches. Waiting for the complete expected text matters for tokens
   * that just became invalid: the authenticator caches successes for up to 10 s, and while the
   * cache expires kubectl's discovery request may still pass and its resource request fail, which
   * kubectl words differently ("(Unauthorized)").
   */
  private static String eventually(java.util.function.Supplier<String> probe, String regex) {
    Pattern p = Pattern.compile(regex);
    return Eventually.until(probe, text -> p.matcher(text).find(), Duration.ofSeconds(20),
        Duration.ofMillis(500));
  }
}
