package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * {@code kubectl apply --server-side} of a custom resource whose CRD declares a list map
 * ({@code x-kubernetes-list-type: map}, keyed by {@code name}), with the real kubectl 1.33 and
 * 1.30: two field managers adding different entries both keep them and each owns its own entry
 * in {@code managedFields}; a manager changing another's entry gets upstream's conflict.
 */
class CustomResourceApplyKubectlIT {

  private static final TestCrds.Crd CRD = TestCrds.namespaced("gadgets", "Gadget")
      .singular("gadget").v1(TestCrds.specSchema("""
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
          """)).build();

  @RegisterExtension
  static final KubectlServer server = KubectlServer.builder().build();

  private static Path gadget(String ns, String name, int port) {
    return server.write(ns + "-" + name + "-" + port + ".yaml", """
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

  private static Kubectl.Result applyAs(Kubectl k, String ns, String manager, Path file) {
    return server.admin(k, "-n", ns, "apply", "--server-side", "--field-manager=" + manager,
        "-f", file.toString());
  }

  @ParameterizedTest(name = "{0}")
  @KubectlVersions
  void applyServerSide_twoManagersListMapEntries_mergedAndOwnedSeparately(Kubectl k)
      throws Exception {
    TestCrds.install(server, k, CRD);
    String ns = "gadgets-" + k.tag();
    Kubectl.Result created = server.admin(k, "create", "namespace", ns);
    assertThat(created.exitCode()).as(created.stderr()).isZero();

    Kubectl.Result a = applyAs(k, ns, "a", gadget(ns, "http", 80));
    Kubectl.Result b = applyAs(k, ns, "b", gadget(ns, "https", 443));

    assertThat(a.stdout()).as(a.stderr()).contains("gadget.example.com/g serverside-applied");
    assertThat(b.stdout()).as(b.stderr()).contains("gadget.example.com/g serverside-applied");
    assertThat(server.admin(k, "-n", ns, "get", "gadget", "g", "-o",
        "jsonpath={.spec.ports[*].name}").stdout()).isEqualTo("http https");
    assertThat(server.admin(k, "-n", ns, "get", "gadget", "g", "-o",
        "jsonpath={.metadata.managedFields[?(@.manager==\"a\")].fieldsV1}").stdout())
        .isEqualTo("{\"f:spec\":{\"f:ports\":{\"k:{\\\"name\\\":\\\"http\\\"}\":{\".\":{},"
            + "\"f:name\":{},\"f:port\":{}}}}}");
    assertThat(server.admin(k, "-n", ns, "get", "gadget", "g", "-o",
        "jsonpath={.metadata.managedFields[?(@.manager==\"b\")].fieldsV1}").stdout())
        .isEqualTo("{\"f:spec\":{\"f:ports\":{\"k:{\\\"name\\\":\\\"https\\\"}\":{\".\":{},"
            + "\"f:name\":{},\"f:port\":{}}}}}");

    Kubectl.Result conflict = applyAs(k, ns, "b", gadget(ns, "http", 8080));

    assertThat(conflict.exitCode()).isEqualTo(1);
    assertThat(conflict.stderr()).contains("error: Apply failed with 1 conflict: conflict with "
        + "\"a\": .spec.ports[name=\"http\"].port",
        "Please review the fields above--they currently have other managers.");
    assertThat(server.admin(k, "-n", ns, "get", "gadget", "g", "-o",
        "jsonpath={.spec.ports[0].port}").stdout()).isEqualTo("80");
  }
}
