package io.gatehouse.server;

import io.gatehouse.api.GroupResource;
import io.gatehouse.api.Unstructured;
import io.gatehouse.api.validation.NameValidation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The per-resource rules the generic registry applies, the small part of upstream's REST
 * strategies that does not need typed objects: how names are validated, whether {@code
 * metadata.generation} is tracked, what a create resets ({@code status} of resources with a status
 * subresource; Pods start {@code Pending} with their QoS class, Namespaces {@code Active} with the
 * {@code kubernetes} finalizer) and the {@code kubernetes.io/metadata.name} label every Namespace
 * carries; a Job's generated selector ({@link JobSelector}). A Service's IP families and
 * allocations are its {@link StoreHooks}' ({@link ServiceIpFamilies}, {@link ServiceAllocation}).
 * API defaulting of typed fields (e.g. a Pod's {@code restartPolicy}) happens
 * before, in {@link Registry}. Stateless.
 */
final class ResourceStrategy {

  static final String NAMESPACE_LABEL = "kubernetes.io/metadata.name";

  private static final Set<String> GENERATION_GROUPS = Set.of("apps", "batch", "autoscaling",
      "policy", "admissionregistration.k8s.io", "apiextensions.k8s.io",
      "flowcontrol.apiserver.k8s.io");
  private static final Set<GroupResource> GENERATION_RESOURCES = Set.of(
      new GroupResource("", "pods"), new GroupResource("", "replicationcontrollers"),
      new GroupResource("networking.k8s.io", "ingresses"),
      new GroupResource("networking.k8s.io", "networkpolicies"));
  static final GroupResource SERVICES = new GroupResource("", "services");
  private static final Set<String> PATH_SEGMENT_NAMES = Set.of("rbac.authorization.k8s.io");

  private ResourceStrategy() {}

  /** Returns whether {@code metadata.generation} is set to 1 on create and bumped on spec change. */
  static boolean tracksGeneration(StoredResource r) {
    GroupResource gr = r.groupResource();
    if (gr.group().equals("apps") && gr.resource().equals("controllerrevisions")) {
      return false;
    }
    return GENERATION_GROUPS.contains(gr.group()) || GENERATION_RESOURCES.contains(gr);
  }

  /** Validates {@code metadata.name} as the resource's upstream validation does. */
  static List<String> validateName(StoredResource r, String name) {
    GroupResource gr = r.groupResource();
    if (gr.group().isEmpty() && gr.resource().equals("namespaces")) {
      return NameValidation.nameIsDnsLabel(name, false);
    }
    if (gr.group().isEmpty() && gr.resource().equals("services")) {
      return NameValidation.nameIsDns1035Label(name, false);
    }
    if (PATH_SEGMENT_NAMES.contains(gr.group())) {
      return pathSegmentName(name);
    }
    return NameValidation.nameIsDnsSubdomain(name, false);
  }

  /** Upstream's {@code path.IsValidPathSegmentName}. */
  static List<String> pathSegmentName(String name) {
    List<String> errs = new ArrayList<>();
    if (name.equals(".") || name.equals("..")) {
      errs.add("may not be '" + name + "'");
    }
    for (String bad : List.of("/", "%")) {
      if (name.contains(bad)) {
        errs.add("may not contain '" + bad + "'");
      }
    }
    return errs;
  }

  static boolean isNamespaces(StoredResource r) {
    return r.groupResource().equals(new GroupResource("", "namespaces"));
  }

  /** Sets what a create resets or defaults. */
  static void prepareForCreate(StoredResource r, Unstructured obj) {
    Map<String, @Nullable Object> o = obj.object();
    if (r.hasSubresource("status") && !isNamespaces(r)) {
      o.remove("status");
    }
    GroupResource gr = r.groupResource();
    if (isNamespaces(r)) {
      Map<String, Object> spec = child(o, "spec");
      if (!spec.containsKey("finalizers")) {
        spec.put("finalizers", new ArrayList<>(List.of("kubernetes")));
      }
      Map<String, Object> status = new LinkedHashMap<>();
      status.put("phase", "Active");
      o.put("status", status);
    } else if (gr.equals(new GroupResource("batch", "jobs"))) {
      JobSelector.generate(obj);
    } else if (gr.equals(new GroupResource("", "pods"))) {
      Map<String, Object> status = new LinkedHashMap<>();
      status.put("phase", "Pending");
      status.put("qosClass", PodQos.of(obj));
      o.put("status", status);
    }
    enforceNamespaceLabel(r, obj);
  }

  /** Every Namespace carries {@code kubernetes.io/metadata.name=<name>} (upstream's defaulting). */
  static void enforceNamespaceLabel(StoredResource r, Unstructured obj) {
    if (!isNamespaces(r) || obj.name().isEmpty()) {
      return;
    }
    Map<String, @Nullable Object> meta = obj.metadataForWrite();
    Map<String, Object> labels = child(meta, "labels");
    labels.put(NAMESPACE_LABEL, obj.name());
  }

  /** Returns whether everything but metadata and status is equal (the "spec" for generation). */
  static boolean specEqual(Unstructured a, Unstructured b) {
    Map<String, @Nullable Object> x = new LinkedHashMap<>(a.object());
    Map<String, @Nullable Object> y = new LinkedHashMap<>(b.object());
    for (String k : List.of("metadata", "status", "apiVersion", "kind")) {
      x.remove(k);
      y.remove(k);
    }
    return Objects.equals(x, y);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> child(Map<String, @Nullable Object> parent, String key) {
    Object v = parent.get(key);
    if (v instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    Map<String, Object> created = new LinkedHashMap<>();
    parent.put(key, created);
    return created;
  }
}
