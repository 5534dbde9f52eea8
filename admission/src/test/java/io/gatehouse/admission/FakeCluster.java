package io.gatehouse.admission;

import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.Unstructured;
import io.gatehouse.api.catalog.ResourceCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-memory {@link ClusterState}, for tests. */
public final class FakeCluster implements ClusterState {

  private final List<Unstructured> objects = new ArrayList<>();
  private ResourceCatalog catalog = ResourceCatalog.builtin();

  /** Returns an empty cluster serving the built-in resources. */
  public static FakeCluster create() {
    return new FakeCluster();
  }

  /** Serves the custom resources of {@code crds} too. */
  public FakeCluster crds(Unstructured... crds) {
    catalog = catalog.withCustomResourceDefinitions(List.of(crds));
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
  public ResourceCatalog catalog() {
    return catalog;
  }
}
