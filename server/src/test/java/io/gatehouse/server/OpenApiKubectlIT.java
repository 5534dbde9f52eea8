package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * OpenAPI end to end with the real kubectl 1.33, 1.30 and 1.27 (each run with a fresh cache
 * directory): {@code create -f}, {@code apply -f} and {@code replace -f} with kubectl's default
 * (strict) validation — 1.29+ learn from {@code /openapi/v3} that the server validates, 1.27
 * decodes {@code /openapi/v2} as protobuf first — an unknown field rejected with upstream's
 * strict-decoding text, {@code --validate=warn} printing it as a warning, {@code kubectl
 * explain} printing field types and descriptions, and a CustomResourceDefinition's versions
 * published once it is established (explain of its schema, the server's strict error for an
 * unknown field of a custom object).
 */
class OpenApiKubectlIT {

  @RegisterExtension
  static final KubectlServer server = KubectlServer.builder().build();

  @ParameterizedTest(name = "{0}")
  @KubectlVersions({"1.33", "1.30", "1.27"})
  void createApplyReplace_defaultValidation_succeed(Kubectl k) throws Exception {
    String name = "cm-" + k.tag();
    Path cm = server.write(name + ".yaml", """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: %s
          namespace: default
        data:
          a: "1"
        """.formatted(name));
    Kubectl.Result created = server.admin(k, "create", "-f", cm.toString());
    assertThat(created.exitCode()).as(created.stderr()).isZero();
    assertThat(created.stdout()).isEqualTo("configmap/" + name + " created\n");

    Files.writeString(cm, Files.readString(cm).replace("a: \"1\"", "a: \"2\""));
    Kubectl.Result applied = server.admin(k, "apply", "-f", cm.toString());
    assertThat(applied.exitCode()).as(applied.stderr()).isZero();
    assertThat(applied.stdout()).isEqualTo("configmap/" + name + " configured\n");

    Files.writeString(cm, Files.readString(cm).replace("a: \"2\"", "a: \"3\""));
    Kubectl.Result replaced = server.admin(k, "replace", "-f", cm.toString());
    assertThat(replaced.exitCode()).as(replaced.stderr()).isZero();
    assertThat(replaced.stdout()).isEqualTo("configmap/" + name + " replaced\n");
    assertThat(server.admin(k, "-n", "default", "get", "configmap", name, "-o",
        "jsonpath={.data.a}").stdout()).isEqualTo("3");

    String deployment = "web-" + k.tag();
    Kubectl.Result app = server.admin(k, "apply", "-f", server.write(deployment + ".yaml",
        deployment(deployment, "")).toString());
    assertThat(app.exitCode()).as(app.stderr()).isZero();
    assertThat(app.stdout()).isEqualTo("deployment.apps/" + deployment + " created\n");
  }

  @ParameterizedTest(name = "{0}")
  @KubectlVersions({"1.33", "1.30", "1.27"})
  void create_unknownField_failsWithStrictDecodingError(Kubectl k) throws Exception {
    String name = "bad-" + k.tag();
    Path file = server.write(name + ".yaml", deployment(name, "      foo: 1\n"));
    Kubectl.Result r = server.admin(k, "create", "-f", file.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).isEqualTo("Error from server (BadRequest): error when creating \""
        + file + "\": Deployment in version \"v1\" cannot be handled as a Deployment: strict "
        + "decoding error: unknown field \"spec.template.spec.foo\"\n");

    Kubectl.Result warned = server.admin(k, "create", "--validate=warn", "-f", file.toString());
    assertThat(warned.exitCode()).as(warned.stderr()).isZero();
    assertThat(warned.stderr()).isEqualTo("Warning: unknown field \"spec.template.spec.foo\"\n");
  }

  @ParameterizedTest(name = "{0}")
  @KubectlVersions({"1.33", "1.30", "1.27"})
  void explain_containers_printsTypesAndDescriptions(Kubectl k) {
    Kubectl.Result r = server.admin(k, "explain", "pods.spec.containers");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains("KIND:       Pod", "FIELD: containers <[]Container>",
        "List of containers belonging to the pod.", "image\t<string>",
        "name\t<string> -required-", "ports\t<[]ContainerPort>");
  }

  @ParameterizedTest(name = "{0}")
  @KubectlVersions({"1.33", "1.30", "1.27"})
  void customResource_established_isPublished(Kubectl k) throws Exception {
    String group = "k" + k.tag() + ".openapi.example.com";
    Path gadgets = server.write("gadgets-" + k.tag() + ".yaml", """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: gadgets.GROUP
        spec:
          group: GROUP
          scope: Namespaced
          names: {plural: gadgets, singular: gadget, kind: Gadget}
          versions:
          - name: v1
            served: true
            storage: true
            subresources: {status: {}}
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    description: What the gadget should do.
                    properties:
                      mode: {type: string, description: The gadget's mode.}
        """.replace("GROUP", group));
    Kubectl.Result crd = server.admin(k, "apply", "-f", gadgets.toString());
    assertThat(crd.exitCode()).as(crd.stderr()).isZero();
    Kubectl.Result waited = server.admin(k, "wait", "--for", "condition=established",
        "--timeout=30s", "crd/gadgets." + group);
    assertThat(waited.exitCode()).as(waited.stderr()).isZero();
    assertThat(server.admin(k, "get", "--raw", "/openapi/v3").stdout())
        .contains("\"apis/" + group + "/v1\"");

    Kubectl.Result explained = server.admin(k, "explain", "gadgets.spec");
    assertThat(explained.exitCode()).as(explained.stderr()).isZero();
    assertThat(explained.stdout()).contains("KIND:       Gadget", "What the gadget should do.",
        "mode\t<string>", "The gadget's mode.");

    Path bad = server.write("gadget-" + k.tag() + ".yaml", """
        apiVersion: GROUP/v1
        kind: Gadget
        metadata: {name: g1, namespace: default}
        spec: {mode: fast, speed: 3}
        """.replace("GROUP", group));
    Kubectl.Result r = server.admin(k, "create", "-f", bad.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).isEqualTo("Error from server (BadRequest): error when creating \""
        + bad + "\": Gadget in version \"v1\" cannot be handled as a Gadget: strict decoding "
        + "error: unknown field \"spec.speed\"\n");
  }

  private static String deployment(String name, String extraPodSpec) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: %s
          namespace: default
        spec:
          replicas: 1
          selector:
            matchLabels: {app: %s}
          template:
            metadata:
              labels: {app: %s}
            spec:
        %s      containers:
              - name: web
                image: nginx:1.27
                ports:
                - containerPort: 80
        """.formatted(name, name, name, extraPodSpec);
  }
}
