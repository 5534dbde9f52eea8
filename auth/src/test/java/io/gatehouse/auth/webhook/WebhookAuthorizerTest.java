package io.gatehouse.auth.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.api.authz.AuthorizationResult;
import io.gatehouse.api.authz.Decision;
import io.gatehouse.api.authz.RequestAttributes;
import io.gatehouse.api.authz.UserInfo;
import io.gatehouse.auth.cel.CompiledMatchCondition;
import io.gatehouse.auth.cel.MatchConditionCompiler;
import io.gatehouse.auth.cel.MatchConditionMatcher;
import io.gatehouse.auth.config.WebhookConfiguration;
import io.gatehouse.auth.config.WebhookConnectionInfo;
import io.gatehouse.cel.KubernetesVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The webhook authorizer against a real HTTPS webhook on loopback. */
class WebhookAuthorizerTest {

  private static final KubernetesVersion VERSION = KubernetesVersion.DEFAULT;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Backoff FAST = new Backoff(Duration.ofMillis(1), 1.5, 0, 5);
  private static final UserInfo ALICE = new UserInfo("alice", "uid-1",
      List.of("dev", "system:authenticated"), Map.of("scopes", List.of("x")));
  private static final RequestAttributes GET_POD =
      RequestAttributes.resource(ALICE, "get", "team-a", "", "v1", "pods", "log", "web-0");

  @TempDir Path dir;
  private TestWebhookServer server;
  private final AtomicLong clock = new AtomicLong();

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private WebhookAuthorizer authorizer(String failurePolicy, String sarVersion, Duration timeout,
      List<String> conditions) throws Exception {
    Path kubeconfig = server.writeKubeconfig(dir.resolve("kubeconfig"), "s3cret");
    WebhookConfiguration config = new WebhookConfiguration(Duration.ofMinutes(5),
        Duration.ofSeconds(30), timeout, sarVersion, conditions.isEmpty() ? "" : "v1",
        failurePolicy, new WebhookConnectionInfo("KubeConfigFile", kubeconfig.toString()), conditions);
    MatchConditionCompiler compiler = MatchConditionCompiler.create(VERSION);
    MatchConditionMatcher matcher = MatchConditionMatcher.of(conditions.stream()
        .map(compiler::compile).map(CompiledMatchCondition.Compiled.class::cast).toList(), VERSION);
    SubjectAccessReviewClient client = SubjectAccessReviewClient.create(
        Kubeconfig.load(kubeconfig), sarVersion, timeout);
    return new WebhookAuthorizer("test", config, matcher, VERSION, client::review, FAST, clock::get);
  }

  private WebhookAuthorizer authorizer(String failurePolicy) throws Exception {
    return authorizer(failurePolicy, "v1", Duration.ofSeconds(3), List.of());
  }

