package io.gatehouse.server.apply;

import static io.gatehouse.server.apply.SchemaType.SCALAR;
import static io.gatehouse.server.apply.SchemaType.atomicMap;
import static io.gatehouse.server.apply.SchemaType.atomicStruct;
import static io.gatehouse.server.apply.SchemaType.listMap;
import static io.gatehouse.server.apply.SchemaType.map;
import static io.gatehouse.server.apply.SchemaType.openStruct;
import static io.gatehouse.server.apply.SchemaType.set;

import io.gatehouse.api.GroupVersionKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The apply schema of the built-in kinds, transcribed from the OpenAPI extensions of {@code
 * k8s.io/api} as kube-apiserver's type converter reads them ({@code x-kubernetes-list-type} and
 * {@code -list-map-keys}, falling back to {@code patchMergeKey} for lists without a list type;
 * {@code x-kubernetes-map-type}/{@code structType: atomic}; key defaults such as a container
 * port's {@code protocol: TCP}). Only what differs from the default is written down: every object
 * is a granular struct whose untranscribed fields are named fields, lists without an entry are
 * atomic, maps listed here ({@code labels}, {@code data}, resource lists…) are maps. Unknown kinds
 * get a struct with {@code metadata} as {@code ObjectMeta}. Immutable; thread-safe.
 */
public final class BuiltinApplySchema implements ApplySchema {

