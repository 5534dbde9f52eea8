package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Garbage collection seen through the real kubectl 1.33 and 1.30: {@code kubectl delete} with
 * {@code --cascade=background} (the default), {@code orphan} and {@code foreground} of a
 * ConfigMap that owns other ConfigMaps, and of a custom resource that owns one, each waiting for
 * the deletion to finish as against a real cluster.
 */
class GarbageCollectionKubectlIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Duration PAUSE = Duration.ofMillis(100);
  private static final TestCrds.Crd CRD = TestCrds.namespaced("widgets", "Widget")
      .singular("widget").v1(TestCrds.specSchema("size: {type: integer}")).build();

  @RegisterExtension
  static final KubectlServer server = KubectlServer.builder().build();

  private static Kubectl.Result ok(Kubectl k, String... args) {
    Kubectl.Result r = server.admin(k, args);
    assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.stderr()).isZero();
    return r;
  }

  private static void apply(Kubectl k, String ns, String name, String yaml) {
    Path file = server.write(ns + "-" + name + ".yaml", yaml);
    ok(k, "-n", ns, "apply", "-f", file.toString());
  }

  private static String uid(Kubectl k, String ns, String resource) {
    return ok(k, "-n", ns, "get", resource, "-o", "jsonpath={.metadata.uid}").stdout().strip();
  }

  private static JsonNode json(Kubectl k, String ns, String resource) {
    try {
      return JSON.readTree(ok(k, "-n", ns, "get", resource, "-o", "json").stdout());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
  private static void awaitGone(Kubectl k, String ns, String resource) {
    Kubectl.Result r = Eventually.until(() -> server.admin(k, "-n", ns, "get", resource),
        x -> x.exitCode() != 0, WAIT, PAUSE);
    assertThat(r.exitCode()).as(resource + " still exists: " + r.stdout()).isNotZero();
    assertThat(r.stderr()).contains("(NotFound)");
  }

  private static String namespace(Kubectl k, String prefix) {
    String ns = prefix + "-" + k.tag();
    ok(k, "create", "namespace", ns);
    return ns;
  }

  @ParameterizedTest(name = "{0}")
  @KubectlVersions
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
  @KubectlVersions
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
  @KubectlVersions
  void deleteForeground_blockingDependentWithFinalizer_ownerWaitsForIt(Kubectl k)
      throws Exception {
    String ns = namespace(k, "gc-fg");
    ok(k, "-n", ns, "create", "configmap", "owner");
    apply(k, ns, "dependent", dependent("dependent", "v1", "ConfigMap", "owner",
        uid(k, ns, "configmap/owner"), true, "example.com/hold"));

    ok(k, "-n", ns, "delete", "configmap", "owner", "--cascade=foreground", "--wait=false");
    JsonNode dependent = Eventually.until(() -> json(k, ns, "configmap/dependent"),
        d -> d.at("/metadata").has("deletionTimestamp"), WAIT, PAUSE);

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
  @KubectlVersions
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
  @KubectlVersions
  void deleteBackground_customResourceOwner_dependentCollected(Kubectl k) throws Exception {
    TestCrds.install(server, k, CRD);
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
