package io.gatehouse.server;

import io.gatehouse.admission.ClusterState;
import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.Unstructured;
import io.gatehouse.api.catalog.ResourceCatalog;
import io.gatehouse.storage.KeyValue;
import io.gatehouse.storage.KeyValueStore;
import io.gatehouse.storage.ListOptions;
import io.gatehouse.storage.ListResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What admission reads of the cluster, read from the store at the time of each call (upstream
 * reads informer caches) except namespaces, which come from the {@link NamespaceCache} (never
 * stale towards this server's writes): namespaces for Pod Security labels and policy namespace
 * selectors,
 * params objects (custom resources included) and existing pods. Objects of kinds the server does
 * not store are absent.
 * Thread-safe.
 */
final class StoreClusterState implements ClusterState {

  private final KeyValueStore store;
  private final NamespaceCache namespaces;
  private final ResourceTable resources;
  private final Supplier<ResourceCatalog> catalog;

  /** @param catalog the current catalog (custom resources come and go) */
  StoreClusterState(KeyValueStore store, NamespaceCache namespaces, ResourceTable resources,
      Supplier<ResourceCatalog> catalog) {
    this.store = store;
    this.namespaces = namespaces;
    this.resources = resources;
    this.catalog = catalog;
  }

  @Override
  public Optional<Unstructured> namespace(String name) {
    return namespaces.namespace(name);
  }

  @Override
  public List<Unstructured> list(GroupVersionKind kind, String namespace, boolean allNamespaces) {
    Optional<StoredResource> r = resources.forKind(kind);
    if (r.isEmpty()) {
      return List.of();
    }
    String prefix = r.get().prefix(allNamespaces ? "" : namespace);
    List<Unstructured> out = new ArrayList<>();
    if (store.list(prefix, ListOptions.latest()) instanceof ListResult.Page page) {
      for (KeyValue kv : page.items()) {
        out.add(Registry.served(r.get(), ObjectBytes.read(kv)));
      }
    }
    out.sort(Comparator.comparing(Unstructured::namespace).thenComparing(Unstructured::name));
    return out;
  }

  @Override
  public Optional<Unstructured> get(GroupVersionKind kind, String namespace, String name) {
    return resources.forKind(kind).flatMap(r -> store.get(r.key(namespace, name)).kv()
        .map(kv -> Registry.served(r, ObjectBytes.read(kv))));
  }

  @Override
  public ResourceCatalog catalog() {
    return catalog.get();
  }
}
