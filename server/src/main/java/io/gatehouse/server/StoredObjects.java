package io.gatehouse.server;

import io.gatehouse.api.GroupVersionResource;
import io.gatehouse.api.Unstructured;
import io.gatehouse.storage.KeyValue;
import io.gatehouse.storage.ListOptions;
import io.gatehouse.storage.ListResult;
import java.util.ArrayList;
import java.util.List;

/** Reads for the controllers: core resources by name and whole listings. Stateless. */
final class StoredObjects {

  private StoredObjects() {}

  /** The core ({@code v1}) resource {@code name}. */
  static StoredResource core(ResourceTable resources, String name) {
    return resources.resource(new GroupVersionResource("", "v1", name)).orElseThrow();
  }

  /** Every stored object of {@code r} in {@code namespace} (all namespaces when empty). */
  static List<Unstructured> list(Registry registry, StoredResource r, String namespace) {
    List<Unstructured> out = new ArrayList<>();
    if (registry.store().list(r.prefix(namespace), ListOptions.latest())
        instanceof ListResult.Page page) {
      for (KeyValue kv : page.items()) {
        out.add(Registry.served(r, ObjectBytes.read(kv)));
      }
    }
    return out;
  }
}
