package io.gatehouse.cli;

import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.GroupVersionResource;
import java.util.Optional;

/** Maps a kind to the resource that serves it, as kube-apiserver's REST mapper does. */
interface ResourceResolver {

  /**
   * A resolved kind.
   *
   * @param resource the resource serving the kind
   * @param namespaced whether the resource is namespaced
   */
  record Resolved(GroupVersionResource resource, boolean namespaced) {}

  /** Resolves {@code kind}, or empty if no served resource has it. */
  Optional<Resolved> resolve(GroupVersionKind kind);
}
