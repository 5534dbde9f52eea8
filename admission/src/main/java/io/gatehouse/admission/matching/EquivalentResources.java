package io.gatehouse.admission.matching;

import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.GroupVersionResource;
import io.gatehouse.api.catalog.ResourceCatalog;
import java.util.List;
import java.util.Optional;

/**
 * Upstream's {@code EquivalentResourceMapper}: the resources equivalent to a requested one, and the
 * kind each serves. Implementations are immutable and thread-safe.
 */
interface EquivalentResources {

  /** Returns the resources equivalent to {@code resource} for {@code subresource}, itself included. */
  List<GroupVersionResource> equivalents(GroupVersionResource resource, String subresource);

  /** Returns the kind {@code resource}/{@code subresource} serves, if registered. */
  Optional<GroupVersionKind> kindFor(GroupVersionResource resource, String subresource);

  /** Returns the mapper of {@code catalog}. */
  static EquivalentResources of(ResourceCatalog catalog) {
    return new EquivalentResources() {
      @Override
      public List<GroupVersionResource> equivalents(GroupVersionResource resource, String subresource) {
        return catalog.equivalentResources(resource, subresource);
      }

      @Override
      public Optional<GroupVersionKind> kindFor(GroupVersionResource resource, String subresource) {
        return catalog.kindFor(resource, subresource);
      }
    };
  }
}
