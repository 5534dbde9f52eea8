package io.gatehouse.admission;

import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.GroupVersionResource;
import io.gatehouse.api.Unstructured;
import io.gatehouse.api.authz.UserInfo;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Builders of {@link AdmissionAttributes} for tests. */
public final class Requests {

  private Requests() {}

  /** Returns attributes with the given coordinates, no objects, user {@code alice}. */
  public static AdmissionAttributes of(
      String group, String version, String resource, String subresource, String namespace,
      String name, Operation operation) {
    return new AdmissionAttributes(null, null,
        new GroupVersionKind(group, version, "k" + resource),
        new GroupVersionResource(group, version, resource), subresource, namespace, name,
        operation, null, false, UserInfo.of("alice"));
  }

  /** Returns a request on {@code object} (a Deployment-like object in apps/v1 by default). */
  public static AdmissionAttributes create(
      Unstructured object, GroupVersionResource resource, Operation operation,
      @Nullable Unstructured oldObject) {
    return new AdmissionAttributes(
        operation == Operation.DELETE ? null : object, oldObject, object.groupVersionKind(),
        resource, "", object.namespace(), object.name(), operation,
        Map.of("kind", operation == Operation.UPDATE ? "UpdateOptions" : "CreateOptions",
            "apiVersion", "meta.k8s.io/v1"),
        false, new UserInfo("alice", "uid-1", java.util.List.of("dev"), Map.of()));
  }
}