  private static final SchemaType OPEN = openStruct(Map.of());
  private static final SchemaType ATOMIC = atomicStruct();
  private static final SchemaType STRINGS = map(SCALAR);
  private static final SchemaType CONDITIONS = keyed(OPEN, "type", "");
  private static final SchemaType OBJECT_META = openStruct(Map.of(
      "labels", STRINGS, "annotations", STRINGS, "finalizers", set(),
      "ownerReferences", keyed(ATOMIC, "uid", "")));
  private static final SchemaType RESOURCES = openStruct(Map.of("limits", STRINGS,
      "requests", STRINGS, "claims", keyed(OPEN, "name", "")));
  private static final SchemaType CONTAINER = openStruct(Map.of(
      "env", keyed(openStruct(Map.of("valueFrom", openStruct(Map.of("configMapKeyRef", ATOMIC,
          "fieldRef", ATOMIC, "resourceFieldRef", ATOMIC, "secretKeyRef", ATOMIC)))), "name", ""),
      "ports", listMap(OPEN, List.of("containerPort", "protocol"),
          Map.of("containerPort", 0L, "protocol", "TCP")),
      "resources", RESOURCES,
      "volumeMounts", keyed(OPEN, "mountPath", ""),
      "volumeDevices", keyed(OPEN, "devicePath", "")), "resources");
  private static final SchemaType WITH_SECRET_REF = openStruct(Map.of("secretRef", ATOMIC));
  private static final SchemaType VOLUME_RESOURCES = openStruct(Map.of("limits", STRINGS,
      "requests", STRINGS));
  private static final SchemaType PVC_SPEC = openStruct(Map.of("selector", ATOMIC,
      "dataSource", ATOMIC, "resources", VOLUME_RESOURCES), "resources");
  private static final SchemaType PV_SPEC = openStruct(Map.ofEntries(
      Map.entry("capacity", STRINGS), Map.entry("claimRef", ATOMIC),
      Map.entry("nodeAffinity", openStruct(Map.of("required", ATOMIC))),
      Map.entry("csi", openStruct(Map.of("volumeAttributes", STRINGS,
          "controllerExpandSecretRef", ATOMIC, "controllerPublishSecretRef", ATOMIC,
          "nodeExpandSecretRef", ATOMIC, "nodePublishSecretRef", ATOMIC,
          "nodeStageSecretRef", ATOMIC))),
      Map.entry("flexVolume", openStruct(Map.of("options", STRINGS, "secretRef", ATOMIC))),
      Map.entry("rbd", WITH_SECRET_REF), Map.entry("cephfs", WITH_SECRET_REF),
      Map.entry("iscsi", WITH_SECRET_REF), Map.entry("scaleIO", WITH_SECRET_REF),
      Map.entry("storageos", WITH_SECRET_REF), Map.entry("cinder", WITH_SECRET_REF)));
  /** A user's {@code extra}: a map of string lists (atomic). */
  private static final SchemaType EXTRA = map(SchemaType.atomicList(SCALAR));
  private static final SchemaType VOLUME = openStruct(Map.ofEntries(
      Map.entry("csi", openStruct(Map.of("volumeAttributes", STRINGS,
          "nodePublishSecretRef", ATOMIC))),
      Map.entry("flexVolume", openStruct(Map.of("options", STRINGS, "secretRef", ATOMIC))),
      Map.entry("ephemeral", openStruct(Map.of("volumeClaimTemplate",
          openStruct(Map.of("metadata", OBJECT_META, "spec", PVC_SPEC))))),
      Map.entry("rbd", WITH_SECRET_REF), Map.entry("cephfs", WITH_SECRET_REF),
      Map.entry("iscsi", WITH_SECRET_REF), Map.entry("scaleIO", WITH_SECRET_REF),
      Map.entry("storageos", WITH_SECRET_REF), Map.entry("cinder", WITH_SECRET_REF)));
  private static final SchemaType POD_SPEC = openStruct(Map.ofEntries(
      Map.entry("containers", keyed(CONTAINER, "name", "")),
      Map.entry("initContainers", keyed(CONTAINER, "name", "")),
      Map.entry("ephemeralContainers", keyed(CONTAINER, "name", "")),
      Map.entry("volumes", keyed(VOLUME, "name", "")),
      Map.entry("imagePullSecrets", listMap(ATOMIC, List.of("name"), Map.of())),
      Map.entry("hostAliases", listMap(OPEN, List.of("ip"), Map.of())),
      Map.entry("nodeSelector", atomicMap(SCALAR)),
      Map.entry("overhead", STRINGS),
      Map.entry("resources", RESOURCES),
      Map.entry("affinity", openStruct(Map.of("nodeAffinity", openStruct(Map.of(
          "requiredDuringSchedulingIgnoredDuringExecution", ATOMIC))))),
      Map.entry("resourceClaims", keyed(OPEN, "name", "")),
      Map.entry("schedulingGates", keyed(OPEN, "name", "")),
      Map.entry("topologySpreadConstraints", listMap(openStruct(Map.of("labelSelector", ATOMIC)),
          List.of("topologyKey", "whenUnsatisfiable"),
          Map.of("topologyKey", "", "whenUnsatisfiable", "")))));
  private static final SchemaType POD_STATUS = openStruct(Map.of("conditions", CONDITIONS,
      "podIPs", listMap(OPEN, List.of("ip"), Map.of()),
      "resourceClaimStatuses", keyed(OPEN, "name", "")));
  private static final SchemaType TEMPLATE = openStruct(Map.of("metadata", OBJECT_META,
      "spec", POD_SPEC), "metadata", "spec");
  private static final SchemaType WORKLOAD_SPEC = openStruct(Map.of("selector", ATOMIC,
      "template", TEMPLATE), "template", "strategy", "updateStrategy");
  private static final SchemaType WORKLOAD_STATUS = openStruct(Map.of("conditions", CONDITIONS));
  private static final SchemaType JOB_SPEC = WORKLOAD_SPEC;
  private static final SchemaType JOB_STATUS = openStruct(Map.of("uncountedTerminatedPods",
      openStruct(Map.of("succeeded", set(), "failed", set()))));
  private static final SchemaType WEBHOOK = openStruct(Map.of("namespaceSelector", ATOMIC,
      "objectSelector", ATOMIC, "matchConditions", keyed(OPEN, "name", "")));

  /** group/Kind → type of the whole object. */
  private static final Map<String, SchemaType> KINDS = kinds();

