package io.gatehouse.cli;

import static io.gatehouse.cli.AuthCommandTest.CLUSTER;
import static io.gatehouse.cli.AuthCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.auth.webhook.TestWebhookServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release notes' structured-authorization example: a webhook named {@code
 * system-crd-protector}, consulted before Node and RBAC only for update/delete/deletecollection in
 * kube-system (not for kube-system's own service accounts), evaluated offline (webhook
 * unreachable) and against a real webhook on loopback.
 */
class AuthorizationConfigAcceptanceTest {

  @TempDir Path dir;

  private Path config(Path kubeconfig, String failurePolicy) throws Exception {
    return Files.writeString(dir.resolve("authz-" + failurePolicy + ".yaml"), """
        apiVersion: apiserver.config.k8s.io/v1
        kind: AuthorizationConfiguration
        authorizers:
        - type: Webhook
          name: system-crd-protector
          webhook:
            unauthorizedTTL: 30s
            timeout: 3s
            subjectAccessReviewVersion: v1
            matchConditionSubjectAccessReviewVersion: v1
            failurePolicy: %s
            connectionInfo:
              type: KubeConfigFile
              kubeConfigFile: %s
            matchConditions:
            # only send resource requests to the webhook
            - expression: has(request.resourceAttributes)
            # only intercept requests to kube-system
            - expression: request.resourceAttributes.namespace == 'kube-system'
            # don't intercept requests from kube-system service accounts
            - expression: "!('system:serviceaccounts:kube-system' in request.groups)"
            # only intercept update, delete or deletecollection requests
            - expression: request.resourceAttributes.verb in ['update', 'delete', 'deletecollection']
        - type: Node
          name: node
        - type: RBAC
          name: rbac
        """.formatted(failurePolicy, kubeconfig));
  }

  /** A kubeconfig for a webhook that is not listening any more. */
  private Path unreachable() throws Exception {
    TestWebhookServer server = TestWebhookServer.start(b -> TestWebhookServer.Response.review(true, false, ""));
    Path kubeconfig = server.writeKubeconfig(dir.resolve("down.kubeconfig"), "");
    server.close();
    return kubeconfig;
  }

  private static AuthCommandTest.Run canI(Path config, String... args) {
    String[] all = new String[args.length + 7];
    all[0] = "auth";
    all[1] = "can-i";
    System.arraycopy(args, 0, all, 2, args.length);
    all[args.length + 2] = "--cluster";
    all[args.length + 3] = CLUSTER;
    all[args.length + 4] = "--authorization-config";
    all[args.length + 5] = config.toString();
    all[args.length + 6] = "--as=ops";
    return run(all);
  }

  @Test
  void offline_readsSkipTheWebhookAndDeletesInKubeSystemFallToFailurePolicyDeny() throws Exception {
    Path config = config(unreachable(), "Deny");
    AuthCommandTest.Run read = canI(config, "get", "pods", "-n", "kube-system", "-o", "json");
    assertThat(read.code()).isZero();
    JsonNode hook = read.json().at("/authorizers/1");
    assertThat(hook.get("name").asText()).isEqualTo("system-crd-protector");
    assertThat(hook.at("/matchConditions/selects").asBoolean()).isFalse();
    assertThat(hook.at("/matchConditions/falseCondition").asText())
        .isEqualTo("request.resourceAttributes.verb in ['update', 'delete', 'deletecollection']");
    assertThat(hook.get("called").asBoolean()).isFalse();
    assertThat(read.json().at("/decidedBy/type").asText()).isEqualTo("RBAC");

    AuthCommandTest.Run delete = canI(config, "delete", "pods", "-n", "kube-system");
    assertThat(delete.code()).isEqualTo(1);
    assertThat(delete.out()).startsWith("no - Post \"https://127.0.0.1:")
        .endsWith("/authorize\": dial tcp 127.0.0.1:" + port(delete.out()) + ": connect: connection refused\n");
    assertThat(delete.err()).startsWith("Note: webhook authorizer system-crd-protector selects this"
        + " request but could not be called (").endsWith("); its failurePolicy Deny decided\n");

    assertThat(canI(config, "delete", "pods", "-n", "default").out()).isEqualTo("yes\n");
  }

  @Test
  void offline_failurePolicyNoOpinion_letsRbacDecide() throws Exception {
    Path config = config(unreachable(), "NoOpinion");
    AuthCommandTest.Run delete = canI(config, "delete", "pods", "-n", "kube-system", "-o", "json");
    assertThat(delete.code()).isZero();
    assertThat(delete.json().at("/authorizers/1/reachable").asBoolean()).isFalse();
    assertThat(delete.json().at("/decidedBy/name").asText()).isEqualTo("rbac");
  }

