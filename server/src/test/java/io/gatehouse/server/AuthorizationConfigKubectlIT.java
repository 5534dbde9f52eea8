package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.auth.webhook.TestWebhookServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * {@code --authorization-config} end to end with the real kubectl 1.33 and 1.30: the release
 * notes' example (a webhook named {@code system-crd-protector}, consulted before Node and RBAC
 * only for updates and deletes in kube-system) against a real HTTPS webhook on loopback, the 500
 * upstream answers when the webhook is down under {@code failurePolicy: Deny}, and reloading the
 * file (a new valid file takes effect, an invalid one is rejected and counted in {@code
 * /metrics}).
 */
class AuthorizationConfigKubectlIT {

  // Set by the server's setup, before the server starts: it reads the config naming the webhook.
  private static TestWebhookServer webhook;
  private static Path config;
  private static Path up;
  private static Path down;

  @RegisterExtension
  static final KubectlServer server = KubectlServer.builder()
      .token("ops-token", "ops", "2001", "ops")
      .token("node-token", "system:node:n1", "3001", "system:nodes")
      .setup(AuthorizationConfigKubectlIT::webhookAndConfig)
      .build();

  private static void webhookAndConfig(Path dir, ServerOptions.Builder options) throws Exception {
    webhook = TestWebhookServer.start(review -> {
      boolean delete = review.path("spec").path("resourceAttributes").path("verb").asText()
          .equals("delete");
      return TestWebhookServer.Response.review(false, delete,
          delete ? "protected by system-crd-protector" : "");
    });
    up = webhook.writeKubeconfig(dir.resolve("up.kubeconfig"), "");
    TestWebhookServer gone =
        TestWebhookServer.start(r -> TestWebhookServer.Response.review(true, false, ""));
    down = gone.writeKubeconfig(dir.resolve("down.kubeconfig"), "");
    gone.close();
    config = dir.resolve("authz.yaml");
    writeConfig(up, "Deny");
    options.authorizationConfig(config)
        .authorizationConfigPollInterval(Duration.ofMillis(200));
  }

  @BeforeAll
  static void opsEdits() {
    server.createAsAdmin(Kubectl.dispatcher(), "rbac.yaml", """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: ops-edit}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
        subjects: [{apiGroup: rbac.authorization.k8s.io, kind: Group, name: ops}]
        """);
  }

  @AfterAll
  static void stopWebhook() {
    if (webhook != null) {
      webhook.close();
    }
  }

  private static void writeConfig(Path kubeconfig, String failurePolicy) throws Exception {
    Files.writeString(config, """
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
            - expression: has(request.resourceAttributes)
            - expression: request.resourceAttributes.namespace == 'kube-system'
            - expression: "!('system:serviceaccounts:kube-system' in request.groups)"
            - expression: request.resourceAttributes.verb in ['update', 'delete', 'deletecollection']
        - type: Node
          name: node
        - type: RBAC
          name: rbac
        """.formatted(failurePolicy, kubeconfig));
  }

  private static Kubectl.Result ops(Kubectl k, String... args) {
    return server.withToken(k, "ops-token", args);
  }

  private static Kubectl.Result node(Kubectl k, String... args) {
    return server.withToken(k, "node-token", args);
  }

  private static void configMap(Kubectl k, String ns, String name) {
    server.createAsAdmin(k, ns + "-" + name + ".yaml", "apiVersion: v1\nkind: ConfigMap\n"
        + "metadata:\n  name: " + name + "\n  namespace: " + ns + "\n");
  }

  private static long reviewsFor(String name) {
    return webhook.requests().stream().map(JsonNode::toString)
        .filter(s -> s.contains("\"name\":\"" + name + "\"")).count();
  }

