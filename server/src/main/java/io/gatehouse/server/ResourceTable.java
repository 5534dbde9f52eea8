package io.gatehouse.server;

import io.gatehouse.api.GroupVersion;
import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.GroupVersionResource;
import io.gatehouse.api.catalog.ApiGroup;
import io.gatehouse.api.catalog.ApiGroupVersion;
import io.gatehouse.api.catalog.ApiResource;
import io.gatehouse.api.catalog.ResourceCatalog;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which catalog resources are stored, and in which version. Every resource that can be read
 * ({@code get} among its verbs) is stored in its group's preferred version. Another served version
 * of it is served too only where converting is a pure {@code apiVersion} relabelling: the {@code
 * v1beta1} and {@code v1alpha1} ValidatingAdmissionPolicy and binding (their fields are the ones
 * {@code v1} has). {@code autoscaling/v1} HorizontalPodAutoscalers need a real conversion and are
 * not served (their paths answer 404). Immutable; thread-safe.
 */
final class ResourceTable {

  private static final Set<String> RELABELLED_GROUPS = Set.of("admissionregistration.k8s.io");

  private final Map<GroupVersionResource, StoredResource> byResource = new HashMap<>();
  private final Map<GroupVersionKind, StoredResource> byKind = new HashMap<>();
  private final List<StoredResource> all;

  ResourceTable(ResourceCatalog catalog) {
    java.util.ArrayList<StoredResource> list = new java.util.ArrayList<>();
    for (ApiGroup g : catalog.groups()) {
      ApiGroupVersion preferred = g.preferredVersion();
      for (ApiGroupVersion v : g.versions()) {
        for (ApiResource r : v.resources()) {
          if (!r.verbs().contains("get")) {
            continue;
          }
          Optional<ApiResource> storage = preferred.resources().stream()
              .filter(p -> p.name().equals(r.name())).findFirst();
          if (storage.isEmpty()) {
            continue;
          }
          boolean same = v == preferred;
          if (!same && !RELABELLED_GROUPS.contains(g.name())) {
            continue;
          }
          StoredResource s = new StoredResource(r, storage.get().kind());
          byResource.put(r.groupVersionResource(), s);
          byKind.put(r.kind(), s);
          if (same) {
            list.add(s);
          }
        }
      }
    }
    this.all = List.copyOf(list);
  }

  /** Returns the stored resource served as {@code gvr}. */
  Optional<StoredResource> resource(GroupVersionResource gvr) {
    return Optional.ofNullable(byResource.get(gvr));
  }

  /** Returns the stored resource whose objects are {@code gvk}. */
  Optional<StoredResource> forKind(GroupVersionKind gvk) {
    return Optional.ofNullable(byKind.get(gvk));
  }

  /** Returns the resource at its storage version. */
  StoredResource storageOf(StoredResource r) {
    return byResource.get(r.storageKind().groupVersion().withResource(r.served().name()));
  }

  /** Every stored resource at its storage version, in discovery order. */
  List<StoredResource> all() {
    return all;
  }

  static GroupVersion groupVersion(StoredResource r) {
    return r.served().groupVersion();
  }
}
