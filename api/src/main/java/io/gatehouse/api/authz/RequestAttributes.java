package io.gatehouse.api.authz;

import java.util.List;

/**
 * What is being asked of the authorizer, as upstream's {@code authorizer.Attributes}. For resource
 * requests {@code path} is empty; for non-resource requests the resource fields are empty.
 *
 * <p>Field and label selectors (Kubernetes 1.31+, feature {@code AuthorizeWithSelectors}) narrow a
 * resource request. When the selector text failed to parse, its requirements are empty and the
 * parser's error text is carried instead, as upstream's {@code GetFieldSelector()} and {@code
 * GetLabelSelector()} return {@code (nil, err)}; the built-in authorizers then decide as if no
 * selector had been given.
 *
 * <p>Immutable: the lists are copied.
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
 * @param fieldSelector the field selector requirements, empty when none or unparsable
 * @param fieldSelectorError the field selector's parse error, empty when none
 * @param labelSelector the label selector requirements, empty when none or unparsable
 * @param labelSelectorError the label selector's parse error, empty when none
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
    String path,
    List<FieldSelectorRequirement> fieldSelector,
    String fieldSelectorError,
    List<LabelSelectorRequirement> labelSelector,
    String labelSelectorError) {

  /** Copies the selector lists. */
  public RequestAttributes {
    fieldSelector = List.copyOf(fieldSelector);
    labelSelector = List.copyOf(labelSelector);
  }

  /** Creates attributes without field or label selectors. */
  public RequestAttributes(
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
    this(user, verb, resourceRequest, namespace, apiGroup, apiVersion, resource, subresource, name,
        path, List.of(), "", List.of(), "");
  }

  /** Returns attributes of a resource request, without selectors. */
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

  /**
   * Returns a copy with the field selector replaced.
   *
   * @param requirements the parsed requirements, empty if {@code parseError} is set
   * @param parseError the parser's error text, or empty
   */
  public RequestAttributes withFieldSelector(
      List<FieldSelectorRequirement> requirements, String parseError) {
    return new RequestAttributes(user, verb, resourceRequest, namespace, apiGroup, apiVersion,
        resource, subresource, name, path, requirements, parseError, labelSelector,
        labelSelectorError);
  }

  /**
   * Returns a copy with the label selector replaced.
   *
   * @param requirements the parsed requirements, empty if {@code parseError} is set
   * @param parseError the parser's error text, or empty
   */
  public RequestAttributes withLabelSelector(
      List<LabelSelectorRequirement> requirements, String parseError) {
    return new RequestAttributes(user, verb, resourceRequest, namespace, apiGroup, apiVersion,
        resource, subresource, name, path, fieldSelector, fieldSelectorError, requirements,
        parseError);
  }
}
