package io.gatehouse.api.catalog;

import io.gatehouse.api.GroupResource;
import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.GroupVersionResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Upstream's {@code runtime.EquivalentResourceRegistry}: resources registered under the same key
 * are equivalent, per subresource, in registration order; each (resource, subresource) knows its
 * kind.
 *
 * <p>Filled while a {@link ResourceCatalog} is built, then only read: not thread-safe while being
 * filled, safe to share once the catalog that owns it is constructed.
 */
final class EquivalentResourceRegistry {

  private final Map<GroupResource, String> keys = new HashMap<>();
  private final Map<String, Map<String, List<GroupVersionResource>>> resources = new HashMap<>();
  private final Map<GroupVersionResource, Map<String, GroupVersionKind>> kinds = new HashMap<>();

  /**
   * Registers {@code resource} ({@code subresource} empty for the main resource) with its {@code
   * kind}, equivalent to every resource registered under {@code key}.
   */
  void register(GroupVersionResource resource, String subresource, GroupVersionKind kind, String key) {
    kinds.computeIfAbsent(resource, r -> new HashMap<>()).put(subresource, kind);
    keys.put(resource.groupResource(), key);
    resources
        .computeIfAbsent(key, k -> new HashMap<>())
        .computeIfAbsent(subresource, s -> new ArrayList<>())
        .add(resource);
  }

  /** Registers {@code resource} and each of its subresources under {@code key}. */
  void register(ApiResource resource, String key) {
    register(resource.groupVersionResource(), "", resource.kind(), key);
    for (Subresource s : resource.subresources()) {
      register(resource.groupVersionResource(), s.name(), s.kind(), key);
    }
  }

  /**
   * Returns the resources equivalent to {@code resource} that have {@code subresource}, in
   * registration order, {@code resource} included; empty if it is unknown.
   */
  List<GroupVersionResource> equivalentResourcesFor(GroupVersionResource resource, String subresource) {
    String key = keys.get(resource.groupResource());
    if (key == null) {
      return List.of();
    }
    return List.copyOf(resources.get(key).getOrDefault(subresource, List.of()));
  }

  /** Returns the kind registered for {@code resource} and {@code subresource}. */
  Optional<GroupVersionKind> kindFor(GroupVersionResource resource, String subresource) {
    return Optional.ofNullable(kinds.getOrDefault(resource, Map.of()).get(subresource));
  }
}
