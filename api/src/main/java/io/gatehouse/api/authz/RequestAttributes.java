package io.gatehouse.api.authz;

/**
 * What is being asked of the authorizer, as upstream's {@code authorizer.Attributes}. For resource
 * requests {@code path} is empty; for non-resource requests the resource fields are empty.
 *
 * @param user who asks
 * @param verb the API verb ({@code get}, {@code list}, {@code create}, …) or, for non-resource
 *     requests, the lower-case HTTP verb
 * @param resourceRequest whether this is a resource request
 * @param namespace the namespace, empty for cluster scope
 * @param apiGroup the API group, empty for the core group
 * @param apiVersion the API version, {@code *} when any
 * @param resource the resource (plural), e.g. {@code pods}
 * @param subresource the subresource, e.g. {@code status}, or empty
 * @param name the object name, or empty
 * @param path the request path for non-resource requests
 */
public record RequestAttributes(
    UserInfo user,
    String verb,
    boolean resourceRequest,
    String namespace,
    String apiGroup,
    String apiVersion,
    String resource,
    String subresource,
    String name,
    String path) {

  /** Returns attributes of a resource request. */
  public static RequestAttributes resource(
      UserInfo user,
      String verb,
      String namespace,
      String apiGroup,
      String apiVersion,
      String resource,
      String subresource,
      String name) {
    return new RequestAttributes(
        user, verb, true, namespace, apiGroup, apiVersion, resource, subresource, name, "");
  }

  /** Returns attributes of a non-resource request. */
  public static RequestAttributes nonResource(UserInfo user, String verb, String path) {
    return new RequestAttributes(user, verb, false, "", "", "", "", "", "", path);
  }
}
