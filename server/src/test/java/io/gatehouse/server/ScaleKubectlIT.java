package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;

/** {@code kubectl scale} against the scale subresource, with kubectl 1.33 and 1.30. */
class ScaleKubectlIT {

  @RegisterExtension
  static final KubectlServer server = KubectlServer.builder().build();

  @ParameterizedTest(name = "{0}")
  @KubectlVersions
  void scale_deployment_replicasChangeAndPreconditionHolds(Kubectl k) {
    String name = "web-" + k.tag();
    Path manifest = server.write(name + ".yaml", """
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
    Kubectl.Result created = server.admin(k, "apply", "-f", manifest.toString());
    assertThat(created.exitCode()).as(created.stderr()).isZero();

    Kubectl.Result scaled = server.admin(k, "scale", "deployment/" + name, "--replicas=4");
    assertThat(scaled.exitCode()).as(scaled.stderr()).isZero();
    assertThat(scaled.stdout()).isEqualTo("deployment.apps/" + name + " scaled\n");
    Kubectl.Result replicas = server.admin(k, "get", "deployment", name, "-o",
        "jsonpath={.spec.replicas}");
    assertThat(replicas.stdout()).isEqualTo("4");

    Kubectl.Result stale = server.admin(k, "scale", "deployment/" + name, "--replicas=1",
        "--current-replicas=2");
    assertThat(stale.exitCode()).isNotZero();
    assertThat(stale.stderr()).contains("Expected replicas to be 2, was 4");
  }
}
