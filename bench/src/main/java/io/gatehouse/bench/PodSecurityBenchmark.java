package io.gatehouse.bench;

import io.gatehouse.admission.AdmissionAttributes;
import io.gatehouse.admission.AdmissionResult;
import io.gatehouse.admission.ClusterState;
import io.gatehouse.admission.Operation;
import io.gatehouse.admission.podsecurity.Evaluator;
import io.gatehouse.admission.podsecurity.LevelVersion;
import io.gatehouse.admission.podsecurity.PodSecurityAdmission;
import io.gatehouse.admission.podsecurity.PodSecurityConfiguration;
import io.gatehouse.admission.podsecurity.PolicyEvaluation;
import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.GroupVersionResource;
import io.gatehouse.api.Unstructured;
import io.gatehouse.api.authz.UserInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Pod Security evaluations per second on one thread: a realistic restricted-compliant pod (init
 * container, app and sidecar with probes, ports, resources, env, projected and configMap volumes)
 * at {@code restricted:latest}; the same pod made to violate four checks (building the denial
 * texts); and the whole admission plugin on a pod CREATE in a namespace enforcing, auditing and
 * warning at restricted. Target: at least 200,000 evaluations/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx1g"})
public class PodSecurityBenchmark {

  private static final LevelVersion RESTRICTED = LevelVersion.parse("restricted:latest");

  private Evaluator evaluator;
  private Map<String, Object> metadata;
  private Map<String, Object> spec;
  private Map<String, Object> violatingSpec;
  private PodSecurityAdmission plugin;
  private AdmissionAttributes create;

  @Setup
  public void setup() {
    evaluator = Evaluator.create();
    Map<String, Object> pod = pod(false);
    metadata = map(pod.get("metadata"));
    spec = map(pod.get("spec"));
    violatingSpec = map(pod(true).get("spec"));
    Unstructured namespace =
        Unstructured.copyOf(
            Map.of(
                "apiVersion", "v1",
                "kind", "Namespace",
                "metadata",
                    Map.of(
                        "name",
                        "payments",
                        "labels",
                        Map.of(
                            "pod-security.kubernetes.io/enforce", "restricted",
                            "pod-security.kubernetes.io/audit", "restricted",
                            "pod-security.kubernetes.io/warn", "restricted"))));
    plugin =
        PodSecurityAdmission.create(
            PodSecurityConfiguration.DEFAULT, evaluator, new OneNamespace(namespace));
    create =
        new AdmissionAttributes(
            Unstructured.copyOf(pod),
            null,
            new GroupVersionKind("", "v1", "Pod"),
            new GroupVersionResource("", "v1", "pods"),
            "",
            "payments",
            "web-7c5b9-abcde",
            Operation.CREATE,
            null,
            false,
            UserInfo.of("system:serviceaccount:kube-system:replicaset-controller"));
    if (!evaluateRestrictedPod().allowed()
        || evaluateViolatingPod().violations().size() != 4
        || !admitPod().allowed()) {
      throw new IllegalStateException("benchmark pods do not evaluate as intended");
    }
  }

  /** A compliant pod at restricted:latest: the common case, every check runs and passes. */
  @Benchmark
  public PolicyEvaluation evaluateRestrictedPod() {
    return evaluator.evaluate(RESTRICTED, metadata, spec);
  }

  /** The pod violating four restricted checks: the denial texts are built. */
  @Benchmark
  public PolicyEvaluation evaluateViolatingPod() {
    PolicyEvaluation e = evaluator.evaluate(RESTRICTED, metadata, violatingSpec);
    e.denialMessage();
    return e;
  }

