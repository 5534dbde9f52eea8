package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * {@code kubectl apply --server-side} end to end with the real kubectl 1.33 and 1.30: create,
 * re-apply with a change, a conflict with {@code kubectl edit}'s change printed as kubectl prints
 * it, {@code --force-conflicts}, {@code get --show-managed-fields}, and client-side {@code kubectl
 * apply} followed by the upgrade to server-side apply, all with kubectl's default validation.
 */
class ServerSideApplyKubectlIT {

  @RegisterExtension
  static final KubectlServer server = KubectlServer.builder().build();

  private static Path deployment(String ns, int replicas) {
    return server.write(ns + "-web.yaml", """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: %d
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - name: nginx
                image: nginx
                ports:
                - containerPort: 80
        """.formatted(replicas));
  }

  private static String namespace(Kubectl k, String base) {
    String ns = base + "-" + k.tag();
    server.createAsAdmin(k, ns + ".yaml",
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + ns + "\n");
    return ns;
  }

  @ParameterizedTest(name = "{0}")
  @KubectlVersions
  void applyServerSide_conflictWithEdit_behavesAsUpstream(Kubectl k) throws Exception {
    String ns = namespace(k, "ssa");
    Kubectl.Result created = server.admin(k, "-n", ns, "apply", "--server-side",
        "-f", deployment(ns, 2).toString());
    assertThat(created.stdout()).as(created.stderr())
        .contains("deployment.apps/web serverside-applied");
    Kubectl.Result changed = server.admin(k, "-n", ns, "apply", "--server-side",
        "-f", deployment(ns, 3).toString());
    assertThat(changed.stdout()).as(changed.stderr())
        .contains("deployment.apps/web serverside-applied");
    assertThat(server.admin(k, "-n", ns, "get", "deploy", "web", "-o", "jsonpath={.spec.replicas}")
        .stdout()).isEqualTo("3");

    Path editor = server.write(ns + "-editor.sh",
        "#!/bin/sh\nsed -i 's/replicas: 3/replicas: 5/' \"$1\"\n");
    Files.setPosixFilePermissions(editor, PosixFilePermissions.fromString("rwxr-xr-x"));
    Kubectl.Result edited = server.admin(k, Map.of("KUBE_EDITOR", editor.toString()), "-n", ns,
        "edit", "deploy", "web");
    assertThat(edited.stdout()).as(edited.stderr()).contains("deployment.apps/web edited");

    Kubectl.Result conflict = server.admin(k, "-n", ns, "apply", "--server-side",
        "-f", deployment(ns, 4).toString());
    assertThat(conflict.exitCode()).isEqualTo(1);
    assertThat(conflict.stderr()).contains("Apply failed with 1 conflict: conflict with "
        + "\"kubectl-edit\" using apps/v1: .spec.replicas",
        "Please review the fields above--they currently have other managers.");
    assertThat(server.admin(k, "-n", ns, "get", "deploy", "web", "-o", "jsonpath={.spec.replicas}")
        .stdout()).isEqualTo("5");

    Kubectl.Result forced = server.admin(k, "-n", ns, "apply", "--server-side", "--force-conflicts",
        "-f", deployment(ns, 4).toString());
    assertThat(forced.stdout()).as(forced.stderr())
        .contains("deployment.apps/web serverside-applied");
    Kubectl.Result yaml = server.admin(k, "-n", ns, "get", "deploy", "web", "-o", "yaml",
        "--show-managed-fields");
    assertThat(yaml.stdout()).as(yaml.stderr()).contains("managedFields:", "manager: kubectl\n",
        "operation: Apply", "fieldsType: FieldsV1", "f:replicas: {}", "replicas: 4",
        "k:{\"containerPort\":80,\"protocol\":\"TCP\"}:")
        .doesNotContain("manager: kubectl-edit");
    assertThat(server.admin(k, "-n", ns, "get", "deploy", "web", "-o", "yaml").stdout())
        .doesNotContain("managedFields:");
  }

  @ParameterizedTest(name = "{0}")
  @KubectlVersions
  void applyClientSide_thenServerSide_upgradesWithoutConflicts(Kubectl k) throws Exception {
    String ns = namespace(k, "csa");
    String cm = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c1\ndata:\n  a: \"%s\"\n";
    Path file = server.write(ns + "-cm.yaml", cm.formatted("1"));
    Kubectl.Result created = server.admin(k, "-n", ns, "apply", "-f", file.toString());
    assertThat(created.stdout()).as(created.stderr()).contains("configmap/c1 created");
    Files.writeString(file, cm.formatted("2"));
    Kubectl.Result configured = server.admin(k, "-n", ns, "apply", "-f",
        file.toString());
    assertThat(configured.stdout()).as(configured.stderr()).contains("configmap/c1 configured");
    assertThat(server.admin(k, "-n", ns, "get", "cm", "c1", "-o", "yaml", "--show-managed-fields")
        .stdout()).contains("manager: kubectl-client-side-apply", "a: \"2\"");

    Files.writeString(file, cm.formatted("3"));
    Kubectl.Result upgraded = server.admin(k, "-n", ns, "apply", "--server-side",
        "-f", file.toString());
    assertThat(upgraded.stdout()).as(upgraded.stderr())
        .contains("configmap/c1 serverside-applied");
    assertThat(server.admin(k, "-n", ns, "get", "cm", "c1", "-o", "jsonpath={.data.a}").stdout())
        .isEqualTo("3");
  }
}
