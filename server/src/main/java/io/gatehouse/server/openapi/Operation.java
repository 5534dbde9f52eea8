package io.gatehouse.server.openapi;

import io.gatehouse.api.GroupVersionKind;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP operation of a path, in the form both the v2 and the v3 writer render. Immutable.
 *
 * @param method the lower-case HTTP method ({@code get}, {@code post}, …)
 * @param id the {@code operationId}, e.g. {@code patchCoreV1NamespacedPod}
 * @param description what the operation does
 * @param tag the tag, e.g. {@code core_v1}
 * @param action the {@code x-kubernetes-action} ({@code get}, {@code list}, {@code post}, …)
 * @param gvk the {@code x-kubernetes-group-version-kind}, or null (discovery)
 * @param parameters the operation's own parameters
 * @param body the request body, or null
 * @param responses response description and schema definition name (null for none) by code
 */
record Operation(String method, String id, String description, String tag, String action,
    @Nullable GroupVersionKind gvk, List<Parameter> parameters, @Nullable Body body,
    Map<String, Response> responses) {

  /**
   * A path or query parameter.
   *
   * @param name its name
   * @param in {@code path} or {@code query}
   * @param description what it means
   * @param type {@code string}, {@code boolean} or {@code integer}
   * @param required whether it must be given
   */
  record Parameter(String name, String in, String description, String type, boolean required) {}

  /**
   * A request body.
   *
   * @param definition the definition name of its schema
   * @param required whether it must be sent
   * @param contentTypes the media types accepted
   */
  record Body(String definition, boolean required, List<String> contentTypes) {}

  /**
   * A response.
   *
   * @param description e.g. {@code OK}
   * @param definition the definition name of its schema, or null for none
   */
  record Response(String description, @Nullable String definition) {}

  /**
   * One path with its operations and the parameters they share.
   *
   * @param path e.g. {@code /api/v1/namespaces/{namespace}/pods/{name}}
   * @param parameters the parameters of every operation of the path
   * @param operations the operations, in get, put, post, delete, patch order
   */
  record PathItem(String path, List<Parameter> parameters, List<Operation> operations) {}
}
