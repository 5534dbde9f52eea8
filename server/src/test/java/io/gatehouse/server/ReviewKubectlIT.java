package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The review APIs end to end with the real kubectl: {@code auth can-i} (SelfSubjectAccessReview),
 * {@code auth can-i --list} (SelfSubjectRulesReview) and {@code auth whoami} (SelfSubjectReview)
 * with kubectl 1.30 (JSON bodies) and 1.33 (protobuf bodies); {@code create -f} of a
 * SubjectAccessReview and a TokenReview with both (JSON bodies); {@code whoami} of kubectl 1.27
 * (the v1beta1 path).
 * Each kubectl works in its own namespace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewKubectlIT {

  private Path dir;
  private GatehouseServer server;

  @BeforeAll
  void start(@TempDir Path tempDir) throws Exception {
    dir = tempDir;
    Path tokens = dir.resolve("tokens.csv");
    Files.writeString(tokens, "jane-token,jane,1001,\"devs\"\n"
        + "reviewer-token,reviewer,1002,\"reviewers\"\n");
    server = GatehouseServer.start(ServerOptions.builder().dataDir(dir.resolve("data"))
        .securePort(0).tokenAuthFile(tokens)
        .projectVersion("0.1.0").build());
    apply(Kubectl.available().get(0), "delegator", """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: reviewer-auth-delegator}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: system:auth-delegator}
        subjects: [{apiGroup: rbac.authorization.k8s.io, kind: Group, name: reviewers}]
        """);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  /** 1.30 sends the self reviews as JSON, 1.33 as protobuf. */
  static Stream<Kubectl> selfReviewKubectls() {
    return Kubectl.available("1.33", "1.30").stream().filter(k -> !k.label().equals("kubectl"));
  }

  static Stream<Kubectl> kubectls() {
    return Kubectl.available("1.33", "1.30").stream().filter(k -> !k.label().equals("kubectl"));
  }

  private Kubectl.Result admin(Kubectl k, String... args) {
    return k.run(dir, Stream.concat(Stream.of("--kubeconfig=" + server.kubeconfig()),
        Stream.of(args)).toArray(String[]::new));
  }

  private Kubectl.Result token(Kubectl k, String token, String... args) {
    return k.run(dir, Stream.concat(Stream.of("--server=" + server.url(),
        "--certificate-authority=" + dir.resolve("data/pki/ca.crt"), "--token=" + token),
        Stream.of(args)).toArray(String[]::new));
  }

  private static String ns(Kubectl k, String base) {
    return base + "-" + k.label().replace("kubectl.", "").replace(".", "");
  }

  private void apply(Kubectl k, String name, String yaml) throws Exception {
    Path file = dir.resolve(name + ".yaml");
    Files.writeString(file, yaml);
    Kubectl.Result r = admin(k, "create", "--validate=false", "-f", file.toString());
    assertThat(r.exitCode()).as(r.stderr()).isZero();
  }

  private static Kubectl.Result until(Supplier<Kubectl.Result> run, int exitCode)
      throws Exception {
    Kubectl.Result r = run.get();
    for (int i = 0; i < 30 && r.exitCode() != exitCode; i++) {
      Thread.sleep(100);
      r = run.get();
    }
    return r;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("selfReviewKubectls")
  void canI_asJane_noThenYesAroundARoleBinding(Kubectl k) throws Exception {
    String ns = ns(k, "cani");
    apply(k, ns, "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + ns + "\n");

    Kubectl.Result no = admin(k, "auth", "can-i", "create", "pods", "--as=jane", "-n", ns);
    assertThat(no.exitCode()).as(no.stderr()).isEqualTo(1);
    assertThat(no.stdout()).isEqualTo("no\n");

    apply(k, ns + "-rb", """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: jane-edit, namespace: %s}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
        subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: jane}]
        """.formatted(ns));
    Kubectl.Result yes = until(() -> admin(k, "auth", "can-i", "create", "pods", "--as=jane",
        "-n", ns), 0);
    assertThat(yes.stdout()).as(yes.stderr()).isEqualTo("yes\n");
    Kubectl.Result own = token(k, "jane-token", "auth", "can-i", "delete", "deployments.apps",
        "-n", ns);
    assertThat(own.stdout()).as(own.stderr()).isEqualTo("yes\n");
    Kubectl.Result secretsElsewhere = token(k, "jane-token", "auth", "can-i", "get", "secrets",
        "-n", "default");
    assertThat(secretsElsewhere.exitCode()).isEqualTo(1);
    assertThat(secretsElsewhere.stdout()).isEqualTo("no\n");
    Kubectl.Result nonResource = token(k, "jane-token", "auth", "can-i", "get", "/healthz");
    assertThat(nonResource.stdout()).as(nonResource.stderr()).isEqualTo("yes\n");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("selfReviewKubectls")
  void canIList_rulesOfTheUserInTheNamespace(Kubectl k) throws Exception {
    String ns = ns(k, "list");
    apply(k, ns, """
        apiVersion: v1
        kind: Namespace
        metadata: {name: %1$s}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: cm-reader, namespace: %1$s}
        rules: [{apiGroups: [""], resources: [configmaps], resourceNames: [app], verbs: [get, watch]}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: jane-cm, namespace: %1$s}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: cm-reader}
        subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: jane}]
        """.formatted(ns));
    Kubectl.Result list = until(() -> {
      Kubectl.Result r = token(k, "jane-token", "auth", "can-i", "--list", "-n", ns);
      return r.stdout().contains("configmaps") ? r : new Kubectl.Result(1, r.stdout(), r.stderr());
    }, 0);
    assertThat(list.exitCode()).as(list.stderr()).isZero();
    assertThat(list.stderr()).doesNotContain("incomplete");
    List<String> rows = list.stdout().lines().map(l -> l.replaceAll("\\s+", " ").strip()).toList();
    assertThat(rows).first().isEqualTo("Resources Non-Resource URLs Resource Names Verbs");
    assertThat(rows).contains(
        "selfsubjectaccessreviews.authorization.k8s.io [] [] [create]",
        "configmaps [] [app] [get watch]",
        "[/healthz] [] [get]");
    Kubectl.Result elsewhere = token(k, "jane-token", "auth", "can-i", "--list", "-n", "default");
    assertThat(elsewhere.stdout()).doesNotContain("configmaps");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("selfReviewKubectls")
  void whoami_adminAndImpersonatedUser(Kubectl k) {
    Kubectl.Result admin = admin(k, "auth", "whoami");
    assertThat(admin.exitCode()).as(admin.stderr()).isZero();
    assertThat(admin.stdout().lines().map(l -> l.replaceAll("\\s+", " ").strip()).toList())
        .containsExactly("ATTRIBUTE VALUE", "Username kubernetes-admin",
            "Groups [system:masters system:authenticated]");
    Kubectl.Result jane = admin(k, "auth", "whoami", "--as=jane", "--as-group=devs",
        "--as-uid=1001", "-o", "json");
    assertThat(jane.exitCode()).as(jane.stderr()).isZero();
    assertThat(jane.stdout()).contains("\"kind\": \"SelfSubjectReview\"",
        "\"apiVersion\": \"authentication.k8s.io/v1\"", "\"username\": \"jane\"",
        "\"uid\": \"1001\"").containsPattern("\"creationTimestamp\": \"\\d{4}-\\d\\d-\\d\\dT");
    Kubectl.Result token = token(k, "jane-token", "auth", "whoami");
    assertThat(token.stdout().lines().map(l -> l.replaceAll("\\s+", " ").strip()).toList())
        .containsExactly("ATTRIBUTE VALUE", "Username jane", "UID 1001",
            "Groups [devs system:authenticated]");
  }

  static Stream<Kubectl> betaWhoamiKubectls() {
    return Kubectl.available("1.27").stream().filter(k -> !k.label().equals("kubectl"));
  }

  /** kubectl 1.27 asks {@code authentication.k8s.io/v1beta1}, which discovery does not list. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("betaWhoamiKubectls")
  void whoami_kubectl127_v1beta1Path(Kubectl k) {
    Kubectl.Result jane = token(k, "jane-token", "auth", "whoami", "-o", "jsonpath={.apiVersion} "
        + "{.status.userInfo.username}");
    assertThat(jane.stdout()).as(jane.stderr()).isEqualTo("authentication.k8s.io/v1beta1 jane");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kubectls")
  void createSubjectAccessReview_statusFilledAsYaml(Kubectl k) throws Exception {
    String ns = ns(k, "sar");
    apply(k, ns, """
        apiVersion: v1
        kind: Namespace
        metadata: {name: %1$s}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: devs-view, namespace: %1$s}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
        subjects: [{apiGroup: rbac.authorization.k8s.io, kind: Group, name: devs}]
        """.formatted(ns));
    Path sar = dir.resolve(ns + "-sar.yaml");
    Files.writeString(sar, """
        apiVersion: authorization.k8s.io/v1
        kind: SubjectAccessReview
        spec:
          user: someone
          groups: [devs]
          resourceAttributes: {namespace: %s, verb: list, resource: pods}
        """.formatted(ns));
    Kubectl.Result r = until(() -> {
      Kubectl.Result x = token(k, "reviewer-token", "create", "--validate=false", "-f",
          sar.toString(), "-o", "yaml");
      return x.stdout().contains("allowed: true") ? x : new Kubectl.Result(1, x.stdout(), x.stderr());
    }, 0);
    assertThat(r.stdout()).as(r.stderr()).isEqualTo("""
        apiVersion: authorization.k8s.io/v1
        kind: SubjectAccessReview
        metadata:
          creationTimestamp: null
        spec:
          groups:
          - devs
          resourceAttributes:
            namespace: %s
            resource: pods
            verb: list
          user: someone
        status:
          allowed: true
          reason: 'RBAC: allowed by RoleBinding "devs-view/%s" of ClusterRole "view"
            to Group "devs"'
        """.formatted(ns, ns));

    Kubectl.Result forbidden = token(k, "jane-token", "create", "--validate=false", "-f",
        sar.toString());
    assertThat(forbidden.exitCode()).isEqualTo(1);
    assertThat(forbidden.stderr()).contains("subjectaccessreviews.authorization.k8s.io is "
        + "forbidden: User \"jane\" cannot create resource \"subjectaccessreviews\" in API group "
        + "\"authorization.k8s.io\" at the cluster scope");

    Path invalid = dir.resolve(ns + "-invalid.yaml");
    Files.writeString(invalid, """
        apiVersion: authorization.k8s.io/v1
        kind: SubjectAccessReview
        spec:
          nonResourceAttributes: {path: /healthz, verb: get}
        """);
    Kubectl.Result rejected = admin(k, "create", "--validate=false", "-f", invalid.toString());
    // kubectl words an Invalid Status without kind and name (upstream's kind-less
    // ".authorization.k8s.io" error) as "The request is invalid".
    assertThat(rejected.stderr()).isEqualTo("The request is invalid: spec.user: Invalid value: "
        + "\"\": at least one of user or group must be specified\n");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kubectls")
  void createTokenReview_authenticatesWithTheServersAuthenticators(Kubectl k) throws Exception {
    Path review = dir.resolve(k.label() + "-tr.yaml");
    Files.writeString(review, """
        apiVersion: authentication.k8s.io/v1
        kind: TokenReview
        spec: {token: jane-token}
        """);
    Kubectl.Result r = token(k, "reviewer-token", "create", "--validate=false", "-f",
        review.toString(), "-o", "yaml");
    assertThat(r.stdout()).as(r.stderr()).isEqualTo("""
        apiVersion: authentication.k8s.io/v1
        kind: TokenReview
        metadata:
          creationTimestamp: null
        spec:
          token: jane-token
        status:
          audiences:
          - https://kubernetes.default.svc.cluster.local
          authenticated: true
          user:
            groups:
            - devs
            - system:authenticated
            uid: "1001"
            username: jane
        """);
    Kubectl.Result token = until(() -> admin(k, "create", "token", "default", "-n", "default"), 0);
    assertThat(token.exitCode()).as(token.stderr()).isZero();
    Files.writeString(review, """
        apiVersion: authentication.k8s.io/v1
        kind: TokenReview
        spec: {token: %s, audiences: [other, https://kubernetes.default.svc.cluster.local]}
        """.formatted(token.stdout().strip()));
    Kubectl.Result sa = admin(k, "create", "--validate=false", "-f", review.toString(), "-o",
        "jsonpath={.status.authenticated} {.status.user.username} {.status.audiences}");
    assertThat(sa.stdout()).as(sa.stderr()).isEqualTo("true system:serviceaccount:default:default "
        + "[\"https://kubernetes.default.svc.cluster.local\"]");
    Files.writeString(review, """
        apiVersion: authentication.k8s.io/v1
        kind: TokenReview
        spec: {token: nope, audiences: [https://kubernetes.default.svc.cluster.local]}
        """);
    Kubectl.Result bad = admin(k, "create", "--validate=false", "-f", review.toString(), "-o",
        "yaml");
    assertThat(bad.stdout()).as(bad.stderr()).endsWith("""
        status:
          error: invalid bearer token
          user: {}
        """);
  }
}
