package io.gatehouse.api.defaults;

import io.gatehouse.api.GroupVersionKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * core/v1 ({@code pkg/apis/core/v1/defaults.go} and {@code zz_generated.defaults.go}): the kinds
 * with defaults and their object-level defaulters. Pods and pod templates are in {@link
 * PodDefaults}, volumes in {@link VolumeDefaults}, Services in {@link ServiceDefaults}. ConfigMap's
 * {@code data: {}} default is invisible on the wire (omitempty) and not applied. Stateless.
 */
final class CoreDefaults {

  private CoreDefaults() {}

  static Map<GroupVersionKind, KindDefaulter> kinds() {
    Map<GroupVersionKind, KindDefaulter> k = new LinkedHashMap<>();
    k.put(kind("Pod"), PodDefaults::pod);
    k.put(kind("PodTemplate"), (o, f) -> PodDefaults.template(Fields.map(o, "template"), f));
    k.put(kind("ReplicationController"), CoreDefaults::replicationController);
    k.put(kind("Service"), (o, f) -> ServiceDefaults.service(o));
    k.put(kind("Endpoints"), (o, f) -> endpoints(o));
    k.put(kind("PersistentVolume"), (o, f) -> persistentVolume(o));
    k.put(kind("PersistentVolumeClaim"), (o, f) -> persistentVolumeClaim(o));
    k.put(kind("Namespace"), (o, f) -> namespace(o));
    k.put(kind("Node"), (o, f) -> node(o));
    k.put(kind("Secret"), (o, f) -> Fields.setIfBlank(o, "type", "Opaque"));
    k.put(kind("LimitRange"), (o, f) -> limitRange(o));
    k.put(kind("ResourceQuota"), (o, f) -> resourceQuota(o));
    return k;
  }

  private static GroupVersionKind kind(String kind) {
    return new GroupVersionKind("", "v1", kind);
  }

  private static void replicationController(Map<String, @Nullable Object> rc, Set<Feature> f) {
    Map<String, @Nullable Object> spec = Fields.mapOrCreate(rc, "spec");
    if (spec == null) {
      return;
    }
    Map<String, @Nullable Object> template = Fields.map(spec, "template");
    Map<String, @Nullable Object> templateMeta =
        template == null ? null : Fields.map(template, "metadata");
    Map<String, @Nullable Object> labels =
        templateMeta == null ? null : Fields.map(templateMeta, "labels");
    if (labels != null) {
      if (Fields.empty(spec, "selector")) {
        spec.put("selector", new LinkedHashMap<>(labels));
      }
      Map<String, @Nullable Object> meta = Fields.mapOrCreate(rc, "metadata");
      if (meta != null && Fields.empty(meta, "labels")) {
        meta.put("labels", new LinkedHashMap<>(labels));
      }
    }
    Fields.setIfUnset(spec, "replicas", 1L);
    PodDefaults.template(template, f);
  }

  private static void endpoints(Map<String, @Nullable Object> endpoints) {
    for (Map<String, @Nullable Object> subset : Fields.maps(endpoints, "subsets")) {
      for (Map<String, @Nullable Object> port : Fields.maps(subset, "ports")) {
        Fields.setIfBlank(port, "protocol", "TCP");
      }
    }
  }

  private static void persistentVolume(Map<String, @Nullable Object> pv) {
    Map<String, @Nullable Object> status = Fields.mapOrCreate(pv, "status");
    if (status != null) {
      Fields.setIfBlank(status, "phase", "Pending");
    }
    Map<String, @Nullable Object> spec = Fields.mapOrCreate(pv, "spec");
    if (spec != null) {
      Fields.setIfBlank(spec, "persistentVolumeReclaimPolicy", "Retain");
      Fields.setIfUnset(spec, "volumeMode", "Filesystem");
      VolumeDefaults.persistentVolumeSpec(spec);
    }
  }

