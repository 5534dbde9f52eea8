package io.gatehouse.bench;

import io.gatehouse.admission.AdmissionAttributes;
import io.gatehouse.admission.AdmissionResult;
import io.gatehouse.admission.ClusterState;
import io.gatehouse.admission.Operation;
import io.gatehouse.admission.validating.ValidatingAdmissionPolicyPlugin;
import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.GroupVersionResource;
import io.gatehouse.api.Unstructured;
import io.gatehouse.api.authz.AuthorizationResult;
import io.gatehouse.api.authz.Authorizer;
import io.gatehouse.api.authz.Decision;
import io.gatehouse.api.authz.UserInfo;
import io.gatehouse.api.codec.Manifest;
import io.gatehouse.api.codec.ManifestDecoder;
import java.nio.charset.StandardCharsets;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One admission request (CREATE of a realistic Deployment) through the ValidatingAdmissionPolicy
 * plugin: a policy with one simple validation, and a policy with three validations (a
 * comparison, a label lookup and a comprehension over containers). Everything the plugin does per
 * request is measured: matching, building the CEL inputs, evaluating, deciding.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class ValidatingAdmissionPolicyBenchmark {

  private static final String ONE =
      """
      - expression: "object.spec.replicas <= 10"
      """;
  private static final String THREE =
      """
      - expression: "object.spec.replicas <= 10"
      - expression: "has(object.metadata.labels) && 'owner' in object.metadata.labels"
        message: workloads must have an owner label
      - expression: "object.spec.template.spec.containers.all(c, c.image.startsWith('registry.example.com/'))"
        messageExpression: "'images must come from registry.example.com'"
      """;

  @Param({"1", "3"})
  public int validations;

  private ValidatingAdmissionPolicyPlugin plugin;
  private AdmissionAttributes create;
  private ClusterState cluster;
  private Authorizer authorizer;

  @Setup
  public void setup() {
    String policy =
        """
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicy
        metadata: {name: bench}
        spec:
          failurePolicy: Fail
          matchConstraints:
            resourceRules:
            - {apiGroups: [apps], apiVersions: [v1], operations: [CREATE, UPDATE], resources: [deployments]}
          validations:
        """
            + (validations == 1 ? ONE : THREE).indent(2)
            + """
        ---
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicyBinding
        metadata: {name: bench}
        spec: {policyName: bench, validationActions: [Deny]}
        """;
    List<Unstructured> objects =
        ManifestDecoder.decode("bench", policy.getBytes(StandardCharsets.UTF_8)).manifests()
            .stream().map(Manifest::object).toList();
    plugin = ValidatingAdmissionPolicyPlugin.create(objects, ValidatingAdmissionPolicyPlugin.Options.DEFAULT);
    if (!plugin.problems().isEmpty()) {
      throw new IllegalStateException(plugin.problems().toString());
    }
    Unstructured deployment = Unstructured.copyOf(Deployments.deployment("web", 3));
    create =
        new AdmissionAttributes(
            deployment, null, new GroupVersionKind("apps", "v1", "Deployment"),
            new GroupVersionResource("apps", "v1", "deployments"), "", "payments", "web",
            Operation.CREATE, Map.of("kind", "CreateOptions", "apiVersion", "meta.k8s.io/v1"),
            false, UserInfo.of("system:admin", "system:masters", "system:authenticated"));
    cluster = new BenchCluster();
    authorizer = a -> AuthorizationResult.of(Decision.ALLOW, "");
    AdmissionResult r = plugin.validate(create, cluster, authorizer);
    if (!r.allowed() || r.evaluations().size() != 1) {
      throw new IllegalStateException("the benchmark request must be admitted: " + r);
    }
  }

  /** One request through the plugin. */
  @Benchmark
  public AdmissionResult admitDeployment() {
    return plugin.validate(create, cluster, authorizer);
  }

  /** A cluster holding only the request's namespace. */
  private static final class BenchCluster implements ClusterState {
    private final Unstructured namespace =
        Unstructured.copyOf(Map.of("apiVersion", "v1", "kind", "Namespace", "metadata",
            Map.of("name", "payments", "labels", Map.of("kubernetes.io/metadata.name", "payments"))));

    @Override
    public Optional<Unstructured> namespace(String name) {
      return name.equals("payments") ? Optional.of(namespace) : Optional.empty();
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
