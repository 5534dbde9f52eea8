package io.gatehouse.admission.limitrange;

import static io.gatehouse.admission.ObjectFields.child;
import static io.gatehouse.admission.ObjectFields.maps;
import static io.gatehouse.admission.ObjectFields.str;

import io.gatehouse.api.Unstructured;
import io.gatehouse.api.resource.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Upstream's {@code PodMutateLimitFunc} for one LimitRange: the {@code default} and {@code
 * defaultRequest} of its {@code type: Container} items (later items win) fill the limits and
 * requests containers and init containers leave unset, and the pod is annotated {@code
 * kubernetes.io/limit-ranger: LimitRanger plugin set: <resources> request for container <name>;
 * ...} naming what was set. Stateless.
 */
final class ContainerDefaults {

  static final String ANNOTATION = "kubernetes.io/limit-ranger";

  private ContainerDefaults() {}

  static void apply(Unstructured limitRange, Unstructured pod) {
    ResourceList requests = ResourceList.empty();
    ResourceList limits = ResourceList.empty();
    for (Map<String, @Nullable Object> item : LimitRangerAdmission.items(limitRange)) {
      if ("Container".equals(item.get("type"))) {
        requests.values().putAll(ResourceList.of(item.get("defaultRequest")).values());
        limits.values().putAll(ResourceList.of(item.get("default")).values());
      }
    }
    List<String> set = new ArrayList<>();
    Map<String, @Nullable Object> spec = child(pod.object(), "spec");
    for (Map<String, @Nullable Object> c : maps(spec.get("containers"))) {
      merge(c, requests, limits, "container", set);
    }
    for (Map<String, @Nullable Object> c : maps(spec.get("initContainers"))) {
      merge(c, requests, limits, "init container", set);
    }
    if (!set.isEmpty()) {
      child(pod.metadataForWrite(), "annotations").put(ANNOTATION,
          "LimitRanger plugin set: " + String.join("; ", set));
    }
  }

  private static void merge(Map<String, @Nullable Object> container, ResourceList requests,
      ResourceList limits, String label, List<String> set) {
    String name = str(container.get("name"));
    List<String> setRequests = fill(container, "requests", requests);
    List<String> setLimits = fill(container, "limits", limits);
    if (!setRequests.isEmpty()) {
      set.add(String.join(", ", setRequests) + " request for " + label + " " + name);
    }
    if (!setLimits.isEmpty()) {
      set.add(String.join(", ", setLimits) + " limit for " + label + " " + name);
    }
  }

  /** Sets the missing defaults in the container's {@code kind} list; returns their names, sorted. */
  private static List<String> fill(Map<String, @Nullable Object> container, String kind,
      ResourceList defaults) {
    List<String> names = new ArrayList<>();
    if (defaults.values().isEmpty()) {
      return names;
    }
    Map<String, @Nullable Object> resources = child(container, "resources");
    Map<String, @Nullable Object> list = resources.get(kind) instanceof Map<?, ?>
        ? child(resources, kind) : null;
    for (Map.Entry<String, Quantity> d : defaults.values().entrySet()) {
      if (list != null && list.containsKey(d.getKey())) {
        continue;
      }
      if (list == null) {
        list = child(resources, kind);
      }
      list.put(d.getKey(), d.getValue().toString());
      names.add(d.getKey());
    }
    return names;
  }
}
