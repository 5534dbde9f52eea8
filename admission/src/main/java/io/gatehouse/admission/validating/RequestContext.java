package io.gatehouse.admission.validating;

import io.gatehouse.admission.AdmissionAttributes;
import io.gatehouse.admission.ClusterState;
import io.gatehouse.admission.expression.EvaluationInput;
import io.gatehouse.admission.expression.NamespaceValue;
import io.gatehouse.admission.expression.RequestValue;
import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.GroupVersionResource;
import io.gatehouse.api.Unstructured;
import io.gatehouse.api.authz.Authorizer;
import io.gatehouse.api.authz.CachingAuthorizer;
import io.gatehouse.cel.CelValues;
import io.gatehouse.cel.library.AuthorizerValue;
import io.gatehouse.cel.library.ResourceCheck;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The per-request state shared by every policy: the request's objects converted to CEL values
 * once, {@code request} values per matched kind, and converted params.
 *
 * <p>Not thread-safe: one per request.
 */
final class RequestContext {

  final AdmissionAttributes attributes;
  final ClusterState cluster;
  private @Nullable Object object;
  private @Nullable Object oldObject;
  private final Map<List<Object>, Map<String, Object>> requests = new HashMap<>();
  private final Map<Unstructured, Object> params = new IdentityHashMap<>();
  private final Map<Unstructured, Object> restrictedNamespaces = new IdentityHashMap<>();
  private final Map<Unstructured, Object> fullNamespaces = new IdentityHashMap<>();

  private final Authorizer authorizer;
  private @Nullable AuthorizerValue authorizerValue;
  private @Nullable ResourceCheck requestResource;

  RequestContext(AdmissionAttributes attributes, ClusterState cluster, Authorizer authorizer) {
    this.attributes = attributes;
    this.cluster = cluster;
    this.authorizer = authorizer;
  }

  /** Returns {@code authorizer}: the request's user, checks cached for the whole request. */
  AuthorizerValue authorizer() {
    if (authorizerValue == null) {
      authorizerValue = AuthorizerValue.of(CachingAuthorizer.of(authorizer), attributes.userInfo());
    }
    return authorizerValue;
  }

  /** Returns {@code authorizer.requestResource}: the request's own resource, not an equivalent. */
  ResourceCheck requestResource() {
    if (requestResource == null) {
      requestResource = authorizer().requestResource(attributes.resource().group(),
          attributes.resource().resource(), attributes.subresource(), attributes.namespace(),
          attributes.name());
    }
    return requestResource;
  }

  Object object() {
    if (object == null) {
      object = attributes.object() == null
          ? EvaluationInput.orNull(null)
          : CelValues.view(attributes.object().object());
    }
    return object;
  }

  Object oldObject() {
    if (oldObject == null) {
      oldObject = attributes.oldObject() == null
          ? EvaluationInput.orNull(null)
          : CelValues.view(attributes.oldObject().object());
    }
    return oldObject;
  }

  /**
   * Returns {@code namespaceObject}: the restricted Namespace (validations, messages) or the whole
   * one (auditAnnotations); CEL null when there is none.
   */
  Object namespaceValue(@Nullable Unstructured namespace, boolean restricted) {
    if (namespace == null) {
      return EvaluationInput.orNull(null);
    }
    return restricted
        ? restrictedNamespaces.computeIfAbsent(namespace, NamespaceValue::restricted)
        : fullNamespaces.computeIfAbsent(namespace, NamespaceValue::full);
  }

  Map<String, Object> request(GroupVersionResource resource, GroupVersionKind kind) {
    return requests.computeIfAbsent(
        List.of(resource, kind), k -> RequestValue.of(attributes, resource, kind));
  }

  /**
   * Returns a param as a CEL value; a param without {@code apiVersion} and {@code kind} gets those
   * of {@code paramKind}, as upstream wraps typed params.
   */
  Object param(@Nullable Unstructured param, Policy.@Nullable ParamKind paramKind) {
    if (param == null) {
      return EvaluationInput.orNull(null);
    }
    return params.computeIfAbsent(
        param,
        p -> {
          if (paramKind != null && p.apiVersion().isEmpty() && p.kind().isEmpty()) {
            Map<String, @Nullable Object> typed = new LinkedHashMap<>(p.object());
            typed.put("apiVersion", paramKind.apiVersion());
            typed.put("kind", paramKind.kind());
            return CelValues.view(typed);
          }
          return CelValues.view(p.object());
        });
  }
}
