package io.gatehouse.admission;

import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.GroupVersionResource;
import io.gatehouse.api.Unstructured;
import io.gatehouse.api.authz.UserInfo;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything admission knows about one request, as upstream's {@code admission.Attributes}.
 *
 * <p>Immutable as a record; the objects inside are shared, so plugins must not mutate them.
 *
 * @param object the incoming object; null on DELETE (and for CONNECT without a body)
 * @param oldObject the stored object; null on CREATE and CONNECT
 * @param kind the kind of the request's object (for subresources, the subresource's kind, e.g.
 *     {@code autoscaling/v1, Kind=Scale})
 * @param resource the resource the request addresses
 * @param subresource the subresource, or empty
 * @param namespace the namespace, empty for cluster-scoped resources
 * @param name the object name, empty for a CREATE with generateName
 * @param operation the operation
 * @param operationOptions the Create/Update/DeleteOptions of the request as a JSON map
 *     (including {@code kind} and {@code apiVersion}), or null
 * @param dryRun whether the request is a dry run
 * @param userInfo who makes the request
 */
public record AdmissionAttributes(
    @Nullable Unstructured object,
    @Nullable Unstructured oldObject,
    GroupVersionKind kind,
    GroupVersionResource resource,
    String subresource,
    String namespace,
    String name,
    Operation operation,
    @Nullable Map<String, Object> operationOptions,
    boolean dryRun,
    UserInfo userInfo) {}
