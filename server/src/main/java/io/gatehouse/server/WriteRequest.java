package io.gatehouse.server;

import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.Unstructured;
import org.jspecify.annotations.Nullable;

/**
 * One write as the registry hands it to admission: to the mutating phase before its own
 * preparation and validation, to the validating phase after them and before storage (upstream's
 * {@code ValidateObjectFunc} arguments).
 *
 * @param resource the resource, as served to the request
 * @param subresource the subresource ({@code status}) or empty
 * @param operation {@code CREATE}, {@code UPDATE} or {@code DELETE}
 * @param namespace the request namespace (a Namespace's own name for updates and deletes of it)
 * @param name the object name (empty for a create with generateName until a name is chosen)
 * @param object the new object, null for deletes; only {@link WriteAdmission#admit} may change it
 * @param oldObject the stored object, null for creates; must not be mutated
 * @param dryRun whether nothing will be persisted
 * @param kind the kind of {@code object} and {@code oldObject}: the resource's, except for
 *     subresources with their own kind (a {@code scale} is an {@code autoscaling/v1} Scale)
 */
record WriteRequest(
    StoredResource resource,
    String subresource,
    String operation,
    String namespace,
    String name,
    @Nullable Unstructured object,
    @Nullable Unstructured oldObject,
    boolean dryRun,
    GroupVersionKind kind) {

  /** A write of the resource's own kind. */
  WriteRequest(StoredResource resource, String subresource, String operation, String namespace,
      String name, @Nullable Unstructured object, @Nullable Unstructured oldObject,
      boolean dryRun) {
    this(resource, subresource, operation, namespace, name, object, oldObject, dryRun,
        resource.kind());
  }
}
