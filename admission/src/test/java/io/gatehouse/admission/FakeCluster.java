package io.gatehouse.admission;

import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.GroupVersionResource;
import io.gatehouse.api.Unstructured;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-memory {@link ClusterState} with a small resource mapping, for tests. */
public final class FakeCluster implements ClusterState {

  private final List<Unstructured> objects = new ArrayList<>();
  private final Map<GroupVersionKind, ResourceMapping.RestMapping> mappings = new LinkedHashMap<>();
  private final Map<GroupVersionResource, List<GroupVersionResource>> equivalents =
      new LinkedHashMap<>();
  private final Map<String, GroupVersionKind> kinds = new LinkedHashMap<>();

  /** Returns a cluster that knows ConfigMaps (namespaced) and Namespaces. */
  public static FakeCluster create() {
    FakeCluster c = new FakeCluster();
    c.mapping(new GroupVersionKind("", "v1", "ConfigMap"),
        new GroupVersionResource("", "v1", "configmaps"), true);
    c.mapping(new GroupVersionKind("", "v1", "Namespace"),
        new GroupVersionResource("", "v1", "namespaces"), false);
    return c;
  }

  /** Adds a REST mapping. */
  public FakeCluster mapping(GroupVersionKind kind, GroupVersionResource resource, boolean namespaced) {
    mappings.put(kind, new ResourceMapping.RestMapping(resource, namespaced));
    kinds.put(resource + "|", kind);
    return this;
  }

  /** Registers the kind served by {@code resource}/{@code subresource}. */
  public FakeCluster kind(GroupVersionResource resource, String subresource, GroupVersionKind kind) {
    kinds.put(resource + "|" + subresource, kind);
    return this;
  }

  /** Declares {@code resources} equivalent to each other, in order. */
  public FakeCluster equivalent(GroupVersionResource... resources) {
    List<GroupVersionResource> list = List.of(resources);
    list.forEach(r -> equivalents.put(r, list));
    return this;
  }

  /** Adds objects. */
  public FakeCluster add(Unstructured... objs) {
    objects.addAll(List.of(objs));
    return this;
  }

  /** Adds a namespace with labels. */
  public FakeCluster namespace(String name, Map<String, String> labels) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", name);
    metadata.put("labels", labels);
    return add(Unstructured.copyOf(Map.of("apiVersion", "v1", "kind", "Namespace", "metadata", metadata)));
  }

  @Override
  public Optional<Unstructured> namespace(String name) {
    return get(new GroupVersionKind("", "v1", "Namespace"), "", name);
  }

  @Override
  public List<Unstructured> list(GroupVersionKind kind, String namespace, boolean allNamespaces) {
    return objects.stream()
        .filter(o -> o.groupVersionKind().equals(kind))
        .filter(o -> allNamespaces || o.namespace().equals(namespace))
        .sorted(Comparator.comparing(Unstructured::name))
        .toList();
  }

  @Override
  public Optional<Unstructured> get(GroupVersionKind kind, String namespace, String name) {
    return list(kind, namespace, false).stream().filter(o -> o.name().equals(name)).findFirst();
  }

  @Override
  public ResourceMapping resources() {
    return new ResourceMapping() {
      @Override
      public Optional<RestMapping> mappingFor(GroupVersionKind kind) {
        return Optional.ofNullable(mappings.get(kind));
      }

      @Override
      public List<GroupVersionResource> equivalentResources(
          GroupVersionResource resource, String subresource) {
        return equivalents.getOrDefault(resource, List.of());
      }

      @Override
      public Optional<GroupVersionKind> kindFor(GroupVersionResource resource, String subresource) {
        return Optional.ofNullable(kinds.get(resource + "|" + subresource));
      }
    };
  }
}