  private static Map<String, SchemaType> kinds() {
    Map<String, SchemaType> m = new HashMap<>();
    m.put("/Pod", kind(Map.of("spec", POD_SPEC, "status", POD_STATUS)));
    m.put("/PodTemplate", kind(Map.of("template", TEMPLATE), "template"));
    m.put("/ReplicationController", kind(Map.of("spec", openStruct(Map.of(
        "selector", atomicMap(SCALAR), "template", TEMPLATE)), "status", WORKLOAD_STATUS)));
    m.put("/Service", kind(Map.of("spec", openStruct(Map.of(
        "ports", listMap(OPEN, List.of("port", "protocol"), Map.of("port", 0L, "protocol", "TCP")),
        "selector", atomicMap(SCALAR)), "loadBalancer"), "status", openStruct(Map.of(
        "conditions", CONDITIONS), "loadBalancer"))));
    m.put("/ConfigMap", kind(Map.of("data", STRINGS, "binaryData", STRINGS), NO_SPEC));
    m.put("/Secret", kind(Map.of("data", STRINGS, "stringData", STRINGS), NO_SPEC));
    m.put("/Namespace", kind(Map.of("status", WORKLOAD_STATUS)));
    m.put("/Node", kind(Map.of("spec", openStruct(Map.of("podCIDRs", set(),
        "configSource", OPEN)), "status", openStruct(Map.of("conditions", CONDITIONS,
        "addresses", keyed(OPEN, "type", ""), "allocatable", STRINGS, "capacity", STRINGS)))));
    m.put("/PersistentVolumeClaim", kind(Map.of("spec", PVC_SPEC, "status", openStruct(Map.of(
        "conditions", CONDITIONS, "capacity", STRINGS, "allocatedResources", STRINGS,
        "allocatedResourceStatuses", STRINGS)))));
    m.put("/ServiceAccount", kind(Map.of("secrets", listMap(ATOMIC, List.of("name"),
        Map.of())), NO_SPEC));
    m.put("/Event", kind(Map.of("involvedObject", ATOMIC, "related", ATOMIC), "involvedObject",
        "source"));
    m.put("/ResourceQuota", kind(Map.of("spec", openStruct(Map.of("hard", STRINGS,
        "scopeSelector", ATOMIC)), "status", openStruct(Map.of("hard", STRINGS, "used", STRINGS)))));
    for (String k : List.of("Deployment", "ReplicaSet", "StatefulSet", "DaemonSet")) {
      m.put("apps/" + k, kind(Map.of("spec", WORKLOAD_SPEC, "status", WORKLOAD_STATUS)));
    }
    m.put("apps/ControllerRevision", kind(Map.of("data", SchemaType.DEDUCED), NO_SPEC));
    m.put("batch/Job", kind(Map.of("spec", JOB_SPEC, "status", JOB_STATUS)));
    m.put("batch/CronJob", kind(Map.of("spec", openStruct(Map.of("jobTemplate",
        openStruct(Map.of("metadata", OBJECT_META, "spec", JOB_SPEC), "metadata", "spec")),
        "jobTemplate"))));
    m.put("networking.k8s.io/NetworkPolicy", kind(Map.of("spec", openStruct(Map.of(
        "podSelector", ATOMIC)))));
    m.put("policy/PodDisruptionBudget", kind(Map.of("spec", openStruct(Map.of(
        "selector", ATOMIC)), "status", openStruct(Map.of("conditions", CONDITIONS,
        "disruptedPods", STRINGS)))));
    m.put("autoscaling/HorizontalPodAutoscaler", kind(Map.of("status", WORKLOAD_STATUS)));
    for (String k : List.of("RoleBinding", "ClusterRoleBinding")) {
      m.put("rbac.authorization.k8s.io/" + k, kind(Map.of("roleRef", ATOMIC), "roleRef"));
    }
    for (String k : List.of("ValidatingWebhookConfiguration", "MutatingWebhookConfiguration")) {
      m.put("admissionregistration.k8s.io/" + k, kind(Map.of("webhooks",
          keyed(WEBHOOK, "name", "")), NO_SPEC));
    }
    m.put("admissionregistration.k8s.io/ValidatingAdmissionPolicy", kind(Map.of("spec",
        openStruct(Map.of("paramKind", ATOMIC, "matchConstraints", ATOMIC,
            "matchConditions", keyed(OPEN, "name", ""), "variables", keyed(ATOMIC, "name", ""))),
        "status", WORKLOAD_STATUS)));
    m.put("admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding", kind(Map.of("spec",
        openStruct(Map.of("paramRef", ATOMIC, "matchResources", ATOMIC,
            "validationActions", set())))));
    m.put("apiextensions.k8s.io/CustomResourceDefinition", kind(Map.of("status",
        WORKLOAD_STATUS)));
    m.put("/PersistentVolume", kind(Map.of("spec", PV_SPEC)));
    m.put("/ComponentStatus", kind(Map.of("conditions", CONDITIONS), NO_SPEC));
    m.put("/Binding", kind(Map.of("target", ATOMIC), NO_SPEC));
    for (String k : List.of("SubjectAccessReview", "LocalSubjectAccessReview")) {
      m.put("authorization.k8s.io/" + k, kind(Map.of("spec", openStruct(Map.of(
          "extra", EXTRA)))));
    }
    m.put("authentication.k8s.io/TokenReview", kind(Map.of("status", openStruct(Map.of(
        "user", openStruct(Map.of("extra", EXTRA)))))));
    m.put("authentication.k8s.io/SelfSubjectReview", kind(Map.of("status", openStruct(Map.of(
        "userInfo", openStruct(Map.of("extra", EXTRA)))))));
    m.put("certificates.k8s.io/CertificateSigningRequest", kind(Map.of("spec",
        openStruct(Map.of("extra", EXTRA)), "status", WORKLOAD_STATUS)));
    for (String k : List.of("FlowSchema", "PriorityLevelConfiguration")) {
      m.put("flowcontrol.apiserver.k8s.io/" + k, kind(Map.of("status", openStruct(Map.of(
          "conditions", listMap(OPEN, List.of("type"), Map.of()))))));
    }
    m.put("networking.k8s.io/ServiceCIDR", kind(Map.of("status", WORKLOAD_STATUS)));
    m.put("networking.k8s.io/Ingress", kind(Map.of("spec", openStruct(Map.of(
        "defaultBackend", openStruct(Map.of("resource", ATOMIC)))))));
    m.put("node.k8s.io/RuntimeClass", kind(Map.of("overhead", openStruct(Map.of(
        "podFixed", STRINGS)), "scheduling", openStruct(Map.of(
        "nodeSelector", atomicMap(SCALAR)))), NO_SPEC));
    m.put("storage.k8s.io/CSIDriver", kind(Map.of("spec", openStruct(Map.of(
        "volumeLifecycleModes", set())))));
    m.put("storage.k8s.io/CSINode", kind(Map.of("spec", openStruct(Map.of(
        "drivers", keyed(OPEN, "name", ""))))));
    m.put("storage.k8s.io/CSIStorageCapacity", kind(Map.of("nodeTopology", ATOMIC), NO_SPEC));
    m.put("storage.k8s.io/StorageClass", kind(Map.of("parameters", STRINGS), NO_SPEC));
    m.put("storage.k8s.io/VolumeAttachment", kind(Map.of("spec", openStruct(Map.of(
        "source", openStruct(Map.of("inlineVolumeSpec", PV_SPEC)))),
        "status", openStruct(Map.of("attachmentMetadata", STRINGS)))));
    m.put("events.k8s.io/Event", kind(Map.of("regarding", ATOMIC, "related", ATOMIC), "regarding"));
    return Map.copyOf(m);
  }

  private static final String NO_SPEC = "metadata";
  private static final SchemaType UNKNOWN_KIND = kind(Map.of(), NO_SPEC);

  private static SchemaType keyed(SchemaType element, String key, Object defaultValue) {
    return listMap(element, List.of(key), Map.of(key, defaultValue));
  }

  /** A kind whose spec and status (when it has them) are always present in typed objects. */
  private static SchemaType kind(Map<String, SchemaType> fields) {
    return kind(fields, "spec", "status");
  }

  private static SchemaType kind(Map<String, SchemaType> fields, String... present) {
    Map<String, SchemaType> all = new HashMap<>(fields);
    all.put("metadata", OBJECT_META);
    java.util.Set<String> always = new java.util.HashSet<>(List.of(present));
    always.add("metadata");
    return openStruct(all, always.toArray(String[]::new));
  }

  @Override
  public Optional<SchemaType> typeOf(GroupVersionKind kind) {
    return Optional.of(KINDS.getOrDefault(kind.group() + "/" + kind.kind(), UNKNOWN_KIND));
  }
}
