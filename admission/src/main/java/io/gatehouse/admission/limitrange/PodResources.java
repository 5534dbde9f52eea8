package io.gatehouse.admission.limitrange;

import static io.gatehouse.admission.ObjectFields.at;
import static io.gatehouse.admission.ObjectFields.maps;

import io.gatehouse.api.Unstructured;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The pod-level requests and limits LimitRanger checks {@code type: Pod} items against (upstream's
 * {@code podRequests}/{@code podLimits}): the sum over containers and restartable ({@code
 * restartPolicy: Always}) init containers, raised to what any other init container needs while the
 * sidecars started before it run. Container statuses are not consulted: on create, where the
 * plugin checks pods, a pod has none. Stateless.
 */
final class PodResources {

  private PodResources() {}

  static ResourceList requests(Unstructured pod) {
    return sum(pod, "requests");
  }

  static ResourceList limits(Unstructured pod) {
    return sum(pod, "limits");
  }

  private static ResourceList sum(Unstructured pod, String kind) {
    ResourceList total = ResourceList.empty();
    for (Map<String, @Nullable Object> c : maps(pod.get("spec", "containers").orElse(null))) {
      total.add(ResourceList.of(at(c, "resources", kind)));
    }
    ResourceList sidecars = ResourceList.empty();
    ResourceList init = ResourceList.empty();
    for (Map<String, @Nullable Object> c : maps(pod.get("spec", "initContainers").orElse(null))) {
      ResourceList own = ResourceList.of(at(c, "resources", kind));
      ResourceList needed;
      if ("Always".equals(c.get("restartPolicy"))) {
        total.add(own);
        sidecars.add(own);
        needed = sidecars.copy();
      } else {
        needed = own.copy();
        needed.add(sidecars);
      }
      init.max(needed);
    }
    total.max(init);
    return total;
  }
}