  @ParameterizedTest(name = "{0}")
  @KubectlVersions
  void releaseNotesExample_webhookOnlyForKubeSystemWrites_thenFailurePolicyAndReload(Kubectl k)
      throws Exception {
    String v = k.tag();
    writeConfig(up, "Deny");
    String kept = "kept-" + v;
    configMap(k, "kube-system", kept);
    Eventually.until(() -> ops(k, "-n", "kube-system", "delete", "cm", kept),
        r -> r.stderr().contains("protected by system-crd-protector"));

    long before = reviewsFor(kept);
    assertThat(before).isPositive();
    Kubectl.Result read = ops(k, "-n", "kube-system", "get", "cm", kept);
    assertThat(read.exitCode()).as(read.stderr()).isZero();
    Kubectl.Result denied = ops(k, "-n", "kube-system", "delete", "cm", kept);
    assertThat(denied.exitCode()).isEqualTo(1);
    assertThat(denied.stderr().lines()).contains("Error from server (Forbidden): configmaps \""
        + kept + "\" is forbidden: User \"ops\" cannot delete resource \"configmaps\" in API group "
        + "\"\" in the namespace \"kube-system\": protected by system-crd-protector");
    // Reads never reach the webhook; the denial itself is cached (unauthorizedTTL: 30s).
    assertThat(reviewsFor(kept)).isEqualTo(before);

    String other = "other-" + v;
    configMap(k, "default", other);
    Kubectl.Result deleted = ops(k, "-n", "default", "delete", "cm", other);
    assertThat(deleted.stdout()).as(deleted.stderr()).contains("configmap \"" + other + "\" deleted");
    assertThat(reviewsFor(other)).isZero();

    writeConfig(down, "Deny");
    Kubectl.Result failed = Eventually.until(
        () -> ops(k, "-n", "kube-system", "delete", "cm", kept),
        r -> r.stderr().contains("InternalError"));
    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.stderr()).contains("Error from server (InternalError): an error on the "
        + "server (\"Internal Server Error: \\\"/api/v1/namespaces/kube-system/configmaps/" + kept
        + "\\\": Post \\\"https://127.0.0.1:").contains("connect: connection refused");

    writeConfig(down, "NoOpinion");
    Kubectl.Result allowed =
        Eventually.succeeds(() -> ops(k, "-n", "kube-system", "delete", "cm", kept));
    assertThat(allowed.stdout()).as(allowed.stderr()).contains("configmap \"" + kept + "\" deleted");

