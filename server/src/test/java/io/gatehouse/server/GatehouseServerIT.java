package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.pki.CertificateAuthority;
import io.gatehouse.server.pki.KeyAndCertificate;
import io.gatehouse.server.pki.Pem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End to end with the real kubectl: a server started in-process on a free port of 127.0.0.1 with
 * a temporary data directory and a token file, driven by the kubectl dispatcher and the 1.33 and
 * 1.30 binaries.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatehouseServerIT {

  private static final String UNAUTHORIZED = "error: You must be logged in to the server (Unauthorized)";

  private Path dir;
  private GatehouseServer server;
  private Path tokens;

  @BeforeAll
  void start(@TempDir Path tempDir) throws Exception {
    dir = tempDir;
    tokens = dir.resolve("tokens.csv");
    Files.writeString(tokens, "jane-token,jane,1001,\"dev,qa\"\n");
    server = GatehouseServer.start(ServerOptions.builder()
        .dataDir(dir.resolve("data"))
        .securePort(0)
        .tokenAuthFile(tokens)
        .projectVersion("0.1.0")
        .build());
  }

  @AfterAll
  void stop() {
    server.close();
  }

  static Stream<Kubectl> kubectls() {
    return Kubectl.available("1.33", "1.30").stream();
  }

  /** kubectl 1.28 does not ask for aggregated discovery v2: it reads the legacy documents. */
  static Stream<Kubectl> discoveryKubectls() {
    return Kubectl.available("1.33", "1.30", "1.28").stream();
  }

  private Kubectl.Result admin(Kubectl kubectl, String... args) {
    return kubectl.run(dir, concat(List.of("--kubeconfig=" + server.kubeconfig()), args));
  }

  private Kubectl.Result asToken(Kubectl kubectl, String token, String... args) {
    return kubectl.run(dir, concat(List.of("--server=" + server.url(),
        "--certificate-authority=" + dir.resolve("data/pki/ca.crt"), "--token=" + token), args));
  }

  private static String[] concat(List<String> first, String... rest) {
    return Stream.concat(first.stream(), Stream.of(rest)).toArray(String[]::new);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kubectls")
  void version_reportsKubernetes133(Kubectl kubectl) {
    Kubectl.Result r = admin(kubectl, "version");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains("Server Version: v1.33.0-gatehouse.0.1.0");
  }

  @Test
  void version_dispatcherPicksKubectl133() {
    Kubectl dispatcher = Kubectl.available().get(0);
    Kubectl.Result r = admin(dispatcher, "version");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains("Client Version: v1.33.");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("discoveryKubectls")
  void apiResources_listsCatalogResources(Kubectl kubectl) {
    Kubectl.Result r = admin(kubectl, "api-resources");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout().lines())
        .anyMatch(l -> l.matches("deployments\\s+deploy\\s+apps/v1\\s+true\\s+Deployment"))
        .anyMatch(l -> l.matches("nodes\\s+no\\s+v1\\s+false\\s+Node"))
        .anyMatch(l -> l.matches("validatingadmissionpolicies\\s+admissionregistration.k8s.io/v1\\s+false\\s+ValidatingAdmissionPolicy"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kubectls")
  void getRawHealthz_ok(Kubectl kubectl) {
    Kubectl.Result r = admin(kubectl, "get", "--raw", "/healthz");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).isEqualTo("ok");
    Kubectl.Result verbose = admin(kubectl, "get", "--raw", "/readyz?verbose");
    assertThat(verbose.stdout()).isEqualTo("[+]ping ok\n[+]log ok\n[+]shutdown ok\nreadyz check passed\n");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kubectls")
  void invalidToken_unauthorized(Kubectl kubectl) {
    Kubectl.Result r = asToken(kubectl, "not-a-token", "get", "--raw", "/version");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr().lines()).contains(UNAUTHORIZED);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kubectls")
  void noCredentials_unauthorized(Kubectl kubectl) {
    // Basic credentials are nobody's: the request arrives without a usable credential.
    Kubectl.Result r = kubectl.run(dir, "--server=" + server.url(),
        "--certificate-authority=" + dir.resolve("data/pki/ca.crt"), "--username=nobody",
        "--password=x", "get", "--raw", "/version");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr().lines()).contains(UNAUTHORIZED);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kubectls")
  void clientCertificateFromOtherCa_unauthorized(Kubectl kubectl) throws Exception {
    CertificateAuthority other = CertificateAuthority.generate("other", Instant.now(), Duration.ofDays(1));
    KeyAndCertificate mallory =
        other.issueClient("mallory", List.of("system:masters"), Instant.now(), Duration.ofDays(1));
    Path crt = dir.resolve("mallory.crt");
    Path key = dir.resolve("mallory.key");
    Pem.write(crt, Pem.certificates(mallory.chain()), false);
    Pem.write(key, Pem.privateKey(mallory.key()), true);
    Kubectl.Result r = kubectl.run(dir, "--server=" + server.url(),
        "--certificate-authority=" + dir.resolve("data/pki/ca.crt"), "--client-certificate=" + crt,
        "--client-key=" + key, "get", "--raw", "/version");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr().lines()).contains(UNAUTHORIZED);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kubectls")
  void tokenUserWithoutBindings_discoversButCannotListPods(Kubectl kubectl) {
    Kubectl.Result discovery = asToken(kubectl, "jane-token", "get", "--raw", "/api");
    assertThat(discovery.exitCode()).as(discovery.stderr()).isZero();
    assertThat(discovery.stdout()).startsWith("{\"kind\":\"APIVersions\",\"versions\":[\"v1\"]");
    Kubectl.Result pods = asToken(kubectl, "jane-token", "get", "pods", "-n", "default");
    assertThat(pods.exitCode()).isEqualTo(1);
    assertThat(pods.stderr().lines()).contains("Error from server (Forbidden): pods is forbidden: "
        + "User \"jane\" cannot list resource \"pods\" in API group \"\" in the namespace \"default\"");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kubectls")
  void unknownPath_notFound(Kubectl kubectl) {
    Kubectl.Result r = admin(kubectl, "get", "--raw", "/no/such/path");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr().lines())
        .contains("Error from server (NotFound): the server could not find the requested resource");
  }

  @Test
  void rawHttp_noCredentials_401StatusOverHttp2() throws Exception {
    java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", Pem.readCertificates(dir.resolve("data/pki/ca.crt")).get(0));
    javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
        javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    javax.net.ssl.SSLContext ssl = javax.net.ssl.SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    try (java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().sslContext(ssl).build()) {
      java.net.http.HttpResponse<String> r = client.send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url() + "/version")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(r.version()).isEqualTo(java.net.http.HttpClient.Version.HTTP_2);
      assertThat(r.statusCode()).isEqualTo(401);
      assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
      assertThat(r.body()).isEqualTo("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},"
          + "\"status\":\"Failure\",\"message\":\"Unauthorized\",\"reason\":\"Unauthorized\",\"code\":401}\n");
    }
  }

  @Test
  void anonymousServer_anonymousCannotDiscover() throws Exception {
    try (GatehouseServer anonymous = GatehouseServer.start(ServerOptions.builder()
        .dataDir(dir.resolve("anonymous")).securePort(0).anonymousAuth(true).build())) {
      Kubectl kubectl = Kubectl.available().get(0);
      String[] common = {"--server=" + anonymous.url(),
          "--certificate-authority=" + dir.resolve("anonymous/pki/ca.crt"), "--username=nobody",
          "--password=x"};
      Kubectl.Result health = kubectl.run(dir, concat(List.of(common), "get", "--raw", "/healthz"));
      assertThat(health.stdout()).as(health.stderr()).isEqualTo("ok");
      Kubectl.Result api = kubectl.run(dir, concat(List.of(common), "get", "--raw", "/api"));
      assertThat(api.exitCode()).isEqualTo(1);
      assertThat(api.stderr().lines()).contains(
          "Error from server (Forbidden): forbidden: User \"system:anonymous\" cannot get path \"/api\"");
    }
  }
}
