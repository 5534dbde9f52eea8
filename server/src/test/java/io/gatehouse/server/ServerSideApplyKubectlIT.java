package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code kubectl apply --server-side} end to end with the real kubectl 1.33 and 1.30: create,
 * re-apply with a change, a conflict with {@code kubectl edit}'s change printed as kubectl prints
 * it, {@code --force-conflicts}, {@code get --show-managed-fields}, and client-side {@code kubectl
 * apply} followed by the upgrade to server-side apply, all with kubectl's default validation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerSideApplyKubectlIT {

  private Path dir;
  private GatehouseServer server;

  @BeforeAll
  void start(@TempDir Path tempDir) {
    dir = tempDir;
    server = GatehouseServer.start(ServerOptions.builder().dataDir(dir.resolve("data"))
        .securePort(0).projectVersion("0.1.0").build());
  }

  @AfterAll
  void stop() {
    server.close();
  }

  static Stream<Kubectl> kubectls() {
    return Kubectl.available("1.33", "1.30").stream().filter(k -> !k.label().equals("kubectl"));
  }

  private Kubectl.Result run(Kubectl k, Map<String, String> env, String... args) {
    return k.run(dir, env, Stream.concat(Stream.of("--kubeconfig=" + server.kubeconfig()),
        Stream.of(args)).toArray(String[]::new));
  }

  private Kubectl.Result run(Kubectl k, String... args) {
    return run(k, Map.of(), args);
  }

  private Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  private Path deployment(String ns, int replicas) throws Exception {
    return write(ns + "-web.yaml", """
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

  private String namespace(Kubectl k, String base) throws Exception {
    String ns = base + "-" + k.label().replace("kubectl.", "").replace(".", "");
    Kubectl.Result r = run(k, "create", "-f", write(ns + ".yaml",
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + ns + "\n").toString());
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    return ns;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kubectls")
  void applyServerSide_conflictWithEdit_behavesAsUpstream(Kubectl k) throws Exception {
    String ns = namespace(k, "ssa");
    Kubectl.Result created = run(k, "-n", ns, "apply", "--server-side",
        "-f", deployment(ns, 2).toString());
    assertThat(created.stdout()).as(created.stderr())
        .contains("deployment.apps/web serverside-applied");
    Kubectl.Result changed = run(k, "-n", ns, "apply", "--server-side",
        "-f", deployment(ns, 3).toString());
    assertThat(changed.stdout()).as(changed.stderr())
        .contains("deployment.apps/web serverside-applied");
    assertThat(run(k, "-n", ns, "get", "deploy", "web", "-o", "jsonpath={.spec.replicas}")
        .stdout()).isEqualTo("3");

    Path editor = write(ns + "-editor.sh", "#!/bin/sh\nsed -i 's/replicas: 3/replicas: 5/' \"$1\"\n");
    Files.setPosixFilePermissions(editor, PosixFilePermissions.fromString("rwxr-xr-x"));
    Kubectl.Result edited = run(k, Map.of("KUBE_EDITOR", editor.toString()), "-n", ns, "edit",
        "deploy", "web");
    assertThat(edited.stdout()).as(edited.stderr()).contains("deployment.apps/web edited");

    Kubectl.Result conflict = run(k, "-n", ns, "apply", "--server-side",
        "-f", deployment(ns, 4).toString());
    assertThat(conflict.exitCode()).isEqualTo(1);
    assertThat(conflict.stderr()).contains("Apply failed with 1 conflict: conflict with "
        + "\"kubectl-edit\" using apps/v1: .spec.replicas",
        "Please review the fields above--they currently have other managers.");
    assertThat(run(k, "-n", ns, "get", "deploy", "web", "-o", "jsonpath={.spec.replicas}")
        .stdout()).isEqualTo("5");

    Kubectl.Result forced = run(k, "-n", ns, "apply", "--server-side", "--force-conflicts",
        "-f", deployment(ns, 4).toString());
    assertThat(forced.stdout()).as(forced.stderr())
        .contains("deployment.apps/web serverside-applied");
    Kubectl.Result yaml = run(k, "-n", ns, "get", "deploy", "web", "-o", "yaml",
        "--show-managed-fields");
    assertThat(yaml.stdout()).as(yaml.stderr()).contains("managedFields:", "manager: kubectl\n",
        "operation: Apply", "fieldsType: FieldsV1", "f:replicas: {}", "replicas: 4",
        "k:{\"containerPort\":80,\"protocol\":\"TCP\"}:")
        .doesNotContain("manager: kubectl-edit");
    assertThat(run(k, "-n", ns, "get", "deploy", "web", "-o", "yaml").stdout())
        .doesNotContain("managedFields:");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kubectls")
  void applyClientSide_thenServerSide_upgradesWithoutConflicts(Kubectl k) throws Exception {
    String ns = namespace(k, "csa");
    String cm = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c1\ndata:\n  a: \"%s\"\n";
    Path file = write(ns + "-cm.yaml", cm.formatted("1"));
    Kubectl.Result created = run(k, "-n", ns, "apply", "-f", file.toString());
    assertThat(created.stdout()).as(created.stderr()).contains("configmap/c1 created");
    Files.writeString(file, cm.formatted("2"));
    Kubectl.Result configured = run(k, "-n", ns, "apply", "-f",
        file.toString());
    assertThat(configured.stdout()).as(configured.stderr()).contains("configmap/c1 configured");
    assertThat(run(k, "-n", ns, "get", "cm", "c1", "-o", "yaml", "--show-managed-fields")
        .stdout()).contains("manager: kubectl-client-side-apply", "a: \"2\"");

    Files.writeString(file, cm.formatted("3"));
    Kubectl.Result upgraded = run(k, "-n", ns, "apply", "--server-side",
        "-f", file.toString());
    assertThat(upgraded.stdout()).as(upgraded.stderr())
        .contains("configmap/c1 serverside-applied");
    assertThat(run(k, "-n", ns, "get", "cm", "c1", "-o", "jsonpath={.data.a}").stdout())
        .isEqualTo("3");
  }
}
