package io.gatehouse.admission.podsecurity;

import io.gatehouse.api.GroupResource;
import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.Unstructured;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where each kind Pod Security evaluates keeps its pod: upstream's {@code DefaultPodSpecExtractor}.
 *
 * @param resource the resource, e.g. {@code deployments.apps}
 * @param kind the kind
 * @param templatePath the map keys leading to the pod template, empty for pods
 * @param optional whether the template is a pointer in Go (a missing one is skipped rather than
 *     evaluated as an empty pod)
 */
record PodTemplates(
    GroupResource resource, String kind, List<String> templatePath, boolean optional) {

  private static final PodTemplates[] ALL = {
    new PodTemplates(new GroupResource("", "pods"), "Pod", List.of(), false),
    new PodTemplates(new GroupResource("", "podtemplates"), "PodTemplate", path("template"), false),
    new PodTemplates(
        new GroupResource("", "replicationcontrollers"),
        "ReplicationController",
        path("spec", "template"),
        true),
    new PodTemplates(
        new GroupResource("apps", "replicasets"), "ReplicaSet", path("spec", "template"), false),
    new PodTemplates(
        new GroupResource("apps", "deployments"), "Deployment", path("spec", "template"), false),
    new PodTemplates(
        new GroupResource("apps", "statefulsets"), "StatefulSet", path("spec", "template"), false),
    new PodTemplates(
        new GroupResource("apps", "daemonsets"), "DaemonSet", path("spec", "template"), false),
    new PodTemplates(new GroupResource("batch", "jobs"), "Job", path("spec", "template"), false),
    new PodTemplates(
        new GroupResource("batch", "cronjobs"),
        "CronJob",
        path("spec", "jobTemplate", "spec", "template"),
        false),
  };

  /**
   * A pod's metadata and spec found in an object.
   *
   * @param metadata the pod (template) metadata, or null
   * @param spec the pod spec, or null
   * @param fieldPrefix the path of the template in the object with a trailing dot, empty for pods
   */
  record Found(
      @Nullable Map<String, ?> metadata, @Nullable Map<String, ?> spec, String fieldPrefix) {}

  private static List<String> path(String... keys) {
    return List.of(keys);
  }

  /** Returns the entry for {@code resource}, if Pod Security evaluates it. */
  static Optional<PodTemplates> ofResource(GroupResource resource) {
    for (PodTemplates t : ALL) {
      if (t.resource.equals(resource)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** Returns the entry for objects of {@code gvk} (any version of the group), if any. */
  static Optional<PodTemplates> ofKind(GroupVersionKind gvk) {
    for (PodTemplates t : ALL) {
      if (t.kind.equals(gvk.kind()) && t.resource.group().equals(gvk.group())) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** Returns whether this is the pods resource itself. */
  boolean isPod() {
    return templatePath.isEmpty();
  }

  /** Extracts the pod from {@code object}; empty for a missing optional template. */
  @SuppressWarnings("unchecked")
  Optional<Found> extract(Unstructured object) {
    Object current = object.object();
    StringBuilder prefix = new StringBuilder();
    for (String key : templatePath) {
      current = current instanceof Map<?, ?> m ? m.get(key) : null;
      prefix.append(key).append('.');
    }
    if (current == null && optional) {
      return Optional.empty();
    }
    Map<String, ?> template = current instanceof Map<?, ?> m ? (Map<String, ?>) m : null;
    Map<String, ?> metadata =
        template != null && template.get("metadata") instanceof Map<?, ?> md
            ? (Map<String, ?>) md
            : null;
    Map<String, ?> spec =
        template != null && template.get("spec") instanceof Map<?, ?> s ? (Map<String, ?>) s : null;
    return Optional.of(new Found(metadata, spec, prefix.toString()));
  }
}
