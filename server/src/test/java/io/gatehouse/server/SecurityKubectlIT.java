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
 * The security chain end to end with the real kubectl 1.33 and 1.30 (fresh cache directory per
 * run): impersonation ({@code --as}, {@code --as-group}), with the admin (system:masters) and with
 * a token user who needs the {@code impersonate} verb. Each kubectl works in its own namespace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityKubectlIT {

  private Path dir;
  private GatehouseServer server;

  @BeforeAll
  void start(@TempDir Path tempDir) throws Exception {
    dir = tempDir;
    Path tokens = dir.resolve("tokens.csv");
    Files.writeString(tokens, "alice-token,alice,1001\nbob-token,bob,1002,\"devs\"\n");
    server = GatehouseServer.start(ServerOptions.builder().dataDir(dir.resolve("data"))
        .securePort(0).tokenAuthFile(tokens).projectVersion("0.1.0").build());
  }

  @AfterAll
  void stop() {
    server.close();
  }

  static Stream<Kubectl> kubectls() {
    return Kubectl.available("1.33", "1.30").stream().filter(k -> !k.label().equals("kubectl"));
  }

  private Kubectl.Result admin(Kubectl k, String... args) {
    return k.run(dir, concat(List.of("--kubeconfig=" + server.kubeconfig()), args));
  }

  private Kubectl.Result token(Kubectl k, String token, String... args) {
    return k.run(dir, concat(List.of("--server=" + server.url(),
        "--certificate-authority=" + dir.resolve("data/pki/ca.crt"), "--token=" + token), args));
  }

  private static String[] concat(List<String> first, String... rest) {
    return Stream.concat(first.stream(), Stream.of(rest)).toArray(String[]::new);
  }

  private static String ns(Kubectl k, String base) {
    return base + "-" + k.label().replace("kubectl.", "").replace(".", "");
  }

  /** Creates the objects of {@code yaml} as the admin. */
  private void apply(Kubectl k, String name, String yaml) throws Exception {
    Path file = dir.resolve(name + ".yaml");
    Files.writeString(file, yaml);
    Kubectl.Result r = admin(k, "create", "--validate=false", "-f", file.toString());
    assertThat(r.exitCode()).as(r.stderr()).isZero();
  }

  /** Runs {@code run} until it succeeds (RBAC changes take effect within about a second). */
  private static Kubectl.Result eventually(Supplier<Kubectl.Result> run) throws Exception {
    Kubectl.Result r = run.get();
    for (int i = 0; i < 30 && r.exitCode() != 0; i++) {
      Thread.sleep(100);
      r = run.get();
    }
    return r;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kubectls")
  void impersonation_adminAsJane_forbiddenUntilARoleBindingAllows(Kubectl k) throws Exception {
    String ns = ns(k, "imp");
    apply(k, ns + "-ns", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + ns + "\n");

    Kubectl.Result denied = admin(k, "--as=jane", "-n", ns, "get", "pods");
    assertThat(denied.exitCode()).isEqualTo(1);
    assertThat(denied.stderr().lines()).contains("Error from server (Forbidden): pods is "
        + "forbidden: User \"jane\" cannot list resource \"pods\" in API group \"\" in the "
        + "namespace \"" + ns + "\"");

    apply(k, ns + "-rb", """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: jane-view, namespace: %s}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
        subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: jane}]
        """.formatted(ns));
    Kubectl.Result allowed = eventually(() -> admin(k, "--as=jane", "-n", ns, "get", "pods"));
    assertThat(allowed.exitCode()).as(allowed.stderr()).isZero();
    assertThat(allowed.stderr()).contains("No resources found in " + ns + " namespace.");
    Kubectl.Result secrets = admin(k, "--as=jane", "-n", ns, "get", "secrets");
    assertThat(secrets.stderr().lines()).contains("Error from server (Forbidden): secrets is "
        + "forbidden: User \"jane\" cannot list resource \"secrets\" in API group \"\" in the "
        + "namespace \"" + ns + "\"");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kubectls")
  void impersonation_tokenUser_needsTheImpersonateVerb(Kubectl k) throws Exception {
    String suffix = ns(k, "impersonator");
    Kubectl.Result denied = token(k, "alice-token", "--as=jane", "get", "--raw", "/version");
    assertThat(denied.exitCode()).isEqualTo(1);
    assertThat(denied.stderr().lines()).contains("Error from server (Forbidden): users \"jane\" is "
        + "forbidden: User \"alice\" cannot impersonate resource \"users\" in API group \"\" at the "
        + "cluster scope");

    apply(k, suffix, """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: %1$s}
        rules:
        - {apiGroups: [""], resources: [users], verbs: [impersonate], resourceNames: [jane]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: %1$s}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: %1$s}
        subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: bob}]
        """.formatted(suffix));
    Kubectl.Result asJane = eventually(() -> token(k, "bob-token", "--as=jane", "get", "--raw",
        "/version"));
    assertThat(asJane.exitCode()).as(asJane.stderr()).isZero();
    Kubectl.Result asJoe = token(k, "bob-token", "--as=joe", "get", "--raw", "/version");
    assertThat(asJoe.stderr().lines()).contains("Error from server (Forbidden): users \"joe\" is "
        + "forbidden: User \"bob\" cannot impersonate resource \"users\" in API group \"\" at the "
        + "cluster scope");
    Kubectl.Result withGroup = token(k, "bob-token", "--as=jane", "--as-group=admins", "get",
        "--raw", "/version");
    assertThat(withGroup.stderr().lines()).contains("Error from server (Forbidden): groups "
        + "\"admins\" is forbidden: User \"bob\" cannot impersonate resource \"groups\" in API "
        + "group \"\" at the cluster scope");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kubectls")
  void escalation_roleAndBindingBeyondTheWritersRights_forbiddenWithUpstreamText(Kubectl k)
      throws Exception {
    String ns = ns(k, "esc");
    apply(k, ns + "-setup", """
        apiVersion: v1
        kind: Namespace
        metadata: {name: %1$s}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: rbac-writer, namespace: %1$s}
        rules:
        - {apiGroups: [rbac.authorization.k8s.io], resources: [roles, rolebindings], verbs: [create, get]}
        - {apiGroups: [""], resources: [configmaps], verbs: [get, list]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: bob-rbac-writer, namespace: %1$s}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: rbac-writer}
        subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: bob}]
        """.formatted(ns));
    Path held = dir.resolve(ns + "-held.yaml");
    Files.writeString(held, """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: cm-reader, namespace: %s}
        rules:
        - {apiGroups: [""], resources: [configmaps], verbs: [get]}
        """.formatted(ns));
    Kubectl.Result created = eventually(() -> token(k, "bob-token", "create", "--validate=false",
        "-f", held.toString()));
    assertThat(created.stdout()).as(created.stderr()).contains("role.rbac.authorization.k8s.io/cm-reader created");

    Path grabber = dir.resolve(ns + "-grabber.yaml");
    Files.writeString(grabber, """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: grabber, namespace: %s}
        rules:
        - {apiGroups: [""], resources: [secrets, configmaps], verbs: [get, list]}
        """.formatted(ns));
    Kubectl.Result denied = token(k, "bob-token", "create", "--validate=false", "-f",
        grabber.toString());
    assertThat(denied.exitCode()).isEqualTo(1);
    assertThat(denied.stderr()).contains("Error from server (Forbidden): error when creating \""
        + grabber + "\": roles.rbac.authorization.k8s.io \"grabber\" is forbidden: user \"bob\" "
        + "(groups=[\"devs\" \"system:authenticated\"]) is attempting to grant RBAC permissions "
        + "not currently held:\n{APIGroups:[\"\"], Resources:[\"secrets\"], Verbs:[\"get\" "
        + "\"list\"]}");

    Path binding = dir.resolve(ns + "-binding.yaml");
    Files.writeString(binding, """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: bob-edit, namespace: %s}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
        subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: bob}]
        """.formatted(ns));
    Kubectl.Result bind = token(k, "bob-token", "create", "--validate=false", "-f",
        binding.toString());
    assertThat(bind.exitCode()).isEqualTo(1);
    assertThat(bind.stderr()).contains("Error from server (Forbidden): error when creating \""
        + binding + "\": rolebindings.rbac.authorization.k8s.io \"bob-edit\" is forbidden: user "
        + "\"bob\" (groups=[\"devs\" \"system:authenticated\"]) is attempting to grant RBAC "
        + "permissions not currently held:\n{APIGroups:[\"\"], Resources:[\"bindings\"], "
        + "Verbs:[\"get\" \"list\" \"watch\"]}\n");
    assertThat(bind.stderr()).contains("\n{APIGroups:[\"\"], Resources:[\"secrets\"], Verbs:[");
  }
}
