package io.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.api.authz.AuthorizationResult;
import io.gatehouse.api.authz.Authorizer;
import io.gatehouse.api.authz.Decision;
import io.gatehouse.api.authz.RequestAttributes;
import io.gatehouse.api.authz.UserInfo;
import io.gatehouse.auth.webhook.Kubeconfig;
import io.gatehouse.server.KubectlServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code gatehouse webhook authorize --kubeconfig}'s live cluster: RBAC read from a running
 * {@code gatehouse server} over HTTPS (list, then watch), changes taking effect within seconds.
 */
class LiveAuthorizersIT {

  private static final UserInfo JANE =
      new UserInfo("jane", "", List.of("system:authenticated"), Map.of());

  @RegisterExtension
  static final KubectlServer server = KubectlServer.builder().build();

  private static Kubeconfig admin;
  private static HttpClient http;

  @BeforeAll
  static void adminClient() {
    admin = Kubeconfig.load(server.kubeconfig());
    http = admin.httpClient().build();
  }

  @Test
  void live_roleBindingWrittenThenDeleted_decisionFollowsTheCluster() throws Exception {
    try (LiveAuthorizers live = LiveAuthorizers.start(admin, Duration.ofSeconds(30))) {
      Authorizer chain = AuthSetup.live(live::rbac, live::node, null,
          new PrintWriter(new StringWriter())).chain();
      RequestAttributes listPods = RequestAttributes.resource(JANE, "list", "default", "", "v1",
          "pods", "", "");
      assertThat(chain.authorize(listPods).decision()).isEqualTo(Decision.NO_OPINION);

      send("POST", "/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings", """
          {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"RoleBinding",
           "metadata":{"name":"jane-view","namespace":"default"},
           "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"view"},
           "subjects":[{"kind":"User","name":"jane"}]}""", 201);
      AuthorizationResult allowed = await(chain, listPods, Decision.ALLOW);
      assertThat(allowed.reason()).isEqualTo("RBAC: allowed by RoleBinding \"jane-view/default\" "
          + "of ClusterRole \"view\" to User \"jane\"");

      send("DELETE", "/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings/jane-view",
          "", 200);
      await(chain, listPods, Decision.NO_OPINION);
    }
  }

  @Test
  void start_credentialsRejected_failsNamingTheList() throws Exception {
    Path config = server.write("anonymous.kubeconfig", """
        apiVersion: v1
        kind: Config
        clusters: [{name: c, cluster: {server: "%s", insecure-skip-tls-verify: true}}]
        users: [{name: u, user: {token: not-a-valid-token}}]
        contexts: [{name: x, context: {cluster: c, user: u}}]
        current-context: x
        """.formatted(server.url()));
    assertThatThrownBy(() -> LiveAuthorizers.start(Kubeconfig.load(config), Duration.ofSeconds(30)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("list /apis/rbac.authorization.k8s.io/v1/clusterroles: Unauthorized");
  }

  @Test
  void webhookAuthorize_clusterAndKubeconfig_usageErrorExitTwo() {
    java.io.StringWriter err = new java.io.StringWriter();
    int code = Gatehouse.run(new String[] {"webhook", "authorize", "--cluster", "x.yaml",
        "--kubeconfig", "k", "--tls-cert-file", "c", "--tls-private-key-file", "k"},
        new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("exactly one of --cluster and --kubeconfig is required");
  }

  private static AuthorizationResult await(Authorizer chain, RequestAttributes a, Decision want)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    AuthorizationResult r = chain.authorize(a);
    while (r.decision() != want && System.nanoTime() < deadline) {
      Thread.sleep(50);
      r = chain.authorize(a);
    }
    assertThat(r.decision()).as(r.reason()).isEqualTo(want);
    return r;
  }

  private static void send(String method, String path, String body, int expected) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url() + path))
        .header("Content-Type", "application/json")
        .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(expected);
  }
}
