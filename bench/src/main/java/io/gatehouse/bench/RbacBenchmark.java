package io.gatehouse.bench;

import io.gatehouse.api.Unstructured;
import io.gatehouse.api.authz.Decision;
import io.gatehouse.api.authz.RequestAttributes;
import io.gatehouse.api.authz.UserInfo;
import io.gatehouse.auth.rbac.BootstrapPolicy;
import io.gatehouse.auth.rbac.RbacAuthorizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * RBAC decisions per second on one thread with 10,000 bindings on top of the bootstrap policy:
 * 5,000 ClusterRoleBindings (one user each, to {@code view}) and 5,000 RoleBindings (ten in each
 * of 500 namespaces, one user each, to {@code edit}). Three requests: allowed by a
 * ClusterRoleBinding, allowed by a RoleBinding (after every ClusterRoleBinding has been
 * considered), and denied (nothing applies — the worst case for a scan).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class RbacBenchmark {

  private RbacAuthorizer rbac;
  private RequestAttributes byClusterBinding;
  private RequestAttributes byRoleBinding;
  private RequestAttributes denied;

  @Setup
  public void setup() {
    List<Unstructured> objects = new ArrayList<>(BootstrapPolicy.objects());
    for (int i = 0; i < 5_000; i++) {
      objects.add(binding("ClusterRoleBinding", "crb-" + i, "", "view", "cluster-user-" + i));
    }
    for (int ns = 0; ns < 500; ns++) {
      for (int i = 0; i < 10; i++) {
        objects.add(binding("RoleBinding", "rb-" + i, "ns-" + ns, "edit", "ns-user-" + ns + "-" + i));
      }
    }
    rbac = RbacAuthorizer.fromObjects(objects);
    byClusterBinding = RequestAttributes.resource(user("cluster-user-4999"), "list", "ns-7", "",
        "v1", "pods", "", "");
    byRoleBinding = RequestAttributes.resource(user("ns-user-250-9"), "create", "ns-250", "apps",
        "v1", "deployments", "", "");
    denied = RequestAttributes.resource(user("stranger"), "get", "ns-250", "", "v1", "secrets",
        "", "top-secret");
    check(byClusterBinding, Decision.ALLOW);
    check(byRoleBinding, Decision.ALLOW);
    check(denied, Decision.NO_OPINION);
  }

  @Benchmark
  public Decision allowedByClusterRoleBinding() {
    return rbac.authorize(byClusterBinding).decision();
  }

  @Benchmark
  public Decision allowedByRoleBinding() {
    return rbac.authorize(byRoleBinding).decision();
  }

  @Benchmark
  public Decision noOpinion() {
    return rbac.authorize(denied).decision();
  }

  private void check(RequestAttributes a, Decision want) {
    Decision got = rbac.authorize(a).decision();
    if (got != want) {
      throw new IllegalStateException(a + ": " + got + ", want " + want);
    }
  }

  private static UserInfo user(String name) {
    return new UserInfo(name, "", List.of("system:authenticated"), Map.of());
  }

  private static Unstructured binding(String kind, String name, String namespace, String role,
      String user) {
    Map<String, Object> meta = namespace.isEmpty() ? Map.of("name", name)
        : Map.of("name", name, "namespace", namespace);
    return Unstructured.copyOf(Map.of("apiVersion", "rbac.authorization.k8s.io/v1", "kind", kind,
        "metadata", meta,
        "roleRef", Map.of("apiGroup", "rbac.authorization.k8s.io", "kind", "ClusterRole",
            "name", role),
        "subjects", List.of(Map.of("kind", "User", "name", user))));
  }
}
