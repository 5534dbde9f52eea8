package io.gatehouse.server;

import io.gatehouse.api.GroupResource;
import io.gatehouse.api.Status;
import io.gatehouse.api.Unstructured;
import java.util.List;
import java.util.Set;

/**
 * Upstream's {@code NamespaceLifecycle} admission plugin, as the registry's namespace check:
 * objects may only be created in a namespace that exists ({@code namespaces "x" not found}) and is
 * not being deleted (403 {@code unable to create new content in namespace x because it is being
 * terminated}, cause {@code NamespaceTerminating}); {@code default}, {@code kube-system} and
 * {@code kube-public} may not be deleted. Thread-safe.
 */
final class NamespaceLifecycle implements Registry.NamespaceCheck {

  static final Set<String> IMMORTAL = Set.of("default", "kube-system", "kube-public");
  static final GroupResource NAMESPACES = new GroupResource("", "namespaces");

  private final NamespaceCache cache;

  NamespaceLifecycle(NamespaceCache cache) {
    this.cache = cache;
  }

  static String key(String namespace) {
    return "/registry/namespaces/" + namespace;
  }


  @Override
  public void requireWritable(StoredResource r, String namespace, String name) {
    Unstructured ns = cache.shared(namespace)
        .orElseThrow(() -> ApiErrors.notFound(NAMESPACES, namespace));
    boolean terminating = ns.metadata().containsKey("deletionTimestamp")
        || "Terminating".equals(ns.get("status", "phase").orElse(null));
    if (terminating) {
      String message = "unable to create new content in namespace " + namespace
          + " because it is being terminated";
      throw ApiErrors.forbidden(r.groupResource(), name, message,
          List.of(new Status.Cause("NamespaceTerminating", message, "metadata.namespace")));
    }
  }

  /** Refuses deleting the namespaces every cluster needs. */
  static void checkDelete(String name) {
    if (IMMORTAL.contains(name)) {
      throw ApiErrors.forbidden(NAMESPACES, name, "this namespace may not be deleted", List.of());
    }
  }
}
