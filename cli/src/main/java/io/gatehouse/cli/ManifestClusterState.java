package io.gatehouse.cli;

import io.gatehouse.admission.ClusterState;
import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.Unstructured;
import io.gatehouse.api.catalog.ResourceCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster as given by {@code --cluster} manifests. Objects are matched by group and kind
 * regardless of the version they were written in (as storage is version-independent); a
 * returned object of another version is relabelled with the requested {@code apiVersion}.
 *
 * <p>Immutable after construction; thread-safe.
 */
final class ManifestClusterState implements ClusterState {

  private final Map<String, List<Unstructured>> byGroupKind = new HashMap<>();
  private final ResourceCatalog catalog;

  ManifestClusterState(List<Unstructured> objects, ResourceCatalog catalog) {
    this.catalog = catalog;
    for (Unstructured given : objects) {
      Unstructured o = given;
      GroupVersionKind gvk = o.groupVersionKind();
      if (gvk.group().isEmpty() && gvk.kind().equals("Namespace")
          && !o.labels().containsKey("kubernetes.io/metadata.name")) {
        // kube-apiserver labels every namespace with its name.
        o = o.deepCopy();
        Map<String, Object> labels = new java.util.LinkedHashMap<>(o.labels());
        labels.put("kubernetes.io/metadata.name", o.name());
        o.metadataForWrite().put("labels", labels);
      }
      byGroupKind.computeIfAbsent(key(gvk), k -> new ArrayList<>()).add(o);
    }
    Comparator<Unstructured> order =
        Comparator.comparing(Unstructured::namespace).thenComparing(Unstructured::name);
    byGroupKind.values().forEach(l -> l.sort(order));
  }

  @Override
  public ResourceCatalog catalog() {
    return catalog;
  }

  /**
   * Returns the Namespace named {@code name} from {@code --cluster}; a namespace not given exists
   * implicitly, labelled only {@code kubernetes.io/metadata.name} as the API server labels every
   * namespace.
   */
  @Override
  public Optional<Unstructured> namespace(String name) {
    if (name.isEmpty()) {
      return Optional.empty();
    }
    return get(new GroupVersionKind("", "v1", "Namespace"), "", name)
        .or(() -> Optional.of(implicitNamespace(name)));
  }

  /** Returns a Namespace with only its name and the {@code kubernetes.io/metadata.name} label. */
  static Unstructured implicitNamespace(String name) {
    Map<String, Object> labels = new java.util.LinkedHashMap<>();
    labels.put("kubernetes.io/metadata.name", name);
    Map<String, Object> metadata = new java.util.LinkedHashMap<>();
    metadata.put("name", name);
    metadata.put("labels", labels);
    Map<String, Object> ns = new java.util.LinkedHashMap<>();
    ns.put("apiVersion", "v1");
    ns.put("kind", "Namespace");
    ns.put("metadata", metadata);
    return Unstructured.copyOf(ns);
  }

  @Override
  public List<Unstructured> list(GroupVersionKind kind, String namespace, boolean allNamespaces) {
    List<Unstructured> out = new ArrayList<>();
    for (Unstructured o : byGroupKind.getOrDefault(key(kind), List.of())) {
      if (allNamespaces || o.namespace().equals(namespace)) {
        out.add(relabel(o, kind));
      }
    }
    return out;
  }

  @Override
  public Optional<Unstructured> get(GroupVersionKind kind, String namespace, String name) {
    for (Unstructured o : byGroupKind.getOrDefault(key(kind), List.of())) {
      if (o.name().equals(name) && o.namespace().equals(namespace)) {
        return Optional.of(relabel(o, kind));
      }
    }
    return Optional.empty();
  }

  /** Returns every object of {@code group}/{@code kind}, in namespace/name order. */
  List<Unstructured> all(String group, String kind) {
    return byGroupKind.getOrDefault(group + "/" + kind, List.of());
  }

  private static Unstructured relabel(Unstructured o, GroupVersionKind kind) {
    if (o.apiVersion().equals(kind.apiVersion())) {
      return o;
    }
    Unstructured copy = o.deepCopy();
    copy.object().put("apiVersion", kind.apiVersion());
    return copy;
  }

  private static String key(GroupVersionKind gvk) {
    return gvk.group() + "/" + gvk.kind();
  }
}
