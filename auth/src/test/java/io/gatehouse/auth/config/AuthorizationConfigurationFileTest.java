package io.gatehouse.auth.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.auth.cel.MatchConditionCompiler;
import io.gatehouse.cel.KubernetesVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Loading and validating AuthorizationConfiguration files: upstream's paths and texts. */
class AuthorizationConfigurationFileTest {

  private static final MatchConditionCompiler COMPILER =
      MatchConditionCompiler.create(KubernetesVersion.DEFAULT);

  @TempDir static Path dir;
  private static String kubeconfig;

  @BeforeAll
  static void writeKubeconfig() throws Exception {
    kubeconfig = dir.resolve("webhook.kubeconfig").toString();
    Files.writeString(Path.of(kubeconfig), "apiVersion: v1\nkind: Config\n");
  }

  private record Case(String name, String yaml, List<String> errors) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static String config(String authorizers) {
    return "apiVersion: apiserver.config.k8s.io/v1\nkind: AuthorizationConfiguration\n"
        + "authorizers:\n" + authorizers;
  }

  /** A valid webhook authorizer with {@code extra} lines added to its webhook block. */
  private static String webhook(String name, String webhookBody) {
    return "- type: Webhook\n  name: " + name + "\n  webhook:\n" + webhookBody;
  }

  private static String validWebhookBody() {
    return "    timeout: 3s\n    subjectAccessReviewVersion: v1\n    failurePolicy: Deny\n"
        + "    connectionInfo:\n      type: KubeConfigFile\n      kubeConfigFile: " + kubeconfig + "\n";
  }

