package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code kubectl scale} against the scale subresource, with kubectl 1.33 and 1.30. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaleKubectlIT {

  private Path dir;
  private GatehouseServer server;

  @BeforeAll
  void start(@TempDir Path tempDir) {
    dir = tempDir;
    server = GatehouseServer.start(ServerOptions.builder().dataDir(dir.resolve("data"))
        .securePort(0).build());
  }

  @AfterAll
  void stop() {
    server.close();
  }

  static Stream<Kubectl> kubectls() {
    return Kubectl.available("1.33", "1.30").stream().filter(k -> !k.label().equals("kubectl"));
  }

  private Kubectl.Result run(Kubectl kubectl, String... args) {
    return kubectl.run(dir, Stream.concat(Stream.of("--kubeconfig=" + server.kubeconfig()),
        Stream.of(args)).toArray(String[]::new));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kubectls")
  void scale_deployment_replicasChangeAndPreconditionHolds(Kubectl k) throws Exception {
    String name = "web-" + k.label().replace("kubectl.", "").replace(".", "");
    Path manifest = Files.writeString(dir.resolve(name + ".yaml"), """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: %s, namespace: default}
        spec:
          replicas: 2
          selector: {matchLabels: {app: %s}}
          template:
            metadata: {labels: {app: %s}}
            spec: {containers: [{name: c, image: nginx}]}
        """.formatted(name, name, name));
    Kubectl.Result created = run(k, "apply", "--validate=false", "-f", manifest.toString());
    assertThat(created.exitCode()).as(created.stderr()).isZero();

    Kubectl.Result scaled = run(k, "scale", "deployment/" + name, "--replicas=4");
    assertThat(scaled.exitCode()).as(scaled.stderr()).isZero();
    assertThat(scaled.stdout()).isEqualTo("deployment.apps/" + name + " scaled\n");
    Kubectl.Result replicas = run(k, "get", "deployment", name, "-o",
        "jsonpath={.spec.replicas}");
    assertThat(replicas.stdout()).isEqualTo("4");

    Kubectl.Result stale = run(k, "scale", "deployment/" + name, "--replicas=1",
        "--current-replicas=2");
    assertThat(stale.exitCode()).isNotZero();
    assertThat(stale.stderr()).contains("Expected replicas to be 2, was 4");
  }
}
