package io.gatehouse.server;

import io.gatehouse.api.GroupResource;
import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.catalog.ApiResource;
import org.jspecify.annotations.Nullable;

/**
 * A resource as served at one group/version and as stored: objects are kept as JSON in their
 * storage version (the group's preferred version) under {@code /registry/<resource>/…} for the
 * core group and {@code /registry/<group>/<resource>/…} for the others, then {@code
 * <namespace>/<name>} or {@code <name>}. A served version other than the storage version is only
 * ever an {@code apiVersion} relabelling (see {@link ResourceTable}). Immutable.
 *
 * @param served the resource at the request's group/version
 * @param storageKind the kind objects are stored as
 * @param behavior the resource's own strategy (custom resources, CRDs), or {@code null}
 */
record StoredResource(ApiResource served, GroupVersionKind storageKind,
    @Nullable ResourceBehavior behavior) {

  /** A resource with only the generic behaviour. */
  StoredResource(ApiResource served, GroupVersionKind storageKind) {
    this(served, storageKind, null);
  }

  GroupResource groupResource() {
    return served.groupResource();
  }

  boolean namespaced() {
    return served.namespaced();
  }

  GroupVersionKind kind() {
    return served.kind();
  }

  /** Returns whether the resource has subresource {@code name}. */
  boolean hasSubresource(String name) {
    return served.subresource(name).isPresent();
  }

  /** The key prefix of every object of the resource, ending in {@code /}. */
  String prefix() {
    GroupResource gr = groupResource();
    return gr.group().isEmpty()
        ? "/registry/" + gr.resource() + "/"
        : "/registry/" + gr.group() + "/" + gr.resource() + "/";
  }

  /** The prefix of the objects in {@code namespace} (every object when empty or cluster-scoped). */
  String prefix(String namespace) {
    return namespaced() && !namespace.isEmpty() ? prefix() + namespace + "/" : prefix();
  }

  /** The key of one object. */
  String key(String namespace, String name) {
    return namespaced() ? prefix() + namespace + "/" + name : prefix() + name;
  }
}