  /** {@code SetObjectDefaults_PersistentVolumeClaim} (also StatefulSet claim templates). */
  static void persistentVolumeClaim(Map<String, @Nullable Object> pvc) {
    Map<String, @Nullable Object> status = Fields.mapOrCreate(pvc, "status");
    if (status != null) {
      Fields.setIfBlank(status, "phase", "Pending");
      ResourceLists.round(status, "capacity");
      ResourceLists.round(status, "allocatedResources");
    }
    Map<String, @Nullable Object> spec = Fields.mapOrCreate(pvc, "spec");
    if (spec != null) {
      claimSpec(spec);
    }
  }

  /** {@code SetDefaults_PersistentVolumeClaimSpec} and the rounding of its resources. */
  static void claimSpec(Map<String, @Nullable Object> spec) {
    Fields.setIfUnset(spec, "volumeMode", "Filesystem");
    Map<String, @Nullable Object> resources = Fields.map(spec, "resources");
    ResourceLists.round(resources, "limits");
    ResourceLists.round(resources, "requests");
  }

  private static void namespace(Map<String, @Nullable Object> ns) {
    Map<String, @Nullable Object> meta = Fields.map(ns, "metadata");
    String name = meta == null ? "" : Fields.string(meta, "name");
    if (!name.isEmpty()) {
      Map<String, @Nullable Object> labels = Fields.mapOrCreate(meta, "labels");
      if (labels != null) {
        labels.put("kubernetes.io/metadata.name", name);
      }
    }
    Map<String, @Nullable Object> status = Fields.mapOrCreate(ns, "status");
    if (status != null) {
      Fields.setIfBlank(status, "phase", "Active");
    }
  }

  private static void node(Map<String, @Nullable Object> node) {
    Map<String, @Nullable Object> status = Fields.map(node, "status");
    if (status == null) {
      return;
    }
    Map<String, @Nullable Object> capacity = Fields.map(status, "capacity");
    if (Fields.unset(status, "allocatable") && capacity != null) {
      status.put("allocatable", new LinkedHashMap<>(capacity));
    }
    ResourceLists.round(status, "capacity");
    ResourceLists.round(status, "allocatable");
  }

  /** {@code SetDefaults_LimitRangeItem} (container limits) and the rounding of every list. */
  private static void limitRange(Map<String, @Nullable Object> lr) {
    Map<String, @Nullable Object> spec = Fields.map(lr, "spec");
    if (spec == null) {
      return;
    }
    for (Map<String, @Nullable Object> item : Fields.maps(spec, "limits")) {
      if ("Container".equals(item.get("type"))) {
        Map<String, @Nullable Object> defaults = new LinkedHashMap<>(mapOrEmpty(item, "default"));
        Map<String, @Nullable Object> requests =
            new LinkedHashMap<>(mapOrEmpty(item, "defaultRequest"));
        mapOrEmpty(item, "max").forEach(defaults::putIfAbsent);
        defaults.forEach(requests::putIfAbsent);
        mapOrEmpty(item, "min").forEach(requests::putIfAbsent);
        putUnlessEmpty(item, "default", defaults);
        putUnlessEmpty(item, "defaultRequest", requests);
      }
      for (String list : new String[] {"max", "min", "default", "defaultRequest",
          "maxLimitRequestRatio"}) {
        ResourceLists.round(item, list);
      }
    }
  }

  private static Map<String, @Nullable Object> mapOrEmpty(Map<String, @Nullable Object> m,
      String key) {
    Map<String, @Nullable Object> v = Fields.map(m, key);
    return v == null ? Map.of() : v;
  }

  /** An empty Go map is omitted on the wire; a map of the wrong type is left for validation. */
  private static void putUnlessEmpty(Map<String, @Nullable Object> m, String key,
      Map<String, @Nullable Object> value) {
    if (!value.isEmpty() && (Fields.unset(m, key) || m.get(key) instanceof Map<?, ?>)) {
      m.put(key, value);
    }
  }

  private static void resourceQuota(Map<String, @Nullable Object> rq) {
    ResourceLists.round(Fields.map(rq, "spec"), "hard");
    Map<String, @Nullable Object> status = Fields.map(rq, "status");
    ResourceLists.round(status, "hard");
    ResourceLists.round(status, "used");
  }
}
