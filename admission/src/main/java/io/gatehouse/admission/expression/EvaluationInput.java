package io.gatehouse.admission.expression;

import dev.cel.common.values.NullValue;
import org.jspecify.annotations.Nullable;

/**
 * The variable values of one evaluation, already converted to CEL values.
 *
 * <p>Immutable as a record; the values are shared and must not be mutated.
 *
 * @param object {@code object}, CEL null if absent
 * @param oldObject {@code oldObject}, CEL null if absent
 * @param request {@code request}
 * @param namespaceObject {@code namespaceObject}, CEL null if absent
 * @param params {@code params} (CEL null when the binding has no paramRef)
 * @param authorizer {@code authorizer}, or null when not bound
 * @param requestResourceAuthorizer {@code authorizer.requestResource}, or null when not bound
 */
public record EvaluationInput(
    Object object,
    Object oldObject,
    Object request,
    Object namespaceObject,
    Object params,
    @Nullable Object authorizer,
    @Nullable Object requestResourceAuthorizer) {

  /** Returns {@code value}, or CEL null for Java null. */
  public static Object orNull(@Nullable Object value) {
    return value == null ? NullValue.NULL_VALUE : value;
  }

  /** Returns a copy with another {@code namespaceObject}. */
  public EvaluationInput withNamespaceObject(Object value) {
    return new EvaluationInput(
        object, oldObject, request, value, params, authorizer, requestResourceAuthorizer);
  }

  /** Returns a copy without the authorizer variables. */
  public EvaluationInput withoutAuthorizer() {
    return new EvaluationInput(object, oldObject, request, namespaceObject, params, null, null);
  }

  /** Resolves a declared variable other than {@code variables}; empty when unbound. */
  @Nullable Object resolve(String name) {
    return switch (name) {
      case "object" -> object;
      case "oldObject" -> oldObject;
      case "request" -> request;
      case "namespaceObject" -> namespaceObject;
      case "params" -> params;
      case "authorizer" -> authorizer;
      case "authorizer.requestResource" -> requestResourceAuthorizer;
      default -> null;
    };
  }
}
