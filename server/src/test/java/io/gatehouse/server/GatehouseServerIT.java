package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.pki.CertificateAuthority;
import io.gatehouse.server.pki.KeyAndCertificate;
import io.gatehouse.server.pki.Pem;
import io.gatehouse.storage.GetResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * End to end with the real kubectl: a server started in-process on a free port of 127.0.0.1 with
 * a temporary data directory and a token file, driven by the kubectl dispatcher and the 1.33 and
 * 1.30 binaries.
 */
class GatehouseServerIT {

  private static final String UNAUTHORIZED = "error: You must be logged in to the server (Unauthorized)";

  @RegisterExtension
  static final KubectlServer server = KubectlServer.builder()
      .token("jane-token", "jane", "1001", "dev", "qa").build();

  @RegisterExtension
  static final KubectlServer anonymous = KubectlServer.builder()
      .setup((dir, options) -> options.anonymousAuth(true)).build();

  @ParameterizedTest(name = "{0}")
  @KubectlVersions(dispatcher = true)
  void version_reportsKubernetes133(Kubectl kubectl) {
    Kubectl.Result r = server.admin(kubectl, "version");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains("Server Version: v1.33.0-gatehouse.0.1.0");
  }

  @Test
  void version_dispatcherPicksKubectl133() {
    Kubectl dispatcher = Kubectl.dispatcher();
    Kubectl.Result r = server.admin(dispatcher, "version");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains("Client Version: v1.33.");
  }

