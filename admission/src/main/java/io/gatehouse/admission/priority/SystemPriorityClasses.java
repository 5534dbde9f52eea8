package io.gatehouse.admission.priority;

import io.gatehouse.api.Unstructured;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The PriorityClasses kube-apiserver ensures at start ({@code
 * scheduling/bootstrap-system-priority-classes}, from {@code pkg/apis/scheduling/v1/helpers.go}):
 * {@code system-node-critical} (2000001000) and {@code system-cluster-critical} (2000000000).
 * Stateless.
 */
public final class SystemPriorityClasses {

  /** {@code HighestUserDefinablePriority}. */
  public static final long HIGHEST_USER_DEFINABLE = 1_000_000_000L;
  /** {@code SystemCriticalPriority}: twice the highest user-definable priority. */
  public static final long SYSTEM_CRITICAL = 2 * HIGHEST_USER_DEFINABLE;

  private SystemPriorityClasses() {}

  /** Returns fresh copies of the two classes, {@code system-node-critical} first. */
  public static List<Unstructured> objects() {
    return List.of(
        of("system-node-critical", SYSTEM_CRITICAL + 1000,
            "Used for system critical pods that must not be moved from their current node."),
        of("system-cluster-critical", SYSTEM_CRITICAL,
            "Used for system critical pods that must run in the cluster, but can be moved to "
                + "another node if necessary."));
  }

  private static Unstructured of(String name, long value, String description) {
    Map<String, @Nullable Object> meta = new LinkedHashMap<>();
    meta.put("name", name);
    Map<String, @Nullable Object> pc = new LinkedHashMap<>();
    pc.put("apiVersion", "scheduling.k8s.io/v1");
    pc.put("kind", "PriorityClass");
    pc.put("metadata", meta);
    pc.put("value", value);
    pc.put("description", description);
    return Unstructured.wrap(pc);
  }
}
