package io.gatehouse.admission;

import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.GroupVersionResource;
import java.util.List;
import java.util.Optional;

/**
 * What admission needs to know about the API's resources: the REST mapping of a kind (for
 * {@code paramKind}), and the resources equivalent to a requested one (for {@code matchPolicy:
 * Equivalent}), as upstream's {@code RESTMapper} and {@code EquivalentResourceMapper} answer.
 *
 * <p>A stand-in until the resource catalog is available from {@link ClusterState}; implementations
 * are immutable and thread-safe.
 */
public interface ResourceMapping {

  /** A mapping that knows no resource: every paramKind is unresolvable, nothing is equivalent. */
  ResourceMapping NONE =
      new ResourceMapping() {
        @Override
        public Optional<RestMapping> mappingFor(GroupVersionKind kind) {
          return Optional.empty();
        }

        @Override
        public List<GroupVersionResource> equivalentResources(
            GroupVersionResource resource, String subresource) {
          return List.of();
        }

        @Override
        public Optional<GroupVersionKind> kindFor(
            GroupVersionResource resource, String subresource) {
          return Optional.empty();
        }
      };

  /**
   * The REST mapping of a kind.
   *
   * @param resource the resource serving the kind
   * @param namespaced whether the resource is namespace-scoped
   */
  record RestMapping(GroupVersionResource resource, boolean namespaced) {}

  /** Returns the mapping of {@code kind} (upstream's {@code RESTMapping(groupKind, version)}). */
  Optional<RestMapping> mappingFor(GroupVersionKind kind);

  /**
   * Returns the resources equivalent to {@code resource} for {@code subresource}, the resource
   * itself included, in upstream's order; empty if unknown.
   */
  List<GroupVersionResource> equivalentResources(GroupVersionResource resource, String subresource);

  /** Returns the kind {@code resource}/{@code subresource} serves, if known. */
  Optional<GroupVersionKind> kindFor(GroupVersionResource resource, String subresource);
}
