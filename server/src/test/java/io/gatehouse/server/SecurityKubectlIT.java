package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * The security chain end to end with the real kubectl 1.33 and 1.30 (fresh cache directory per
 * run): impersonation ({@code --as}, {@code --as-group}), with the admin (system:masters) and with
 * a token user who needs the {@code impersonate} verb. Each kubectl works in its own namespace.
 */
class SecurityKubectlIT {

  @RegisterExtension
  static final KubectlServer server = KubectlServer.builder()
      .token("alice-token", "alice", "1001")
      .token("bob-token", "bob", "1002", "devs")
      .build();

  private static Kubectl.Result token(Kubectl k, String token, String... args) {
    return server.withToken(k, token, args);
  }

  private static String ns(Kubectl k, String base) {
    return base + "-" + k.tag();
  }

  /** Creates the objects of {@code yaml} as the admin. */
  private static void apply(Kubectl k, String name, String yaml) {
    server.createAsAdmin(k, name + ".yaml", yaml);
  }

  @ParameterizedTest(name = "{0}")
  @KubectlVersions
  void impersonation_adminAsJane_forbiddenUntilARoleBindingAllows(Kubectl k) throws Exception {
    String ns = ns(k, "imp");
    apply(k, ns + "-ns", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + ns + "\n");

    Kubectl.Result denied = server.admin(k, "--as=jane", "-n", ns, "get", "pods");
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
    // RBAC changes take effect within about a second.
    Kubectl.Result allowed =
        Eventually.succeeds(() -> server.admin(k, "--as=jane", "-n", ns, "get", "pods"));
    assertThat(allowed.exitCode()).as(allowed.stderr()).isZero();
    assertThat(allowed.stderr()).contains("No resources found in " + ns + " namespace.");
    Kubectl.Result secrets = server.admin(k, "--as=jane", "-n", ns, "get", "secrets");
    assertThat(secrets.stderr().lines()).contains("Error from server (Forbidden): secrets is "
        + "forbidden: User \"jane\" cannot list resource \"secrets\" in API group \"\" in the "
        + "namespace \"" + ns + "\"");
  }

  @ParameterizedTest(name = "{0}")
  @KubectlVersions
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
    Kubectl.Result asJane = Eventually.succeeds(
        () -> token(k, "bob-token", "--as=jane", "get", "--raw", "/version"));
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
  @KubectlVersions
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
    Path held = server.write(ns + "-held.yaml", """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: cm-reader, namespace: %s}
        rules:
        - {apiGroups: [""], resources: [configmaps], verbs: [get]}
        """.formatted(ns));
    Kubectl.Result created =
        Eventually.succeeds(() -> token(k, "bob-token", "create", "-f", held.toString()));
    assertThat(created.stdout()).as(created.stderr()).contains("role.rbac.authorization.k8s.io/cm-reader created");

    Path grabber = server.write(ns + "-grabber.yaml", """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: grabber, namespace: %s}
        rules:
        - {apiGroups: [""], resources: [secrets, configmaps], verbs: [get, list]}
        """.formatted(ns));
    Kubectl.Result denied = token(k, "bob-token", "create", "-f",
        grabber.toString());
    assertThat(denied.exitCode()).isEqualTo(1);
    assertThat(denied.stderr()).contains("Error from server (Forbidden): error when creating \""
        + grabber + "\": roles.rbac.authorization.k8s.io \"grabber\" is forbidden: user \"bob\" "
        + "(groups=[\"devs\" \"system:authenticated\"]) is attempting to grant RBAC permissions "
        + "not currently held:\n{APIGroups:[\"\"], Resources:[\"secrets\"], Verbs:[\"get\" "
        + "\"list\"]}");

    Path binding = server.write(ns + "-binding.yaml", """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: bob-edit, namespace: %s}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
        subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: bob}]
        """.formatted(ns));
    Kubectl.Result bind = token(k, "bob-token", "create", "-f",
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