  @Test
  void liveWebhook_deniesDeletesInKubeSystemAndIsNeverAskedAboutReads() throws Exception {
    try (TestWebhookServer server = TestWebhookServer.start(
        b -> TestWebhookServer.Response.review(false, true, "kube-system is protected"))) {
      Path config = config(server.writeKubeconfig(dir.resolve("live.kubeconfig"), ""), "Deny");
      assertThat(canI(config, "get", "pods", "-n", "kube-system").out()).isEqualTo("yes\n");
      assertThat(canI(config, "list", "secrets", "-n", "kube-system").out()).isEqualTo("yes\n");
      assertThat(server.requests()).isEmpty();
      AuthCommandTest.Run delete = canI(config, "delete", "pods", "coredns", "-n", "kube-system");
      assertThat(delete.out()).isEqualTo("no - kube-system is protected\n");
      assertThat(delete.code()).isEqualTo(1);
      assertThat(server.requests()).hasSize(1);
      assertThat(server.requests().get(0).at("/spec/resourceAttributes").toString()).isEqualTo(
          "{\"namespace\":\"kube-system\",\"verb\":\"delete\",\"version\":\"v1\","
              + "\"resource\":\"pods\",\"name\":\"coredns\"}");
      AuthCommandTest.Run other = canI(config, "delete", "pods", "coredns", "-n", "team-a");
      assertThat(other.out()).isEqualTo("yes\n");
      assertThat(server.requests()).hasSize(1);
    }
  }

  @Test
  void whoCan_deleteInKubeSystem_listsRbacSubjectsAndTheProtectorAsConsulted() throws Exception {
    Path config = config(unreachable(), "Deny");
    AuthCommandTest.Run r = run("auth", "who-can", "delete", "pods", "-n", "kube-system",
        "--cluster", CLUSTER, "--authorization-config", config.toString(), "-o", "json");
    assertThat(r.code()).isZero();
    assertThat(r.json().at("/subjects/0/name").asText()).isEqualTo("system:masters");
    // Nodes may delete (mirror) pods: the Node authorizer comes before RBAC in this chain.
    assertThat(r.json().at("/subjects/1/name").asText()).isEqualTo("system:nodes");
    assertThat(r.json().at("/subjects/1/via/0/authorizer/type").asText()).isEqualTo("Node");
    assertThat(r.json().at("/subjects/2/name").asText()).isEqualTo("ops");
    JsonNode hook = r.json().at("/webhooksConsulted/0");
    assertThat(hook.get("name").asText()).isEqualTo("system-crd-protector");
    assertThat(hook.get("failurePolicy").asText()).isEqualTo("Deny");
    assertThat(hook.get("note").asText()).isEqualTo("its matchConditions select this request; it"
        + " is asked before RBAC: it may deny subjects listed here, or allow others");
    AuthCommandTest.Run reads = run("auth", "who-can", "get", "pods", "-n", "kube-system",
        "--cluster", CLUSTER, "--authorization-config", config.toString(), "-o", "json");
    assertThat(reads.json().get("webhooksConsulted").size()).isZero();
  }

  @Test
  void invalidConfiguration_reportsEveryErrorAndExitsTwo() throws Exception {
    Path config = Files.writeString(dir.resolve("bad.yaml"), """
        apiVersion: apiserver.config.k8s.io/v1beta1
        kind: AuthorizationConfiguration
        authorizers:
        - type: Webhook
          name: Protector
          webhook:
            timeout: 45s
            subjectAccessReviewVersion: v1
            failurePolicy: Deny
            connectionInfo: {type: KubeConfigFile, kubeConfigFile: relative.kubeconfig}
        """);
    AuthCommandTest.Run r = run("auth", "can-i", "get", "pods", "--as", "x", "--cluster", CLUSTER,
        "--authorization-config", config.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo(config + ": authorizers[0].name: Invalid value: \"Protector\":"
        + " authorizer name is invalid: a lowercase RFC 1123 subdomain must consist of lower case"
        + " alphanumeric characters, '-' or '.', and must start and end with an alphanumeric"
        + " character (e.g. 'example.com', regex used for validation is"
        + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n"
        + config + ": authorizers[0].timeout: Invalid value: \"45s\": must be > 0s and <= 30s\n"
        + config + ": authorizers[0].connectionInfo.kubeConfigFile: Invalid value:"
        + " \"relative.kubeconfig\": must be an absolute path\n"
        + "error: invalid --authorization-config " + config + "\n");
  }

  private static String port(String out) {
    int start = out.indexOf("127.0.0.1:") + "127.0.0.1:".length();
    return out.substring(start, out.indexOf('/', start));
  }
}