  @Test
  void userRules_anyUser_incompleteWithUpstreamErrorAndNoCall() throws Exception {
    server = TestWebhookServer.start(b -> TestWebhookServer.Response.review(true, false, ""));
    assertThat(authorizer("Deny").userRules(ALICE, "team-a")).isEqualTo(new io.gatehouse.auth
        .UserRules(List.of(), List.of(), true,
        List.of("webhook authorizer does not support user rule resolution")));
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void authorize_webhookAllows_allowsWithItsReasonAndSendsTheV1Review() throws Exception {
    server = TestWebhookServer.start(b -> TestWebhookServer.Response.review(true, false, "ok by policy"));
    assertThat(authorizer("Deny").authorize(GET_POD))
        .isEqualTo(AuthorizationResult.of(Decision.ALLOW, "ok by policy"));
    assertThat(server.requests()).containsExactly(JSON.readTree("""
        {"kind":"SubjectAccessReview","apiVersion":"authorization.k8s.io/v1",
         "metadata":{"creationTimestamp":null},
         "spec":{"resourceAttributes":{"namespace":"team-a","verb":"get","version":"v1",
                 "resource":"pods","subresource":"log","name":"web-0"},
                 "user":"alice","groups":["dev","system:authenticated"],
                 "extra":{"scopes":["x"]},"uid":"uid-1"},
         "status":{"allowed":false}}"""));
    assertThat(server.authorizationHeaders()).containsExactly("Bearer s3cret");
  }

  @Test
  void authorize_v1beta1_sendsGroupsAsGroup() throws Exception {
    server = TestWebhookServer.start(b -> TestWebhookServer.Response.review(false, true, "no"));
    AuthorizationResult r = authorizer("NoOpinion", "v1beta1", Duration.ofSeconds(3), List.of())
        .authorize(RequestAttributes.nonResource(ALICE, "get", "/metrics"));
    assertThat(r).isEqualTo(AuthorizationResult.of(Decision.DENY, "no"));
    JsonNode body = server.requests().get(0);
    assertThat(body.get("apiVersion").asText()).isEqualTo("authorization.k8s.io/v1beta1");
    assertThat(body.at("/spec/group").toString()).isEqualTo("[\"dev\",\"system:authenticated\"]");
    assertThat(body.at("/spec/groups").isMissingNode()).isTrue();
    assertThat(body.at("/spec/nonResourceAttributes").toString())
        .isEqualTo("{\"path\":\"/metrics\",\"verb\":\"get\"}");
  }

  @Test
  void authorize_neitherAllowedNorDenied_noOpinionWithReason() throws Exception {
    server = TestWebhookServer.start(b -> TestWebhookServer.Response.review(false, false, "not mine"));
    assertThat(authorizer("Deny").authorize(GET_POD))
        .isEqualTo(AuthorizationResult.of(Decision.NO_OPINION, "not mine"));
  }

  @Test
  void authorize_bothAllowedAndDenied_deniesWithUpstreamsError() throws Exception {
    server = TestWebhookServer.start(b -> TestWebhookServer.Response.review(true, true, "confused"));
    assertThat(authorizer("NoOpinion").authorize(GET_POD)).isEqualTo(new AuthorizationResult(
        Decision.DENY, "confused", "webhook subject access review returned both allow and deny response"));
  }

  @Test
  void authorize_sameRequest_isCachedForItsTtl() throws Exception {
    server = TestWebhookServer.start(b -> TestWebhookServer.Response.review(false, false, ""));
    WebhookAuthorizer a = authorizer("Deny");
    a.authorize(GET_POD);
    clock.addAndGet(Duration.ofSeconds(29).toNanos());
    a.authorize(GET_POD);
    assertThat(server.requests()).hasSize(1);
    clock.addAndGet(Duration.ofSeconds(2).toNanos());
    a.authorize(GET_POD);
    assertThat(server.requests()).hasSize(2);
    server.respond(b -> TestWebhookServer.Response.review(true, false, ""));
    RequestAttributes other = RequestAttributes.resource(ALICE, "list", "team-a", "", "v1", "pods", "", "");
    a.authorize(other);
    clock.addAndGet(Duration.ofMinutes(4).toNanos());
    assertThat(a.authorize(other).decision()).isEqualTo(Decision.ALLOW);
    assertThat(server.requests()).hasSize(3);
  }

  @Test
  void authorize_serverError_retriesThenAppliesTheFailurePolicy() throws Exception {
    server = TestWebhookServer.start(b -> new TestWebhookServer.Response(500, "boom", 0));
    assertThat(authorizer("Deny").authorize(GET_POD)).isEqualTo(new AuthorizationResult(
        Decision.DENY, "", "an error on the server (\"boom\") has prevented the request from succeeding"));
    assertThat(server.requests()).hasSize(5);
  }

  @Test
  void authorize_statusBody_reportsItsMessageWithoutRetry() throws Exception {
    server = TestWebhookServer.start(b -> new TestWebhookServer.Response(403,
        "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"go away\","
            + "\"reason\":\"Forbidden\",\"code\":403}", 0));
    assertThat(authorizer("NoOpinion").authorize(GET_POD))
        .isEqualTo(new AuthorizationResult(Decision.NO_OPINION, "", "go away"));
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void authorize_slowWebhook_timesOutAndNeverAllows() throws Exception {
    server = TestWebhookServer.start(b -> new TestWebhookServer.Response(200,
        TestWebhookServer.Response.review(true, false, "").body(), 3000));
    long start = System.nanoTime();
    AuthorizationResult r = authorizer("NoOpinion", "v1", Duration.ofMillis(300), List.of()).authorize(GET_POD);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    assertThat(r).isEqualTo(new AuthorizationResult(Decision.NO_OPINION, "", "Post \"" + server.url()
        + "\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)"));
  }

  @Test
  void authorize_garbageBody_appliesTheFailurePolicy() throws Exception {
    server = TestWebhookServer.start(b -> new TestWebhookServer.Response(200, "<html>", 0));
    AuthorizationResult r = authorizer("Deny").authorize(GET_POD);
    assertThat(r.decision()).isEqualTo(Decision.DENY);
    assertThat(r.error()).startsWith("couldn't get version/kind; json parse error: ");
  }

  @Test
  void authorize_webhookDown_appliesTheFailurePolicy() throws Exception {
    server = TestWebhookServer.start(b -> TestWebhookServer.Response.review(true, false, ""));
    WebhookAuthorizer a = authorizer("Deny");
    String url = server.url();
    server.close();
    server = null;
    String hostPort = url.substring("https://".length(), url.indexOf("/authorize"));
    assertThat(a.authorize(GET_POD)).isEqualTo(new AuthorizationResult(Decision.DENY, "",
        "Post \"" + url + "\": dial tcp " + hostPort + ": connect: connection refused"));
  }

  @Test
  void authorize_matchConditions_skipOrFailWithoutCalling() throws Exception {
    server = TestWebhookServer.start(b -> TestWebhookServer.Response.review(true, false, ""));
    WebhookAuthorizer skipping = authorizer("Deny", "v1", Duration.ofSeconds(3),
        List.of("request.resourceAttributes.namespace == 'kube-system'"));
    assertThat(skipping.authorize(GET_POD)).isEqualTo(AuthorizationResult.of(Decision.NO_OPINION, ""));
    WebhookAuthorizer failing = authorizer("Deny", "v1", Duration.ofSeconds(3),
        List.of("request.nonResourceAttributes.path == '/'"));
    assertThat(failing.authorize(GET_POD)).isEqualTo(new AuthorizationResult(Decision.DENY, "",
        "cel evaluation error: expression 'request.nonResourceAttributes.path == '/'' resulted in"
            + " error: no such key: nonResourceAttributes"));
    assertThat(server.requests()).isEmpty();
  }
}
