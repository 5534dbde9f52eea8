package io.gatehouse.cel.library;

import io.gatehouse.api.authz.AuthorizationResult;
import io.gatehouse.api.authz.FieldSelectorRequirement;
import io.gatehouse.api.authz.LabelSelectorRequirement;
import io.gatehouse.api.authz.RequestAttributes;

/**
 * A value of the CEL type {@code kubernetes.authorization.ResourceCheck}: a resource request to
 * check, built up by {@code subresource()}, {@code namespace()}, {@code name()} and (1.31+, gated)
 * {@code fieldSelector()} / {@code labelSelector()}. An empty string leaves a part unset. Immutable.
 *
 * @param authorizer the authorizer and principal
 * @param group the API group, {@code ""} for core
 * @param resource the resource (plural)
 * @param subresource the subresource, or {@code ""}
 * @param namespace the namespace, or {@code ""} for cluster scope
 * @param name the object name, or {@code ""}
 * @param fieldSelector the field selector text, or {@code ""}
 * @param labelSelector the label selector text, or {@code ""}
 */
public record ResourceCheck(
    AuthorizerValue authorizer,
    String group,
    String resource,
    String subresource,
    String namespace,
    String name,
    String fieldSelector,
    String labelSelector) {

  /** Returns a copy with the subresource replaced. */
  public ResourceCheck withSubresource(String value) {
    return new ResourceCheck(
        authorizer, group, resource, value, namespace, name, fieldSelector, labelSelector);
  }

  /** Returns a copy with the namespace replaced. */
  public ResourceCheck withNamespace(String value) {
    return new ResourceCheck(
        authorizer, group, resource, subresource, value, name, fieldSelector, labelSelector);
  }

  /** Returns a copy with the name replaced. */
  public ResourceCheck withName(String value) {
    return new ResourceCheck(
        authorizer, group, resource, subresource, namespace, value, fieldSelector, labelSelector);
  }

  /** Returns a copy with the field selector text replaced. */
  public ResourceCheck withFieldSelector(String value) {
    return new ResourceCheck(
        authorizer, group, resource, subresource, namespace, name, value, labelSelector);
  }

  /** Returns a copy with the label selector text replaced. */
  public ResourceCheck withLabelSelector(String value) {
    return new ResourceCheck(
        authorizer, group, resource, subresource, namespace, name, fieldSelector, value);
  }

  /**
   * Returns the attributes upstream's {@code resourceCheckVal.Authorize} sends: a resource request
   * for {@code apiVerb} with API version {@code *}, the principal as user, and each non-empty
   * selector parsed into requirements or, when it does not parse, into its error text with no
   * requirements.
   */
  public RequestAttributes attributes(String apiVerb) {
    RequestAttributes attributes =
        RequestAttributes.resource(
            authorizer.user(), apiVerb, namespace, group, "*", resource, subresource, name);
    if (!fieldSelector.isEmpty()) {
      SelectorParse<FieldSelectorRequirement> parsed = FieldSelectorParser.parse(fieldSelector);
      attributes = attributes.withFieldSelector(parsed.requirements(), parsed.error());
    }
    if (!labelSelector.isEmpty()) {
      SelectorParse<LabelSelectorRequirement> parsed = LabelSelectorParser.parse(labelSelector);
      attributes = attributes.withLabelSelector(parsed.requirements(), parsed.error());
    }
    return attributes;
  }

  /** Asks the authorizer about {@link #attributes(String)}; the result is the CEL Decision. */
  public AuthorizationResult check(String apiVerb) {
    return authorizer.authorizer().authorize(attributes(apiVerb));
  }
}
