package io.gatehouse.cli;

import static io.gatehouse.cli.AuthCommandTest.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.auth.webhook.TestTls;
import io.gatehouse.auth.webhook.TestWebhookServer;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gatehouse webhook authorize}'s server, called over HTTPS as kube-apiserver calls it. */
class AuthorizationWebhookServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private TestTls tls;
  private AuthorizationWebhookServer server;
  private HttpClient client;

  @BeforeEach
  void start() throws Exception {
    tls = TestTls.generate();
    AuthSetup setup = AuthSetup.read(List.of(CLUSTER), null, new PrintWriter(new StringWriter()));
    server = AuthorizationWebhookServer.start(
        new InetSocketAddress("127.0.0.1", 0), tls.serverContext(), setup.chain());
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(
        new ByteArrayInputStream(tls.caPem().getBytes(StandardCharsets.US_ASCII))));
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    client = HttpClient.newBuilder().sslContext(ssl).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String url() {
    return "https://127.0.0.1:" + server.port() + "/authorize";
  }

  private HttpResponse<String> post(String body) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(url()))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void post_v1Review_answersWithTheChainsDecision() throws Exception {
    HttpResponse<String> r = post("""
        {"apiVersion":"authorization.k8s.io/v1","kind":"SubjectAccessReview","spec":{
         "resourceAttributes":{"namespace":"team-a","verb":"create","group":"apps","resource":"deployments"},
         "user":"alice","groups":["system:authenticated"]}}""");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(r.body())).isEqualTo(JSON.readTree("""
        {"apiVersion":"authorization.k8s.io/v1","kind":"SubjectAccessReview","status":{"allowed":true,
         "reason":"RBAC: allowed by RoleBinding \\"dev-edit/team-a\\" of ClusterRole \\"edit\\" to User \\"alice\\""}}"""));
  }

  @Test
  void post_malformedOrWrongMethod_isRejected() throws Exception {
    HttpResponse<String> bad = post("{\"apiVersion\":\"authorization.k8s.io/v1\",\"kind\":\"SubjectAccessReview\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    JsonNode status = JSON.readTree(bad.body());
    assertThat(status.get("reason").asText()).isEqualTo("BadRequest");
    assertThat(status.get("message").asText()).startsWith(
        "SubjectAccessReview.authorization.k8s.io \"\" is invalid: spec.resourceAttributes:");
    assertThat(post("{not json").statusCode()).isEqualTo(400);
    HttpResponse<String> get = client.send(HttpRequest.newBuilder(URI.create(url())).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(get.statusCode()).isEqualTo(405);
  }

  @Test
  void canI_throughGatehousesOwnWebhookClient_getsTheServedDecision() throws Exception {
    Path kubeconfig = TestWebhookServer.kubeconfig(dir.resolve("kubeconfig"), url(), tls.caPem(), "");
    Path config = Files.writeString(dir.resolve("authz.yaml"), """
        apiVersion: apiserver.config.k8s.io/v1
        kind: AuthorizationConfiguration
        authorizers:
        - type: Webhook
          name: gatehouse
          webhook:
            timeout: 5s
            subjectAccessReviewVersion: v1beta1
            failurePolicy: Deny
            connectionInfo: {type: KubeConfigFile, kubeConfigFile: %s}
        """.formatted(kubeconfig));
    Path empty = Files.writeString(dir.resolve("empty.yaml"), "");
    AuthCommandTest.Run yes = AuthCommandTest.run("auth", "can-i", "create", "deployments.apps",
        "-n", "team-a", "--as", "alice", "--cluster", empty.toString(),
        "--authorization-config", config.toString(), "-o", "json");
    assertThat(yes.code()).isZero();
    assertThat(yes.json().get("reason").asText()).isEqualTo(
        "RBAC: allowed by RoleBinding \"dev-edit/team-a\" of ClusterRole \"edit\" to User \"alice\"");
    assertThat(yes.json().at("/decidedBy/name").asText()).isEqualTo("gatehouse");
    AuthCommandTest.Run no = AuthCommandTest.run("auth", "can-i", "create", "deployments.apps",
        "-n", "team-b", "--as", "alice", "--cluster", empty.toString(),
        "--authorization-config", config.toString());
    assertThat(no.out()).isEqualTo("no\n");
  }
}
