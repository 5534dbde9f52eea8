package io.gatehouse.server;

import io.gatehouse.api.GroupResource;
import io.gatehouse.api.GroupVersion;
import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.GroupVersionResource;
import io.gatehouse.api.catalog.ApiGroup;
import io.gatehouse.api.catalog.ApiGroupVersion;
import io.gatehouse.api.catalog.ApiResource;
import io.gatehouse.api.catalog.ResourceCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which resources are stored, and in which version. Every built-in catalog resource that can be
 * read ({@code get} among its verbs) is stored in its group's preferred version. Another served
 * version of it is served too only where converting is a pure {@code apiVersion} relabelling: the
 * {@code v1beta1} and {@code v1alpha1} ValidatingAdmissionPolicy and binding (their fields are the
 * ones {@code v1} has). {@code autoscaling/v1} HorizontalPodAutoscalers need a real conversion and
 * are not served (their paths answer 404). Custom resources are added and removed as their
 * definitions come and go ({@link #setCustomResources}); each served version of one is stored in
 * the definition's storage version (conversion strategy {@code None}: a relabelling too).
 *
 * <p>Thread-safe: lookups see one consistent table, swapped as a whole on change.
 */
final class ResourceTable {

  private static final Set<String> RELABELLED_GROUPS = Set.of("admissionregistration.k8s.io");

  private final ResourceCatalog catalog;
  private final Map<GroupResource, ResourceBehavior> behaviors = new HashMap<>();
  private List<StoredResource> custom = List.of();
  private volatile Index index;

  ResourceTable(ResourceCatalog catalog) {
    this.catalog = catalog;
    this.index = build();
  }

  /** Gives the built-in resource {@code gr} its own behaviour. */
  synchronized void setBehavior(GroupResource gr, ResourceBehavior behavior) {
    behaviors.put(gr, behavior);
    index = build();
  }

  /** Replaces the custom resources: one entry per served version. */
  synchronized void setCustomResources(List<StoredResource> resources) {
    custom = List.copyOf(resources);
    index = build();
  }

  /** Returns the stored resource served as {@code gvr}. */
  Optional<StoredResource> resource(GroupVersionResource gvr) {
    return Optional.ofNullable(index.byResource.get(gvr));
  }

  /** Returns the stored resource whose objects are {@code gvk}. */
  Optional<StoredResource> forKind(GroupVersionKind gvk) {
    return Optional.ofNullable(index.byKind.get(gvk));
  }

  /** Every stored resource once (the built-in ones at their storage version), built-in first. */
  List<StoredResource> all() {
    return index.all;
  }

  static GroupVersion groupVersion(StoredResource r) {
    return r.served().groupVersion();
  }

  private Index build() {
    Index ix = new Index();
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
          StoredResource s = new StoredResource(r, storage.get().kind(),
              behaviors.get(r.groupResource()));
          ix.put(s);
          if (same) {
            ix.all.add(s);
          }
        }
      }
    }
    Set<GroupResource> listed = new LinkedHashSet<>();
    for (StoredResource s : custom) {
      if (ix.byResource.containsKey(s.served().groupVersionResource())) {
        continue;
      }
      ix.put(s);
      if (listed.add(s.groupResource())) {
        ix.all.add(s);
      }
    }
    ix.all = List.copyOf(ix.all);
    return ix;
  }

  /** One consistent table. */
  private static final class Index {
    final Map<GroupVersionResource, StoredResource> byResource = new HashMap<>();
    final Map<GroupVersionKind, StoredResource> byKind = new HashMap<>();
    List<StoredResource> all = new ArrayList<>();

    void put(StoredResource s) {
      byResource.put(s.served().groupVersionResource(), s);
      byKind.put(s.kind(), s);
    }
  }
}