    Files.writeString(config, "apiVersion: apiserver.config.k8s.io/v1\nkind: "
        + "AuthorizationConfiguration\nauthorizers:\n- {type: RBAC, name: wrong}\n");
    Kubectl.Result metrics = Eventually.until(() -> server.admin(k, "get", "--raw", "/metrics"),
        r -> r.stdout().contains("status=\"failure\"} "));
    assertThat(metrics.stdout()).contains(
        "# TYPE apiserver_authorization_config_controller_automatic_reloads_total counter\n")
        .containsPattern("apiserver_authorization_config_controller_automatic_reloads_total\\{"
            + "apiserver_id_hash=\"sha256:[0-9a-f]{64}\",status=\"success\"} [1-9]");
    String survivor = "survivor-" + v;
    configMap(k, "kube-system", survivor);
    Kubectl.Result stillRbac = ops(k, "-n", "kube-system", "delete", "cm", survivor);
    assertThat(stillRbac.stdout()).as(stillRbac.stderr())
        .contains("configmap \"" + survivor + "\" deleted");
    assertThat(List.of(server.admin(k, "-n", "kube-system", "get", "cm", survivor).exitCode()))
        .containsExactly(1);
  }

  /** SelfSubjectAccessReview and SelfSubjectRulesReview (JSON from 1.30, protobuf from 1.33). */
  @ParameterizedTest(name = "{0}")
  @KubectlVersions
  void reviews_askTheConfiguredChainWebhookIncluded(Kubectl k) throws Exception {
    writeConfig(up, "Deny");
    Kubectl.Result no = Eventually.until(() -> ops(k, "auth", "can-i", "delete", "configmaps",
        "-n", "kube-system"), r -> r.stdout().contains("protected"));
    assertThat(no.exitCode()).as(no.stderr()).isEqualTo(1);
    assertThat(no.stdout()).isEqualTo("no - protected by system-crd-protector\n");
    Kubectl.Result read = ops(k, "auth", "can-i", "get", "configmaps", "-n", "kube-system");
    assertThat(read.stdout()).as(read.stderr()).isEqualTo("yes\n");
    Kubectl.Result list = ops(k, "auth", "can-i", "--list", "-n", "kube-system");
    assertThat(list.exitCode()).as(list.stderr()).isZero();
    assertThat(list.stderr()).isEqualTo("Warning: the list may be incomplete: webhook authorizer "
        + "does not support user rule resolution\n");
    assertThat(list.stdout()).contains("configmaps");
  }

  @ParameterizedTest(name = "{0}")
  @KubectlVersions
  void nodeRestriction_nodeWritesOnlyMirrorPodsAndItsOwnNode(Kubectl k) throws Exception {
    String ns = "restrict-" + k.tag();
    Path setup = server.write(ns + ".yaml", """
        apiVersion: v1
        kind: Namespace
        metadata: {name: %1$s}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: elsewhere, namespace: %1$s}
        spec: {nodeName: n2, containers: [{name: app, image: nginx}]}
        """.formatted(ns));
    Kubectl.Result created = server.admin(k, "create", "-f", setup.toString());
    assertThat(created.exitCode()).as(created.stderr()).isZero();

    Path plain = server.write(ns + "-plain.yaml", """
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: %s}
        spec: {nodeName: n1, containers: [{name: app, image: nginx}]}
        """.formatted(ns));
    Kubectl.Result pod = node(k, "create", "-f", plain.toString());
    assertThat(pod.exitCode()).isEqualTo(1);
    assertThat(pod.stderr()).contains("pods \"web\" is forbidden: pod does not have "
        + "\"kubernetes.io/config.mirror\" annotation, node \"n1\" can only create mirror pods");

    Kubectl.Result delete = node(k, "-n", ns, "delete", "pod", "elsewhere");
    assertThat(delete.stderr().lines()).contains("Error from server (Forbidden): pods "
        + "\"elsewhere\" is forbidden: node \"n1\" can only delete pods with spec.nodeName set to "
        + "itself");

    Path other = server.write(ns + "-node.yaml",
        "apiVersion: v1\nkind: Node\nmetadata: {name: n2-" + ns + "}\n");
    Kubectl.Result nodeObject = node(k, "create", "-f", other.toString());
    assertThat(nodeObject.stderr()).contains("nodes \"n2-" + ns + "\" is forbidden: node \"n1\" "
        + "is not allowed to modify node \"n2-" + ns + "\"");
  }

  @ParameterizedTest(name = "{0}")
  @KubectlVersions
  void nodeAuthorizer_nodeReadsOnlySecretsOfItsPods(Kubectl k) throws Exception {
    String ns = "node-" + k.tag();
    Path objects = server.write(ns + ".yaml", """
        apiVersion: v1
        kind: Namespace
        metadata: {name: %1$s}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: mounted, namespace: %1$s}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: unrelated, namespace: %1$s}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: app, namespace: %1$s}
        spec:
          nodeName: n1
          containers: [{name: app, image: nginx}]
          volumes: [{name: s, secret: {secretName: mounted}}]
        """.formatted(ns));
    Kubectl.Result created = server.admin(k, "create", "-f", objects.toString());
    assertThat(created.exitCode()).as(created.stderr()).isZero();
    Kubectl.Result mounted =
        Eventually.succeeds(() -> node(k, "-n", ns, "get", "secret", "mounted"));
    assertThat(mounted.exitCode()).as(mounted.stderr()).isZero();
    Kubectl.Result unrelated = node(k, "-n", ns, "get", "secret", "unrelated");
    assertThat(unrelated.stderr().lines()).contains("Error from server (Forbidden): secrets "
        + "\"unrelated\" is forbidden: User \"system:node:n1\" cannot get resource \"secrets\" in "
        + "API group \"\" in the namespace \"" + ns + "\": no relationship found between node 'n1' "
        + "and this object");
  }
}