  /** The plugin on a pod CREATE: namespace labels, enforce, audit and warn (cached). */
  @Benchmark
  public AdmissionResult admitPod() {
    return plugin.admit(create);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  private static Map<String, Object> pod(boolean violating) {
    Map<String, Object> restricted =
        Map.of(
            "allowPrivilegeEscalation", false,
            "runAsNonRoot", true,
            "readOnlyRootFilesystem", true,
            "capabilities", Map.of("drop", List.of("ALL")));
    Map<String, Object> app = new LinkedHashMap<>();
    app.put("name", "web");
    app.put("image", "registry.example.com/team/web:1.4.2");
    app.put("ports", List.of(Map.of("name", "http", "containerPort", 8080L, "protocol", "TCP")));
    app.put(
        "env",
        List.of(
            Map.of("name", "LOG_LEVEL", "value", "info"),
            Map.of(
                "name",
                "POD_IP",
                "valueFrom",
                Map.of("fieldRef", Map.of("fieldPath", "status.podIP")))));
    app.put(
        "resources",
        Map.of(
            "requests", Map.of("cpu", "250m", "memory", "256Mi"),
            "limits", Map.of("cpu", "1", "memory", "512Mi")));
    app.put("livenessProbe", Map.of("httpGet", Map.of("path", "/healthz", "port", 8080L)));
    app.put("readinessProbe", Map.of("httpGet", Map.of("path", "/ready", "port", 8080L)));
    app.put("volumeMounts", List.of(Map.of("name", "config", "mountPath", "/etc/web")));
    app.put(
        "securityContext",
        violating
            ? Map.of("privileged", true, "capabilities", Map.of("add", List.of("NET_ADMIN")))
            : restricted);
    Map<String, Object> sidecar = new LinkedHashMap<>(app);
    sidecar.put("name", "proxy");
    sidecar.put("image", "registry.example.com/mesh/proxy:2.1.0");
    sidecar.put("ports", List.of(Map.of("name", "admin", "containerPort", 15000L)));
    sidecar.put("securityContext", restricted);
    Map<String, Object> init = new LinkedHashMap<>();
    init.put("name", "migrate");
    init.put("image", "registry.example.com/team/web-migrate:1.4.2");
    init.put("command", List.of("/migrate", "--up"));
    init.put("securityContext", restricted);
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("serviceAccountName", "web");
    spec.put("initContainers", List.of(init));
    spec.put("containers", List.of(app, sidecar));
    spec.put(
        "securityContext",
        Map.of(
            "runAsUser",
            10001L,
            "runAsGroup",
            10001L,
            "fsGroup",
            10001L,
            "seccompProfile",
            Map.of("type", "RuntimeDefault")));
    spec.put(
        "volumes",
        List.of(
            Map.of("name", "config", "configMap", Map.of("name", "web-config")),
            Map.of(
                "name",
                "token",
                "projected",
                Map.of(
                    "sources",
                    List.of(
                        Map.of(
                            "serviceAccountToken",
                            Map.of("path", "token", "expirationSeconds", 3607L)))))));
    spec.put(
        "tolerations",
        List.of(
            Map.of(
                "key",
                "node.kubernetes.io/not-ready",
                "operator",
                "Exists",
                "effect",
                "NoExecute",
                "tolerationSeconds",
                300L)));
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", "web-7c5b9-abcde");
    metadata.put("namespace", "payments");
    metadata.put("labels", Map.of("app", "web", "pod-template-hash", "7c5b9"));
    metadata.put(
        "annotations", Map.of("kubectl.kubernetes.io/restartedAt", "2025-01-01T00:00:00Z"));
    Map<String, Object> pod = new LinkedHashMap<>();
    pod.put("apiVersion", "v1");
    pod.put("kind", "Pod");
    pod.put("metadata", metadata);
    pod.put("spec", spec);
    return pod;
  }

  /** A cluster with one namespace and no pods. */
  private record OneNamespace(Unstructured namespace) implements ClusterState {
    @Override
    public Optional<Unstructured> namespace(String name) {
      return name.equals(namespace.name()) ? Optional.of(namespace) : Optional.empty();
    }

    @Override
    public List<Unstructured> list(GroupVersionKind kind, String ns, boolean allNamespaces) {
      return List.of();
    }

    @Override
    public Optional<Unstructured> get(GroupVersionKind kind, String ns, String name) {
      return Optional.empty();
    }
  }
}
