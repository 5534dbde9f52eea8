package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * The review APIs end to end with the real kubectl: {@code auth can-i} (SelfSubjectAccessReview),
 * {@code auth can-i --list} (SelfSubjectRulesReview) and {@code auth whoami} (SelfSubjectReview)
 * with kubectl 1.30 (JSON bodies) and 1.33 (protobuf bodies); {@code create -f} of a
 * SubjectAccessReview and a TokenReview with both (JSON bodies); {@code whoami} of kubectl 1.27
 * (the v1beta1 path).
 * Each kubectl works in its own namespace.
 */
class ReviewKubectlIT {

  @RegisterExtension
  static final KubectlServer server = KubectlServer.builder()
      .token("jane-token", "jane", "1001", "devs")
      .token("reviewer-token", "reviewer", "1002", "reviewers")
      .build();

  @BeforeAll
  static void reviewersDelegate() {
    apply(Kubectl.dispatcher(), "delegator", """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: reviewer-auth-delegator}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: system:auth-delegator}
        subjects: [{apiGroup: rbac.authorization.k8s.io, kind: Group, name: reviewers}]
        """);
  }

  private static Kubectl.Result token(Kubectl k, String token, String... args) {
    return server.withToken(k, token, args);
  }

  private static String ns(Kubectl k, String base) {
    return base + "-" + k.tag();
  }

  private static void apply(Kubectl k, String name, String yaml) {
    server.createAsAdmin(k, name + ".yaml", yaml);
  }

  /** 1.30 sends the self reviews as JSON, 1.33 as protobuf. */
  @ParameterizedTest(name = "{0}")
  @KubectlVersions
  void canI_asJane_noThenYesAroundARoleBinding(Kubectl k) throws Exception {
    String ns = ns(k, "cani");
    apply(k, ns, "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + ns + "\n");

    Kubectl.Result no = server.admin(k, "auth", "can-i", "create", "pods", "--as=jane", "-n", ns);
    assertThat(no.exitCode()).as(no.stderr()).isEqualTo(1);
    assertThat(no.stdout()).isEqualTo("no\n");

    apply(k, ns + "-rb", """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: jane-edit, namespace: %s}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
        subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: jane}]
        """.formatted(ns));
    Kubectl.Result yes = Eventually.succeeds(() -> server.admin(k, "auth", "can-i", "create",
        "pods", "--as=jane", "-n", ns));
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
  @KubectlVersions
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
    Kubectl.Result list = Eventually.until(
        () -> token(k, "jane-token", "auth", "can-i", "--list", "-n", ns),
        r -> r.exitCode() == 0 && r.stdout().contains("configmaps"));
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
  @KubectlVersions
  void whoami_adminAndImpersonatedUser(Kubectl k) {
    Kubectl.Result admin = server.admin(k, "auth", "whoami");
    assertThat(admin.exitCode()).as(admin.stderr()).isZero();
    assertThat(admin.stdout().lines().map(l -> l.replaceAll("\\s+", " ").strip()).toList())
        .containsExactly("ATTRIBUTE VALUE", "Username kubernetes-admin",
            "Groups [system:masters system:authenticated]");
    Kubectl.Result jane = server.admin(k, "auth", "whoami", "--as=jane", "--as-group=devs",
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

  /** kubectl 1.27 asks {@code authentication.k8s.io/v1beta1}, which discovery does not list. */
  @ParameterizedTest(name = "{0}")
  @KubectlVersions("1.27")
  void whoami_kubectl127_v1beta1Path(Kubectl k) {
    Kubectl.Result jane = token(k, "jane-token", "auth", "whoami", "-o", "jsonpath={.apiVersion} "
        + "{.status.userInfo.username}");
    assertThat(jane.stdout()).as(jane.stderr()).isEqualTo("authentication.k8s.io/v1beta1 jane");
  }

  @ParameterizedTest(name = "{0}")
  @KubectlVersions
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
    Path sar = server.write(ns + "-sar.yaml", """
        apiVersion: authorization.k8s.io/v1
        kind: SubjectAccessReview
        spec:
          user: someone
          groups: [devs]
          resourceAttributes: {namespace: %s, verb: list, resource: pods}
        """.formatted(ns));
    Kubectl.Result r = Eventually.until(
        () -> token(k, "reviewer-token", "create", "-f", sar.toString(), "-o", "yaml"),
        x -> x.exitCode() == 0 && x.stdout().contains("allowed: true"));
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

    Kubectl.Result forbidden = token(k, "jane-token", "create", "-f", sar.toString());
    assertThat(forbidden.exitCode()).isEqualTo(1);
    assertThat(forbidden.stderr()).contains("subjectaccessreviews.authorization.k8s.io is "
        + "forbidden: User \"jane\" cannot create resource \"subjectaccessreviews\" in API group "
        + "\"authorization.k8s.io\" at the cluster scope");

    Path invalid = server.write(ns + "-invalid.yaml", """
        apiVersion: authorization.k8s.io/v1
        kind: SubjectAccessReview
        spec:
          nonResourceAttributes: {path: /healthz, verb: get}
        """);
    Kubectl.Result rejected = server.admin(k, "create", "-f", invalid.toString());
    // kubectl words an Invalid Status without kind and name (upstream's kind-less
    // ".authorization.k8s.io" error) as "The request is invalid".
    assertThat(rejected.stderr()).isEqualTo("The request is invalid: spec.user: Invalid value: "
        + "\"\": at least one of user or group must be specified\n");
  }

  @ParameterizedTest(name = "{0}")
  @KubectlVersions
  void createTokenReview_authenticatesWithTheServersAuthenticators(Kubectl k) throws Exception {
    Path review = server.write(k.label() + "-tr.yaml", """
        apiVersion: authentication.k8s.io/v1
        kind: TokenReview
        spec: {token: jane-token}
        """);
    Kubectl.Result r = token(k, "reviewer-token", "create", "-f", review.toString(), "-o",
        "yaml");
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
    Kubectl.Result token =
        Eventually.succeeds(() -> server.admin(k, "create", "token", "default", "-n", "default"));
    assertThat(token.exitCode()).as(token.stderr()).isZero();
    Files.writeString(review, """
        apiVersion: authentication.k8s.io/v1
        kind: TokenReview
        spec: {token: %s, audiences: [other, https://kubernetes.default.svc.cluster.local]}
        """.formatted(token.stdout().strip()));
    Kubectl.Result sa = server.admin(k, "create", "-f", review.toString(), "-o",
        "jsonpath={.status.authenticated} {.status.user.username} {.status.audiences}");
    assertThat(sa.stdout()).as(sa.stderr()).isEqualTo("true system:serviceaccount:default:default "
        + "[\"https://kubernetes.default.svc.cluster.local\"]");
    Files.writeString(review, """
        apiVersion: authentication.k8s.io/v1
        kind: TokenReview
        spec: {token: nope, audiences: [https://kubernetes.default.svc.cluster.local]}
        """);
    Kubectl.Result bad = server.admin(k, "create", "-f", review.toString(), "-o", "yaml");
    assertThat(bad.stdout()).as(bad.stderr()).endsWith("""
        status:
          error: invalid bearer token
          user: {}
        """);
  }
}