  /** kubectl 1.28 does not ask for aggregated discovery v2: it reads the legacy documents. */
  @ParameterizedTest(name = "{0}")
  @KubectlVersions(value = {"1.33", "1.30", "1.28"}, dispatcher = true)
  void apiResources_listsCatalogResources(Kubectl kubectl) {
    Kubectl.Result r = server.admin(kubectl, "api-resources");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout().lines())
        .anyMatch(l -> l.matches("deployments\\s+deploy\\s+apps/v1\\s+true\\s+Deployment"))
        .anyMatch(l -> l.matches("nodes\\s+no\\s+v1\\s+false\\s+Node"))
        .anyMatch(l -> l.matches("validatingadmissionpolicies\\s+admissionregistration.k8s.io/v1\\s+false\\s+ValidatingAdmissionPolicy"));
  }

  @ParameterizedTest(name = "{0}")
  @KubectlVersions(dispatcher = true)
  void getRawHealthz_ok(Kubectl kubectl) {
    Kubectl.Result r = server.admin(kubectl, "get", "--raw", "/healthz");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).isEqualTo("ok");
    Kubectl.Result verbose = server.admin(kubectl, "get", "--raw", "/readyz?verbose");
    assertThat(verbose.stdout()).isEqualTo("[+]ping ok\n[+]log ok\n[+]shutdown ok\nreadyz check passed\n");
  }

  @ParameterizedTest(name = "{0}")
  @KubectlVersions(dispatcher = true)
  void invalidToken_unauthorized(Kubectl kubectl) {
    Kubectl.Result r = server.withToken(kubectl, "not-a-token", "get", "--raw", "/version");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr().lines()).contains(UNAUTHORIZED);
  }

  @ParameterizedTest(name = "{0}")
  @KubectlVersions(dispatcher = true)
  void noCredentials_unauthorized(Kubectl kubectl) {
    // Basic credentials are nobody's: the request arrives without a usable credential.
    Kubectl.Result r = server.withCredentials(kubectl, List.of("--username=nobody",
        "--password=x"), "get", "--raw", "/version");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr().lines()).contains(UNAUTHORIZED);
  }

  @ParameterizedTest(name = "{0}")
  @KubectlVersions(dispatcher = true)
  void clientCertificateFromOtherCa_unauthorized(Kubectl kubectl) throws Exception {
    CertificateAuthority other = CertificateAuthority.generate("other", Instant.now(), Duration.ofDays(1));
    KeyAndCertificate mallory =
        other.issueClient("mallory", List.of("system:masters"), Instant.now(), Duration.ofDays(1));
    Path crt = server.dir().resolve("mallory.crt");
    Path key = server.dir().resolve("mallory.key");
    Pem.write(crt, Pem.certificates(mallory.chain()), false);
    Pem.write(key, Pem.privateKey(mallory.key()), true);
    Kubectl.Result r = server.withCredentials(kubectl, List.of("--client-certificate=" + crt,
        "--client-key=" + key), "get", "--raw", "/version");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr().lines()).contains(UNAUTHORIZED);
  }

  @ParameterizedTest(name = "{0}")
  @KubectlVersions(dispatcher = true)
  void tokenUserWithoutBindings_discoversButCannotListPods(Kubectl kubectl) {
    Kubectl.Result discovery = server.withToken(kubectl, "jane-token", "get", "--raw", "/api");
    assertThat(discovery.exitCode()).as(discovery.stderr()).isZero();
    assertThat(discovery.stdout()).startsWith("{\"kind\":\"APIVersions\",\"versions\":[\"v1\"]");
    Kubectl.Result pods = server.withToken(kubectl, "jane-token", "get", "pods", "-n", "default");
    assertThat(pods.exitCode()).isEqualTo(1);
    assertThat(pods.stderr().lines()).contains("Error from server (Forbidden): pods is forbidden: "
        + "User \"jane\" cannot list resource \"pods\" in API group \"\" in the namespace \"default\"");
  }

  @ParameterizedTest(name = "{0}")
  @KubectlVersions(dispatcher = true)
  void unknownPath_notFound(Kubectl kubectl) {
    Kubectl.Result r = server.admin(kubectl, "get", "--raw", "/no/such/path");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr().lines())
        .contains("Error from server (NotFound): the server could not find the requested resource");
  }

  @Test
  void store_holdsWhatKubectlCreatedWithoutResourceVersion() {
    Kubectl.Result r = server.admin(Kubectl.dispatcher(), "create", "configmap", "in-store",
        "--from-literal=k=v");
    assertThat(r.exitCode()).as(r.stderr()).isZero();

    GetResult got = server.server().store().get("/registry/configmaps/default/in-store");

    assertThat(got.kv()).hasValueSatisfying(kv -> assertThat(
        new String(kv.value(), StandardCharsets.UTF_8))
        .startsWith("{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":"
            + "\"in-store\",\"namespace\":\"default\",\"uid\":")
        .contains("\"data\":{\"k\":\"v\"}")
        .doesNotContain("resourceVersion"));
  }

  @Test
  void rawHttp_noCredentials_401StatusOverHttp2() throws Exception {
    try (HttpClient client = server.http().build()) {
      HttpResponse<String> r = client.send(
          HttpRequest.newBuilder(URI.create(server.url() + "/version")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_2);
      assertThat(r.statusCode()).isEqualTo(401);
      assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
      assertThat(r.body()).isEqualTo("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},"
          + "\"status\":\"Failure\",\"message\":\"Unauthorized\",\"reason\":\"Unauthorized\",\"code\":401}\n");
    }
  }

  @Test
  void anonymousServer_anonymousCannotDiscover() {
    Kubectl kubectl = Kubectl.dispatcher();
    List<String> basic = List.of("--username=nobody", "--password=x");
    Kubectl.Result health = anonymous.withCredentials(kubectl, basic, "get", "--raw", "/healthz");
    assertThat(health.stdout()).as(health.stderr()).isEqualTo("ok");
    Kubectl.Result api = anonymous.withCredentials(kubectl, basic, "get", "--raw", "/api");
    assertThat(api.exitCode()).isEqualTo(1);
    assertThat(api.stderr().lines()).contains(
        "Error from server (Forbidden): forbidden: User \"system:anonymous\" cannot get path \"/api\"");
  }
}
