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
 * The default admission plugins seen through the real kubectl 1.33 and 1.30: {@code kubectl run}
 * gets the {@code default} service account, the {@code kube-api-access-*} projected volume and its
 * mount, priority 0 and the not-ready/unreachable tolerations; the namespace gets {@code
 * kube-root-ca.crt}; a pod naming a missing service account or PriorityClass is refused with
 * upstream's text; a {@code priorityClassName} resolves to its value; LimitRange defaults land in
 * the containers with the {@code kubernetes.io/limit-ranger} annotation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdmissionPluginsKubectlIT {

  private static final ObjectMapper JSON = new ObjectMapper();

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

  private Kubectl.Result admin(Kubectl k, String... args) {
    return k.run(dir, Stream.concat(Stream.of("--kubeconfig=" + server.kubeconfig()),
        Stream.of(args)).toArray(String[]::new));
  }

  private static Kubectl.Result ok(Kubectl.Result r) {
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    return r;
  }

  private JsonNode json(Kubectl k, String ns, String object) throws Exception {
    return JSON.readTree(ok(admin(k, "-n", ns, "get", object, "-o", "json")).stdout());
  }

  private String namespace(Kubectl k, String prefix) {
    String ns = prefix + "-" + k.label().replace("kubectl.", "").replace(".", "");
    ok(admin(k, "create", "namespace", ns));
    return ns;
  }

  private Path write(String name, String yaml) throws Exception {
    return Files.writeString(dir.resolve(name), yaml);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kubectls")
  void run_pod_getsServiceAccountTokenVolumePriorityAndTolerations(Kubectl k) throws Exception {
    String ns = namespace(k, "sa");
    ok(admin(k, "-n", ns, "run", "web", "--image=nginx"));

    String yaml = ok(admin(k, "-n", ns, "get", "pod", "web", "-o", "yaml")).stdout();
    assertThat(yaml).containsPattern("""
        volumeMounts:
        - mountPath: /var/run/secrets/kubernetes.io/serviceaccount
          name: kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}
          readOnly: true
        """.indent(4)).containsPattern("""
        volumes:
        - name: kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}
          projected:
            defaultMode: 420
            sources:
            - serviceAccountToken:
                expirationSeconds: 3607
                path: token
            - configMap:
                items:
                - key: ca.crt
                  path: ca.crt
                name: kube-root-ca.crt
            - downwardAPI:
                items:
                - fieldRef:
                    apiVersion: v1
                    fieldPath: metadata.namespace
                  path: namespace
        """.indent(2)).contains("""
        serviceAccount: default
        serviceAccountName: default
        """.indent(2)).contains("""
        tolerations:
        - effect: NoExecute
          key: node.kubernetes.io/not-ready
          operator: Exists
          tolerationSeconds: 300
        - effect: NoExecute
          key: node.kubernetes.io/unreachable
          operator: Exists
          tolerationSeconds: 300
        """.indent(2)).contains("  preemptionPolicy: PreemptLowerPriority\n  priority: 0\n");

    JsonNode rootCa = json(k, ns, "configmap/kube-root-ca.crt");
    assertThat(rootCa.at("/data/ca.crt").asText())
        .isEqualTo(Files.readString(dir.resolve("data/pki/ca.crt")));
    assertThat(rootCa.at("/metadata/annotations/kubernetes.io~1description").asText())
        .startsWith("Contains a CA bundle that can be used to verify the kube-apiserver");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kubectls")
  void create_podWithMissingServiceAccount_forbiddenWithUpstreamText(Kubectl k) throws Exception {
    String ns = namespace(k, "ghost");
    Path pod = write(ns + ".yaml", """
        apiVersion: v1
        kind: Pod
        metadata: {name: lost}
        spec:
          serviceAccountName: ghost
          containers: [{name: app, image: nginx}]
        """);

    Kubectl.Result r = admin(k, "-n", ns, "create", "-f", pod.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).isEqualTo("Error from server (Forbidden): error when creating \""
        + pod + "\": pods \"lost\" is forbidden: error looking up service account " + ns
        + "/ghost: serviceaccount \"ghost\" not found\n");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kubectls")
  void create_podWithPriorityClassName_resolvesPriority(Kubectl k) throws Exception {
    String ns = namespace(k, "prio");
    String suffix = ns.substring("prio-".length());
    Path objects = write(ns + ".yaml", """
        apiVersion: scheduling.k8s.io/v1
        kind: PriorityClass
        metadata: {name: batch-%1$s}
        value: 1000
        preemptionPolicy: Never
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: batch, namespace: %2$s}
        spec:
          priorityClassName: batch-%1$s
          containers: [{name: app, image: nginx}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: critical, namespace: %2$s}
        spec:
          priorityClassName: system-cluster-critical
          containers: [{name: app, image: nginx}]
        """.formatted(suffix, ns));
    ok(admin(k, "create", "-f", objects.toString()));

    assertThat(ok(admin(k, "-n", ns, "get", "pods", "-o",
        "custom-columns=NAME:.metadata.name,PRIORITY:.spec.priority,POLICY:.spec.preemptionPolicy",
        "--sort-by=.metadata.name")).stdout()).isEqualTo("""
        NAME       PRIORITY     POLICY
        batch      1000         Never
        critical   2000000000   PreemptLowerPriority
        """);
    assertThat(ok(admin(k, "get", "priorityclass", "system-node-critical", "-o",
        "jsonpath={.value} {.description}")).stdout()).isEqualTo("2000001000 Used for system "
        + "critical pods that must not be moved from their current node.");

    Kubectl.Result unknown = admin(k, "-n", ns, "run", "gold", "--image=nginx",
        "--overrides={\"spec\":{\"priorityClassName\":\"gold\"}}");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.stderr()).isEqualTo("Error from server (Forbidden): pods \"gold\" is "
        + "forbidden: no PriorityClass with name gold was found\n");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kubectls")
  void create_podUnderLimitRange_getsDefaultsAndIsCheckedAgainstMax(Kubectl k) throws Exception {
    String ns = namespace(k, "limits");
    Path range = write(ns + "-range.yaml", """
        apiVersion: v1
        kind: LimitRange
        metadata: {name: defaults}
        spec:
          limits:
          - type: Container
            max: {cpu: "1"}
            default: {cpu: 500m, memory: 256Mi}
            defaultRequest: {cpu: 100m, memory: 128Mi}
        """);
    ok(admin(k, "-n", ns, "create", "-f", range.toString()));
    ok(admin(k, "-n", ns, "run", "web", "--image=nginx"));

    JsonNode pod = json(k, ns, "pod/web");
    assertThat(pod.at("/spec/containers/0/resources").toString()).isEqualTo(
        "{\"limits\":{\"cpu\":\"500m\",\"memory\":\"256Mi\"},"
            + "\"requests\":{\"cpu\":\"100m\",\"memory\":\"128Mi\"}}");
    assertThat(pod.at("/metadata/annotations/kubernetes.io~1limit-ranger").asText()).isEqualTo(
        "LimitRanger plugin set: cpu, memory request for container web; cpu, memory limit for "
            + "container web");

    Kubectl.Result big = admin(k, "-n", ns, "run", "big", "--image=nginx",
        "--overrides={\"spec\":{\"containers\":[{\"name\":\"big\",\"image\":\"nginx\","
            + "\"resources\":{\"limits\":{\"cpu\":\"2\"}}}]}}");
    assertThat(big.exitCode()).isEqualTo(1);
    assertThat(big.stderr()).isEqualTo("Error from server (Forbidden): pods \"big\" is forbidden: "
        + "maximum cpu usage per Container is 1, but limit is 2\n");
  }
}
