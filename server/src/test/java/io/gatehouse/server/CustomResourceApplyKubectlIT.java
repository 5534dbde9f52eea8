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

/**
 * {@code kubectl apply --server-side} of a custom resource whose CRD declares a list map
 * ({@code x-kubernetes-list-type: map}, keyed by {@code name}), with the real kubectl 1.33 and
 * 1.30: two field managers adding different entries both keep them and each owns its own entry
 * in {@code managedFields}; a manager changing another's entry gets upstream's conflict.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomResourceApplyKubectlIT {

  private static final String CRD = """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata: {name: gadgets.example.com}
      spec:
        group: example.com
        scope: Namespaced
        names: {plural: gadgets, singular: gadget, kind: Gadget}
        versions:
        - name: v1
          served: true
          storage: true
          schema:
            openAPIV3Schema:
              type: object
              properties:
                spec:
                  type: object
                  properties:
                    ports:
                      type: array
                      x-kubernetes-list-type: map
                      x-kubernetes-list-map-keys: [name]
                      items:
                        type: object
                        required: [name]
                        properties:
                          name: {type: string}
                          port: {type: integer}
      """;

  private Path dir;
  private GatehouseServer server;

  @BeforeAll
  void start(@TempDir Path tempDir) throws Exception {
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

  private Kubectl.Result run(Kubectl k, String... args) {
    return k.run(dir, java.util.Map.of(), Stream.concat(
        Stream.of("--kubeconfig=" + server.kubeconfig()), Stream.of(args))
        .toArray(String[]::new));
  }

  private Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  private Path gadget(String ns, String name, int port) throws Exception {
    return write(ns + "-" + name + "-" + port + ".yaml", """
        apiVersion: example.com/v1
        kind: Gadget
        metadata:
          name: g
        spec:
          ports:
          - name: %s
            port: %d
        """.formatted(name, port));
  }

  private Kubectl.Result applyAs(Kubectl k, String ns, String manager, Path file) {
    return run(k, "-n", ns, "apply", "--server-side", "--field-manager=" + manager,
        "-f", file.toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kubectls")
  void applyServerSide_twoManagersListMapEntries_mergedAndOwnedSeparately(Kubectl k)
      throws Exception {
    Kubectl.Result crd = run(k, "apply", "--server-side", "-f", write("crd.yaml", CRD).toString());
    assertThat(crd.exitCode()).as(crd.stderr()).isZero();
    Kubectl.Result established = run(k, "wait", "--for", "condition=established",
        "crd/gadgets.example.com", "--timeout=30s");
    assertThat(established.exitCode()).as(established.stderr()).isZero();
    String ns = "gadgets-" + k.label().replace("kubectl.", "").replace(".", "");
    Kubectl.Result created = run(k, "create", "namespace", ns);
    assertThat(created.exitCode()).as(created.stderr()).isZero();

    Kubectl.Result a = applyAs(k, ns, "a", gadget(ns, "http", 80));
    Kubectl.Result b = applyAs(k, ns, "b", gadget(ns, "https", 443));

    assertThat(a.stdout()).as(a.stderr()).contains("gadget.example.com/g serverside-applied");
    assertThat(b.stdout()).as(b.stderr()).contains("gadget.example.com/g serverside-applied");
    assertThat(run(k, "-n", ns, "get", "gadget", "g", "-o",
        "jsonpath={.spec.ports[*].name}").stdout()).isEqualTo("http https");
    assertThat(run(k, "-n", ns, "get", "gadget", "g", "-o",
        "jsonpath={.metadata.managedFields[?(@.manager==\"a\")].fieldsV1}").stdout())
        .isEqualTo("{\"f:spec\":{\"f:ports\":{\"k:{\\\"name\\\":\\\"http\\\"}\":{\".\":{},"
            + "\"f:name\":{},\"f:port\":{}}}}}");
    assertThat(run(k, "-n", ns, "get", "gadget", "g", "-o",
        "jsonpath={.metadata.managedFields[?(@.manager==\"b\")].fieldsV1}").stdout())
        .isEqualTo("{\"f:spec\":{\"f:ports\":{\"k:{\\\"name\\\":\\\"https\\\"}\":{\".\":{},"
            + "\"f:name\":{},\"f:port\":{}}}}}");

    Kubectl.Result conflict = applyAs(k, ns, "b", gadget(ns, "http", 8080));

    assertThat(conflict.exitCode()).isEqualTo(1);
    assertThat(conflict.stderr()).contains("error: Apply failed with 1 conflict: conflict with "
        + "\"a\": .spec.ports[name=\"http\"].port",
        "Please review the fields above--they currently have other managers.");
    assertThat(run(k, "-n", ns, "get", "gadget", "g", "-o",
        "jsonpath={.spec.ports[0].port}").stdout()).isEqualTo("80");
  }
}
