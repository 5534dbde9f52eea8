package io.gatehouse.server;

import io.gatehouse.api.Unstructured;
import java.util.List;
import java.util.Map;

/**
 * A Pod's QoS class as upstream's {@code qos.GetPodQOS} decides it from container requests and
 * limits: {@code BestEffort} without any cpu or memory request or limit, {@code Guaranteed} when
 * every container limits cpu and memory and requests (if given) equal the limits, otherwise {@code
 * Burstable}. Quantities are compared as written. Stateless.
 */
final class PodQos {

  private PodQos() {}

  static String of(Unstructured pod) {
    boolean any = false;
    boolean guaranteed = true;
    for (String list : List.of("containers", "initContainers")) {
      Object cs = pod.get("spec", list).orElse(null);
      if (!(cs instanceof List<?> containers)) {
        continue;
      }
      for (Object c : containers) {
        Map<?, ?> resources = c instanceof Map<?, ?> m && m.get("resources") instanceof Map<?, ?> r
            ? r : Map.of();
        Map<?, ?> requests = resources.get("requests") instanceof Map<?, ?> r ? r : Map.of();
        Map<?, ?> limits = resources.get("limits") instanceof Map<?, ?> l ? l : Map.of();
        for (String res : List.of("cpu", "memory")) {
          if (requests.containsKey(res) || limits.containsKey(res)) {
            any = true;
          }
          Object limit = limits.get(res);
          Object request = requests.get(res);
          if (limit == null || (request != null && !request.equals(limit))) {
            guaranteed = false;
          }
        }
      }
    }
    if (!any) {
      return "BestEffort";
    }
    return guaranteed ? "Guaranteed" : "Burstable";
  }
}
