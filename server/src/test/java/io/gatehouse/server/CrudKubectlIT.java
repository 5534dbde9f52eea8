package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stored resources end to end with the real kubectl 1.33 and 1.30 (each run with a fresh cache
 * directory): create, get (table, YAML, JSON), watch, label/annotate (strategic merge patch),
 * merge and JSON patches, stale replace, duplicate create, server dry run, delete, a
 * ValidatingAdmissionPolicy (deny and warn bindings), Pod Security enforce=restricted, and data
 * surviving a restart. {@code create}/{@code replace} run with kubectl's default validation
 * (the server publishes OpenAPI). Impersonation and RBAC are tested in {@link SecurityKubectlIT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrudKubectlIT {

  private Path dir;
  private GatehouseServer server;

  @BeforeAll
  void start(@TempDir Path tempDir) throws Exception {
    dir = tempDir;
    server = GatehouseServer.start(ServerOptions.builder().dataDir(dir.resolve("data"))
        .securePort(0).projectVersion("0.1.0").build());
    Path policies = Path.of(System.getProperty("user.dir")).getParent()
        .resolve("examples/policies/replica-limit.yaml");
    Kubectl k = Kubectl.available().get(0);
    Kubectl.Result r = admin(k, "create", "-f", policies.toString());
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    Kubectl.Result warn = admin(k, "create", "-f", write("warn-binding.yaml", """
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicyBinding
        metadata:
          name: demo-binding-warn.example.com
        spec:
          policyName: demo-policy.example.com
          validationActions: [Warn]
          matchResources:
            namespaceSelector:
              matchLabels:
                environment: warn
        """).toString());
    assertThat(warn.exitCode()).as(warn.stderr()).isZero();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  static Stream<Kubectl> kubectls() {
    return Kubectl.available("1.33", "1.30").stream().filter(k -> !k.label().equals("kubectl"));
  }

  private Kubectl.Result admin(Kubectl kubectl, String... args) {
    return kubectl.run(dir, Stream.concat(Stream.of("--kubeconfig=" + server.kubeconfig()),
        Stream.of(args)).toArray(String[]::new));
  }

  private Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  private static String ns(Kubectl k, String base) {
    return base + "-" + k.label().replace("kubectl.", "").replace(".", "");
  }

  private void namespace(Kubectl k, String name, String... labels) throws Exception {
    StringBuilder sb = new StringBuilder("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: "
        + name + "\n");
    if (labels.length > 0) {
      sb.append("  labels:\n");
      for (int i = 0; i < labels.length; i += 2) {
        sb.append("    ").append(labels[i]).append(": \"").append(labels[i + 1]).append("\"\n");
      }
    }
    Kubectl.Result r = admin(k, "create", "-f",
        write(name + ".yaml", sb.toString()).toString());
    assertThat(r.exitCode()).as(r.stderr()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kubectls")
  void configMap_lifecycle_behavesAsUpstream(Kubectl k) throws Exception {
    String ns = ns(k, "crud");
    namespace(k, ns);
    Path cm = write(ns + "-cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c1\n"
        + "data:\n  a: b\n");
    Kubectl.Result created = admin(k, "-n", ns, "create", "-f", cm.toString());
    assertThat(created.stdout()).as(created.stderr()).contains("configmap/c1 created");

    Kubectl.Result table = admin(k, "-n", ns, "get", "configmaps");
    assertThat(table.stdout().lines().findFirst().orElse("")).matches("NAME\\s+DATA\\s+AGE");
    assertThat(table.stdout()).containsPattern("c1\\s+1\\s+\\d+s");
    assertThat(admin(k, "-n", ns, "get", "cm", "c1", "-o", "yaml").stdout())
        .contains("name: c1", "namespace: " + ns, "uid: ", "resourceVersion: ", "a: b");
    assertThat(admin(k, "-n", ns, "get", "cm", "c1", "-o", "json").stdout())
        .contains("\"kind\": \"ConfigMap\"");

    assertThat(admin(k, "-n", ns, "label", "cm", "c1", "team=blue").stdout())
        .contains("configmap/c1 labeled");
    assertThat(admin(k, "-n", ns, "annotate", "cm", "c1", "note=hi").stdout())
        .contains("configmap/c1 annotated");
    assertThat(admin(k, "-n", ns, "patch", "cm", "c1", "--type=merge", "-p",
        "{\"data\":{\"m\":\"1\"}}").stdout()).contains("configmap/c1 patched");
    assertThat(admin(k, "-n", ns, "patch", "cm", "c1", "--type=json", "-p",
        "[{\"op\":\"add\",\"path\":\"/data/j\",\"value\":\"2\"}]").stdout())
        .contains("configmap/c1 patched");
    assertThat(admin(k, "-n", ns, "get", "cm", "-l", "team=blue", "-o",
        "jsonpath={.items[0].data}{.items[0].metadata.annotations.note}").stdout())
        .isEqualTo("{\"a\":\"b\",\"j\":\"2\",\"m\":\"1\"}hi");

    Kubectl.Result duplicate = admin(k, "-n", ns, "create", "-f",
        cm.toString());
    assertThat(duplicate.stderr()).contains("Error from server (AlreadyExists): error when "
        + "creating \"" + cm + "\": configmaps \"c1\" already exists");

    Path stale = write(ns + "-stale.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c1\n"
        + "  resourceVersion: \"1\"\ndata:\n  a: z\n");
    Kubectl.Result conflict = admin(k, "-n", ns, "replace", "-f",
        stale.toString());
    assertThat(conflict.stderr()).contains("Error from server (Conflict): error when replacing \""
        + stale + "\": Operation cannot be fulfilled on configmaps \"c1\": the object has been "
        + "modified; please apply your changes to the latest version and try again");

    Path dry = write(ns + "-dry.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dry\n");
    assertThat(admin(k, "-n", ns, "create", "--dry-run=server", "-f",
        dry.toString()).stdout()).contains("configmap/dry created (server dry run)");
    assertThat(admin(k, "-n", ns, "get", "cm", "dry").stderr())
        .contains("Error from server (NotFound): configmaps \"dry\" not found");

    assertThat(admin(k, "-n", ns, "delete", "cm", "c1").stdout())
        .contains("configmap \"c1\" deleted");
    // What a cluster leaves: the root CA ConfigMap its publisher keeps in every namespace.
    assertThat(admin(k, "-n", ns, "get", "cm", "-o", "name").stdout())
        .isEqualTo("configmap/kube-root-ca.crt\n");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kubectls")
  void getWatch_seesAddedModifiedDeleted(Kubectl k) throws Exception {
    String ns = ns(k, "watch");
    namespace(k, ns);
    Path out = dir.resolve(ns + "-watch.txt");
    Process watch = new ProcessBuilder(k.binary().toString(), "--kubeconfig=" + server.kubeconfig(),
        "--cache-dir=" + dir.resolve(ns + "-cache"), "-n", ns, "get", "cm", "-w",
        "--output-watch-events")
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(out.toFile()).redirectErrorStream(true).start();
    try {
      Thread.sleep(1500);
      Path cm = write(ns + "-w.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: w\n");
      admin(k, "-n", ns, "create", "-f", cm.toString());
      admin(k, "-n", ns, "label", "cm", "w", "x=y");
      admin(k, "-n", ns, "delete", "cm", "w");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (System.nanoTime() < deadline
          && !Files.readString(out, StandardCharsets.UTF_8).contains("DELETED")) {
        Thread.sleep(100);
      }
    } finally {
      watch.destroy();
      watch.waitFor(5, TimeUnit.SECONDS);
    }
    List<String> lines = Files.readString(out, StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).anyMatch(l -> l.matches("ADDED\\s+w\\s+0\\s+\\d+s"))
        .anyMatch(l -> l.matches("MODIFIED\\s+w\\s+0\\s+\\d+s"))
        .anyMatch(l -> l.matches("DELETED\\s+w\\s+0\\s+\\d+s"));
  }

  private Path deployment(String ns, int replicas) throws Exception {
    return write(ns + "-deploy.yaml", """
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
              - name: web
                image: nginx
        """.formatted(replicas));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kubectls")
  void validatingAdmissionPolicy_denyAndWarn(Kubectl k) throws Exception {
    String deny = ns(k, "vap-test");
    namespace(k, deny, "environment", "test");
    Kubectl.Result denied = admin(k, "-n", deny, "create", "-f",
        deployment(deny, 11).toString());
    assertThat(denied.exitCode()).isEqualTo(1);
    // The policy sets no reason: Invalid, printed as in the Kubernetes 1.30 announcement.
    assertThat(denied.stderr()).contains("The deployments \"web\" is invalid: : "
        + "ValidatingAdmissionPolicy 'demo-policy.example.com' with binding "
        + "'demo-binding-test.example.com' denied request: failed expression: "
        + "object.spec.replicas <= 10");
    Kubectl.Result allowed = admin(k, "-n", deny, "create", "-f",
        deployment(deny, 3).toString());
    assertThat(allowed.stdout()).as(allowed.stderr()).contains("deployment.apps/web created");
    assertThat(admin(k, "-n", deny, "get", "deploy", "web").stdout().lines().findFirst()
        .orElse("")).matches("NAME\\s+READY\\s+UP-TO-DATE\\s+AVAILABLE\\s+AGE");

    String warn = ns(k, "vap-warn");
    namespace(k, warn, "environment", "warn");
    Kubectl.Result warned = admin(k, "-n", warn, "create", "-f",
        deployment(warn, 11).toString());
    assertThat(warned.stdout()).as(warned.stderr()).contains("deployment.apps/web created");
    assertThat(warned.stderr()).contains("Warning: Validation failed for ValidatingAdmissionPolicy "
        + "'demo-policy.example.com' with binding 'demo-binding-warn.example.com': failed "
        + "expression: object.spec.replicas <= 10");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kubectls")
  void podSecurityRestricted_deniesPrivilegedPod(Kubectl k) throws Exception {
    String ns = ns(k, "restricted");
    namespace(k, ns, "pod-security.kubernetes.io/enforce", "restricted");
    Path pod = write(ns + "-pod.yaml", """
        apiVersion: v1
        kind: Pod
        metadata:
          name: priv
        spec:
          containers:
          - name: c
            image: nginx
            securityContext:
              privileged: true
        """);
    Kubectl.Result r = admin(k, "-n", ns, "create", "-f", pod.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).contains("Error from server (Forbidden): error when creating \"" + pod
        + "\": pods \"priv\" is forbidden: violates PodSecurity \"restricted:latest\": "
        + "privileged (container \"c\" must not set securityContext.privileged=true)");
  }

  @Test
  void restart_keepsData() throws Exception {
    Path data = dir.resolve("restart");
    Kubectl k = Kubectl.available().get(0);
    Path cm = write("restart-cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: kept\n");
    try (GatehouseServer first = GatehouseServer.start(ServerOptions.builder().dataDir(data)
        .securePort(0).build())) {
      Kubectl.Result r = k.run(dir, "--kubeconfig=" + first.kubeconfig(), "create",
          "-f", cm.toString());
      assertThat(r.exitCode()).as(r.stderr()).isZero();
    }
    try (GatehouseServer second = GatehouseServer.start(ServerOptions.builder().dataDir(data)
        .securePort(0).build())) {
      Kubectl.Result r = k.run(dir, "--kubeconfig=" + second.kubeconfig(), "get", "cm", "kept",
          "-o", "name");
      assertThat(r.stdout()).as(r.stderr()).isEqualTo("configmap/kept\n");
    }
  }
}