  static Stream<Case> invalid() {
    String body = validWebhookBody();
    return Stream.of(
        new Case("no authorizers", "apiVersion: apiserver.config.k8s.io/v1beta1\n"
            + "kind: AuthorizationConfiguration\n",
            List.of("authorizers: Required value: at least one authorization mode must be defined")),
        new Case("type missing", config("- name: x\n"),
            List.of("authorizers[0].type: Required value")),
        new Case("type unknown", config("- type: Foo\n  name: foo\n"),
            List.of("authorizers[0].type: Unsupported value: \"Foo\": supported values: \"ABAC\","
                + " \"AlwaysAllow\", \"AlwaysDeny\", \"Node\", \"RBAC\", \"Webhook\"")),
        new Case("RBAC twice", config("- type: RBAC\n  name: rbac\n- type: RBAC\n  name: rbac2\n"),
            List.of("authorizers[1].type: Duplicate value: \"RBAC\"")),
        new Case("name missing and invalid", config("- type: RBAC\n- type: Node\n  name: Node_1\n"),
            List.of("authorizers[0].name: Required value",
                "authorizers[1].name: Invalid value: \"Node_1\": authorizer name is invalid: a"
                    + " lowercase RFC 1123 subdomain must consist of lower case alphanumeric"
                    + " characters, '-' or '.', and must start and end with an alphanumeric"
                    + " character (e.g. 'example.com', regex used for validation is"
                    + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')")),
        new Case("name duplicate", config(webhook("w", body) + webhook("w", body)),
            List.of("authorizers[1].name: Duplicate value: \"w\"")),
        new Case("webhook missing", config("- type: Webhook\n  name: w\n"),
            List.of("authorizers[0].webhook: Required value: required when type=Webhook")),
        new Case("webhook on RBAC", config("- type: RBAC\n  name: rbac\n  webhook: {}\n"),
            List.of("authorizers[0].webhook: Invalid value: \"non-null\": may only be specified"
                + " when type=Webhook")),
        new Case("empty webhook", config("- type: Webhook\n  name: w\n  webhook: {}\n"),
            List.of("authorizers[0].timeout: Required value",
                "authorizers[0].subjectAccessReviewVersion: Required value",
                "authorizers[0].failurePolicy: Required value",
                "authorizers[0].connectionInfo.type: Required value")),
        new Case("bad values", config(webhook("w", "    timeout: 31s\n"
            + "    unauthorizedTTL: -5s\n    subjectAccessReviewVersion: v2\n"
            + "    matchConditionSubjectAccessReviewVersion: v1beta1\n    failurePolicy: Allow\n"
            + "    connectionInfo:\n      type: KubeConfig\n")),
            List.of("authorizers[0].timeout: Invalid value: \"31s\": must be > 0s and <= 30s",
                "authorizers[0].unauthorizedTTL: Invalid value: \"-5s\": must be > 0s",
                "authorizers[0].subjectAccessReviewVersion: Unsupported value: \"v2\": supported"
                    + " values: \"v1\", \"v1beta1\"",
                "authorizers[0].matchConditionSubjectAccessReviewVersion: Unsupported value:"
                    + " \"v1beta1\": supported values: \"v1\"",
                "authorizers[0].failurePolicy: Unsupported value: \"Allow\": supported values:"
                    + " \"NoOpinion\", \"Deny\"",
                "authorizers[0].connectionInfo.type: Unsupported value:"
                    + " apiserver.WebhookConnectionInfo{Type:\"KubeConfig\","
                    + " KubeConfigFile:(*string)(nil)}: supported values: \"InClusterConfig\","
                    + " \"KubeConfigFile\"")),
        new Case("kubeconfig relative", config(webhook("w", body.replace(kubeconfig, "rel.yaml"))),
            List.of("authorizers[0].connectionInfo.kubeConfigFile: Invalid value: \"rel.yaml\":"
                + " must be an absolute path")),
        new Case("kubeconfig missing", config(webhook("w", body.replace(kubeconfig, "/nonexistent/k"))),
            List.of("authorizers[0].connectionInfo.kubeConfigFile: Invalid value: \"/nonexistent/k\":"
                + " error loading file: stat /nonexistent/k: no such file or directory")),
        new Case("kubeconfig directory", config(webhook("w", body.replace(kubeconfig, "/tmp"))),
            List.of("authorizers[0].connectionInfo.kubeConfigFile: Invalid value: \"/tmp\": must"
                + " be a regular file")),
        new Case("in-cluster with file", config(webhook("w", body.replace("type: KubeConfigFile",
            "type: InClusterConfig"))),
            List.of("authorizers[0].connectionInfo.kubeConfigFile: Invalid value: \"" + kubeconfig
                + "\": can only be set when type=KubeConfigFile")),
        new Case("matchConditions without version", config(webhook("w", body
            + "    matchConditions:\n    - expression: 'true'\n")),
            List.of("authorizers[0].matchConditionSubjectAccessReviewVersion: Required value:"
                + " required if match conditions are specified")),
        new Case("matchConditions invalid", config(webhook("w", body
            + "    matchConditionSubjectAccessReviewVersion: v1\n    matchConditions:\n"
            + "    - expression: ' '\n    - expression: request.user == 'a'\n"
            + "    - expression: request.user == 'a'\n    - expression: request.nope\n"
            + "    - expression: size(request.groups)\n")),
            List.of("authorizers[0].matchConditions[0].expression: Required value",
                "authorizers[0].matchConditions[2].expression: Duplicate value: \"request.user =="
                    + " 'a'\"",
                "authorizers[0].matchConditions[3].expression: Invalid value: \"request.nope\":"
                    + " compilation failed: ERROR: <input>:1:8: undefined field 'nope'\n"
                    + " | request.nope\n | .......^",
                "authorizers[0].matchConditions[4].expression: Invalid value:"
                    + " \"size(request.groups)\": must evaluate to bool but got int")),
        new Case("65 matchConditions", config(webhook("w", body
            + "    matchConditionSubjectAccessReviewVersion: v1\n    matchConditions:\n"
            + String.join("", Collections.nCopies(65, "    - expression: 'true'\n")))),
            List.of("authorizers[0].matchConditions: Too many: 65: must have at most 64 items")),
        new Case("kube-apiserver names", config("- type: RBAC\n  name: my-rbac\n"
            + "- type: AlwaysDeny\n  name: alwaysdeny\n"),
            List.of("expected name rbac for authorizer RBAC instead of my-rbac")),
        new Case("unknown fields", config("- type: RBAC\n  name: rbac\n  nmae: x\n") + "extra: 1\n",
            List.of("failed to load AuthorizationConfiguration from file: strict decoding error:"
                + " unknown field \"extra\", unknown field \"authorizers[0].nmae\"")),
        new Case("unknown version", "apiVersion: apiserver.config.k8s.io/v99\n"
            + "kind: AuthorizationConfiguration\nauthorizers: []\n",
            List.of("failed to load AuthorizationConfiguration from file: no kind"
                + " \"AuthorizationConfiguration\" is registered for version"
                + " \"apiserver.config.k8s.io/v99\" in scheme"
                + " \"k8s.io/apiserver/pkg/apis/apiserver/load/load.go:30\"")),
        new Case("bad duration", config(webhook("w", "    timeout: 3x\n")),
            List.of("failed to load AuthorizationConfiguration from file: time: invalid duration"
                + " \"3x\"")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void load_invalidConfiguration_reportsEveryErrorWithItsPath(Case c) {
    AuthorizationConfigurationFile.Result r = AuthorizationConfigurationFile.decode(
        "config.yaml", c.yaml().getBytes(StandardCharsets.UTF_8), COMPILER);
    assertThat(r).isInstanceOf(AuthorizationConfigurationFile.Invalid.class);
    assertThat(((AuthorizationConfigurationFile.Invalid) r).errors()).containsExactlyElementsOf(c.errors());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("versions")
  void load_everyApiVersion_defaultsTheWebhookTtls(String version) {
    String yaml = ("apiVersion: apiserver.config.k8s.io/" + version + "\n"
        + "kind: AuthorizationConfiguration\nauthorizers:\n") + webhook("w", validWebhookBody())
        + "- type: RBAC\n  name: rbac\n";
    AuthorizationConfigurationFile.Result r = AuthorizationConfigurationFile.decode(
        "c.yaml", yaml.getBytes(StandardCharsets.UTF_8), COMPILER);
    assertThat(r).isInstanceOf(AuthorizationConfigurationFile.Valid.class);
    AuthorizationConfiguration config = ((AuthorizationConfigurationFile.Valid) r).configuration();
    assertThat(config.authorizers()).extracting(AuthorizerConfiguration::type)
        .containsExactly("Webhook", "RBAC");
    WebhookConfiguration w = config.authorizers().get(0).webhook();
    assertThat(w).isEqualTo(new WebhookConfiguration(Duration.ofMinutes(5), Duration.ofSeconds(30),
        Duration.ofSeconds(3), "v1", "", "Deny",
        new WebhookConnectionInfo("KubeConfigFile", kubeconfig), List.of()));
  }

  static Stream<String> versions() {
    return Stream.of("v1", "v1beta1", "v1alpha1");
  }

  @Test
  void load_missingFile_namesTheFile() {
    AuthorizationConfigurationFile.Result r =
        AuthorizationConfigurationFile.load(dir.resolve("absent.yaml"), COMPILER);
    assertThat(((AuthorizationConfigurationFile.Invalid) r).errors()).containsExactly(
        "failed to load AuthorizationConfiguration from file: open " + dir.resolve("absent.yaml")
            + ": no such file or directory");
  }

  @Test
  void aggregated_severalErrors_printsUpstreamsAggregate() {
    AuthorizationConfigurationFile.Invalid r = (AuthorizationConfigurationFile.Invalid)
        AuthorizationConfigurationFile.decode("c", config("- name: a\n- name: b\n")
            .getBytes(StandardCharsets.UTF_8), COMPILER);
    assertThat(r.aggregated()).isEqualTo(
        "[authorizers[0].type: Required value, authorizers[1].type: Required value]");
  }
}
