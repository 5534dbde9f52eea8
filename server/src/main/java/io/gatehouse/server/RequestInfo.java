package io.gatehouse.server;

import java.util.List;

/**
 * What a request is about, parsed from its URL and method as upstream's {@code
 * request.RequestInfo}: a resource request ({@code /api/v1/namespaces/ns/pods/name/status}) with
 * its API verb, or a non-resource request ({@code /healthz}) with the lower-case HTTP method as
 * verb.
 *
 * <p>Immutable.
 *
 * @param resourceRequest whether the path names an API resource
 * @param path the URL path
 * @param verb the API verb ({@code get}, {@code list}, {@code watch}, {@code create}, …) or the
 *     lower-case HTTP method for non-resource requests
 * @param apiPrefix {@code api} or {@code apis}, empty for non-resource requests
 * @param apiGroup the API group, empty for the core group
 * @param apiVersion the API version
 * @param namespace the namespace, empty for cluster scope
 * @param resource the resource (plural)
 * @param subresource the subresource, or empty
 * @param name the object name, or empty
 * @param parts the path parts from the resource on
 * @param fieldSelector the raw field selector of list, watch and deletecollection requests
 * @param labelSelector the raw label selector of list, watch and deletecollection requests
 */
record RequestInfo(
    boolean resourceRequest,
    String path,
    String verb,
    String apiPrefix,
    String apiGroup,
    String apiVersion,
    String namespace,
    String resource,
    String subresource,
    String name,
    List<String> parts,
    String fieldSelector,
    String labelSelector) {

  RequestInfo {
    parts = List.copyOf(parts);
  }

  /** Returns a non-resource request's info. */
  static RequestInfo nonResource(String path, String method) {
    return new RequestInfo(false, path, method.toLowerCase(java.util.Locale.ROOT), "", "", "", "",
        "", "", "", List.of(), "", "");
  }
}
