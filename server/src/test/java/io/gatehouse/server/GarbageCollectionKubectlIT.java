package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Garbage collection seen through the real kubectl 1.33 and 1.30: {@code kubectl delete} with
 * {@code --cascade=background} (the default), {@code orphan} and {@code foreground} of a
 * ConfigMap that owns other ConfigMaps, and of a custom resource that owns one, each waiting for
 * the deletion to finish as against a real cluster.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GarbageCollectionKubectlIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long WAIT_MILLIS = 20_000;
  private static final String CRD = """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata: {name: widgets.example.com}
      spec:
        group: example.com
        scope: Namespaced
        names: {plural: widgets, singular: widget, kind: Widget}
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
                    size: {type: integer}
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
    if (server != null) {
      server.close();
    }
  }

  static Stream<Kubectl> kubectls() {
    return Kubectl.available("1.33", "1.30").stream().filter(k -> !k.label().equals("kubectl"));
  }

  private Kubectl.Result admin(Kubectl k, String... args) {
    return k.run(dir, Stream.concat(Stream.of("--kubeconfig=" + server.kubeconfig()),
        Stream.of(args)).toArray(String[]::new));
  }

  private Kubectl.Result ok(Kubectl k, String... args) {
    Kubectl.Result r = admin(k, args);
    assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.stderr()).isZero();
    return r;
  }

  private void apply(Kubectl k, String ns, String name, String yaml) throws Exception {
    Path file = dir.resolve(ns + "-" + name + ".yaml");
    Files.writeString(file, yaml);
    ok(k, "-n", ns, "apply", "-f", file.toString());
  }

  private String uid(Kubectl k, String ns, String resource) {
    return ok(k, "-n", ns, "get", resource, "-o", "jsonpath={.metadata.uid}").stdout().strip();
  }

  private JsonNode json(Kubectl k, String ns, String resource) throws Exception {
    return JSON.readTree(ok(k, "-n", ns, "get", resource, "-o", "json").stdout());
  }

  private static String dependent(String name, String ownerApiVersion, String ownerKind,
      String owner, String uid, boolean block, String finalizer) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\n"
        + (finalizer.isEmpty() ? "" : "  finalizers: [" + finalizer + "]\n")
        + "  ownerReferences:\n  - apiVersion: " + ownerApiVersion + "\n    kind: " + ownerKind
        + "\n    name: " + owner + "\n    uid: " + uid + "\n    blockOwnerDeletion: " + block
        + "\ndata: {k: v}\n";
  }

  /** Waits until {@code kubectl get} of {@code resource} answers NotFound. */
  private void awaitGone(Kubectl k, String ns, String resource) throws Exception {
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    Kubectl.Result r = admin(k, "-n", ns, "get", resource);
    while (r.exitCode() == 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
      r = admin(k, "-n", ns, "get", resource);
    }
    assertThat(r.exitCode()).as(resource + " still exists: " + r.stdout()).isNotZero();
    assertThat(r.stderr()).contains("(NotFound)");
  }

  private String namespace(Kubectl k, String prefix) {
    String ns = prefix + "-" + k.label().replace("kubectl.", "").replace(".", "");
    ok(k, "create", "namespace", ns);
    return ns;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kubectls")
  void deleteBackground_ownerConfigMap_dependentCollected(Kubectl k) throws Exception {
    String ns = namespace(k, "gc-bg");
    ok(k, "-n", ns, "create", "configmap", "owner");
    ok(k, "-n", ns, "create", "configmap", "bystander");
    apply(k, ns, "dependent", dependent("dependent", "v1", "ConfigMap", "owner",
        uid(k, ns, "configmap/owner"), false, ""));

    Kubectl.Result deleted = ok(k, "-n", ns, "delete", "configmap", "owner");

    assertThat(deleted.stdout()).contains("configmap \"owner\" deleted");
    awaitGone(k, ns, "configmap/dependent");
    ok(k, "-n", ns, "get", "configmap", "bystander");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kubectls")
  void deleteOrphan_ownerConfigMap_dependentKeptWithoutReference(Kubectl k) throws Exception {
    String ns = namespace(k, "gc-orphan");
    ok(k, "-n", ns, "create", "configmap", "owner");
    apply(k, ns, "dependent", dependent("dependent", "v1", "ConfigMap", "owner",
        uid(k, ns, "configmap/owner"), true, ""));

    Kubectl.Result deleted = ok(k, "-n", ns, "delete", "configmap", "owner", "--cascade=orphan");

    assertThat(deleted.stdout()).contains("configmap \"owner\" deleted");
    awaitGone(k, ns, "configmap/owner");
    JsonNode kept = json(k, ns, "configmap/dependent");
    assertThat(kept.at("/metadata").has("ownerReferences")).as(kept.toString()).isFalse();
    assertThat(kept.at("/data/k").asText()).isEqualTo("v");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kubectls")
  void deleteForeground_blockingDependentWithFinalizer_ownerWaitsForIt(Kubectl k)
      throws Exception {
    String ns = namespace(k, "gc-fg");
    ok(k, "-n", ns, "create", "configmap", "owner");
    apply(k, ns, "dependent", dependent("dependent", "v1", "ConfigMap", "owner",
        uid(k, ns, "configmap/owner"), true, "example.com/hold"));

    ok(k, "-n", ns, "delete", "configmap", "owner", "--cascade=foreground", "--wait=false");
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    JsonNode dependent = json(k, ns, "configmap/dependent");
    while (!dependent.at("/metadata").has("deletionTimestamp")
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
      dependent = json(k, ns, "configmap/dependent");
    }

    assertThat(dependent.at("/metadata").has("deletionTimestamp")).isTrue();
    JsonNode owner = json(k, ns, "configmap/owner");
    assertThat(owner.at("/metadata").has("deletionTimestamp")).isTrue();
    assertThat(owner.at("/metadata/finalizers").toString()).isEqualTo("[\"foregroundDeletion\"]");

    ok(k, "-n", ns, "patch", "configmap", "dependent", "--type=merge", "-p",
        "{\"metadata\":{\"finalizers\":null}}");
    ok(k, "-n", ns, "wait", "--for=delete", "configmap/owner", "--timeout=20s");
    awaitGone(k, ns, "configmap/dependent");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kubectls")
  void deleteForeground_waitFinishesOnceDependentsGone(Kubectl k) throws Exception {
    String ns = namespace(k, "gc-fgw");
    ok(k, "-n", ns, "create", "configmap", "owner");
    String owner = uid(k, ns, "configmap/owner");
    apply(k, ns, "dependent", dependent("dependent", "v1", "ConfigMap", "owner", owner, true, ""));

    Kubectl.Result deleted = ok(k, "-n", ns, "delete", "configmap", "owner",
        "--cascade=foreground", "--timeout=20s");

    assertThat(deleted.stdout()).contains("configmap \"owner\" deleted");
    awaitGone(k, ns, "configmap/owner");
    awaitGone(k, ns, "configmap/dependent");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kubectls")
  void deleteBackground_customResourceOwner_dependentCollected(Kubectl k) throws Exception {
    Path crd = dir.resolve("crd.yaml");
    Files.writeString(crd, CRD);
    ok(k, "apply", "-f", crd.toString());
    ok(k, "wait", "--for=condition=Established", "crd/widgets.example.com", "--timeout=20s");
    String ns = namespace(k, "gc-cr");
    apply(k, ns, "widget", "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n"
        + "spec: {size: 1}\n");
    apply(k, ns, "dependent", dependent("made-by-w", "example.com/v1", "Widget", "w",
        uid(k, ns, "widget/w"), false, ""));

    Kubectl.Result deleted = ok(k, "-n", ns, "delete", "widget", "w");

    assertThat(deleted.stdout()).contains("widget.example.com \"w\" deleted");
    awaitGone(k, ns, "configmap/made-by-w");
  }
}
