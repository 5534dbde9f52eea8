package io.gatehouse.server.patch;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The strategic-merge-patch metadata of built-in types: for each type, the fields whose patch
 * strategy is not the default (maps merge, lists replace), transcribed from the {@code
 * patchStrategy}/{@code patchMergeKey} struct tags of {@code k8s.io/api} (core/v1, apps/v1,
 * batch/v1). Covered: {@code ObjectMeta} (finalizers, ownerReferences), {@code PodSpec}
 * (containers, initContainers, ephemeralContainers, volumes, imagePullSecrets, hostAliases,
 * topologySpreadConstraints, resourceClaims, schedulingGates), {@code Container} (ports, env,
 * volumeMounts, volumeDevices), the pod template of Pods, PodTemplates, ReplicationControllers,
 * Deployments, ReplicaSets, StatefulSets, DaemonSets, Jobs and CronJobs, Deployment's {@code
 * strategy} (retainKeys), the {@code conditions} of workload, Pod, Node, Namespace and PVC
 * statuses, Node addresses and podCIDRs, Service ports and ServiceAccount secrets. {@code
 * tolerations} has no strategy upstream (it is replaced). Immutable.
 */
public final class PatchSchema {

  /** How a field is patched. */
  enum Strategy { MERGE, RETAIN_KEYS, MERGE_RETAIN_KEYS }

  /**
   * One field with a strategy.
   *
   * @param strategy the patch strategy
   * @param mergeKey the merge key of a list of objects, empty for primitive lists and maps
   * @param type the element (or value) type's fields, or null for none with strategies
   */
  record Field(@Nullable Strategy strategy, String mergeKey, @Nullable String type) {
    boolean merges() {
      return strategy == Strategy.MERGE || strategy == Strategy.MERGE_RETAIN_KEYS;
    }

    boolean retainsKeys() {
      return strategy == Strategy.RETAIN_KEYS || strategy == Strategy.MERGE_RETAIN_KEYS;
    }
  }

  private static Field merge(String key, @Nullable String type) {
    return new Field(Strategy.MERGE, key, type);
  }

  private static Field nested(String type) {
    return new Field(null, "", type);
  }

  private static final Field CONDITIONS = merge("type", null);
  private static final Map<String, Field> WORKLOAD_STATUS = Map.of("conditions", CONDITIONS);

  /** Type name → field name → field. */
  private static final Map<String, Map<String, Field>> TYPES = Map.ofEntries(
      Map.entry("ObjectMeta", Map.of("finalizers", merge("", null),
          "ownerReferences", merge("uid", null))),
      Map.entry("PodSpec", Map.of(
          "containers", merge("name", "Container"),
          "initContainers", merge("name", "Container"),
          "ephemeralContainers", merge("name", "Container"),
          "volumes", new Field(Strategy.MERGE_RETAIN_KEYS, "name", null),
          "imagePullSecrets", merge("name", null),
          "hostAliases", merge("ip", null),
          "topologySpreadConstraints", merge("topologyKey", null),
          "resourceClaims", new Field(Strategy.MERGE_RETAIN_KEYS, "name", null),
          "schedulingGates", merge("name", null))),
      Map.entry("Container", Map.of("ports", merge("containerPort", null),
          "env", merge("name", null), "volumeMounts", merge("mountPath", null),
          "volumeDevices", merge("devicePath", null))),
      Map.entry("PodTemplateSpec", Map.of("metadata", nested("ObjectMeta"),
          "spec", nested("PodSpec"))),
      Map.entry("WithTemplate", Map.of("template", nested("PodTemplateSpec"))),
      Map.entry("DeploymentSpec", Map.of("template", nested("PodTemplateSpec"),
          "strategy", new Field(Strategy.RETAIN_KEYS, "", null))),
      Map.entry("WorkloadStatus", WORKLOAD_STATUS),
      Map.entry("PodStatus", Map.of("conditions", CONDITIONS, "podIPs", merge("ip", null),
          "hostIPs", merge("ip", null))),
      Map.entry("JobTemplateSpec", Map.of("metadata", nested("ObjectMeta"),
          "spec", nested("WithTemplate"))),
      Map.entry("CronJobSpec", Map.of("jobTemplate", nested("JobTemplateSpec"))),
      Map.entry("ServiceSpec", Map.of("ports", merge("port", null))),
      Map.entry("NodeSpec", Map.of("podCIDRs", merge("", null))),
      Map.entry("NodeStatus", Map.of("conditions", CONDITIONS, "addresses", merge("type", null))),
      Map.entry("Pod", kind("PodSpec", "PodStatus")),
      Map.entry("PodTemplate", Map.of("metadata", nested("ObjectMeta"),
          "template", nested("PodTemplateSpec"))),
      Map.entry("ReplicationController", kind("WithTemplate", "WorkloadStatus")),
      Map.entry("Deployment", kind("DeploymentSpec", "WorkloadStatus")),
      Map.entry("ReplicaSet", kind("WithTemplate", "WorkloadStatus")),
      Map.entry("StatefulSet", kind("WithTemplate", "WorkloadStatus")),
      Map.entry("DaemonSet", kind("WithTemplate", "WorkloadStatus")),
      Map.entry("Job", kind("WithTemplate", "WorkloadStatus")),
      Map.entry("CronJob", kind("CronJobSpec", null)),
      Map.entry("Service", kind("ServiceSpec", "WorkloadStatus")),
      Map.entry("Node", kind("NodeSpec", "NodeStatus")),
      Map.entry("Namespace", kind(null, "WorkloadStatus")),
      Map.entry("PersistentVolumeClaim", kind(null, "WorkloadStatus")),
      Map.entry("ServiceAccount", Map.of("metadata", nested("ObjectMeta"),
          "secrets", merge("name", null))));

  private static Map<String, Field> kind(@Nullable String spec, @Nullable String status) {
    java.util.Map<String, Field> m = new java.util.HashMap<>();
    m.put("metadata", nested("ObjectMeta"));
    if (spec != null) {
      m.put("spec", nested(spec));
    }
    if (status != null) {
      m.put("status", nested(status));
    }
    return Map.copyOf(m);
  }

  private static final Map<String, Field> DEFAULT_KIND = Map.of("metadata", nested("ObjectMeta"));

  private PatchSchema() {}

  /** Returns the fields of the top-level object of {@code kind} (any kind has metadata). */
  static Map<String, Field> forKind(String kind) {
    return TYPES.getOrDefault(kind, DEFAULT_KIND);
  }

  /** Returns the fields of type {@code type}, or none. */
  static Map<String, Field> fields(@Nullable String type) {
    return type == null ? Map.of() : TYPES.getOrDefault(type, Map.of());
  }
}
