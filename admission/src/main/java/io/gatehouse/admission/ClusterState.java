package io.gatehouse.admission;

import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.Unstructured;
import java.util.List;
import java.util.Optional;

/**
 * The read-only view of existing objects that admission consults: namespaces for selectors and
 * {@code namespaceObject}, and params objects. Upstream reads these from informers; the CLI reads them from
 * {@code --cluster} manifests and the server from its store.
 *
 * <p>Implementations are thread-safe and return objects that callers must not mutate.
 */
public interface ClusterState {

  /** Returns the Namespace named {@code name}, if it exists. */
  Optional<Unstructured> namespace(String name);

  /**
   * Returns every object of {@code kind} in {@code namespace} (empty string: cluster-scoped kinds,
   * or all namespaces of a namespaced kind when {@code allNamespaces}), in name order.
   */
  List<Unstructured> list(GroupVersionKind kind, String namespace, boolean allNamespaces);

  /** Returns the object of {@code kind} named {@code name} in {@code namespace}, if it exists. */
  Optional<Unstructured> get(GroupVersionKind kind, String namespace, String name);
}
