package io.gatehouse.server.schema;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One error of kube-openapi's schema validator ({@code errors.Validation}, or a composite {@code
 * errors.apiError} when {@code code} is {@link Code#COMPOSITE}), with its message as kube-openapi
 * words it ({@code spec.replicas in body should be less than or equal to 10}). Immutable.
 *
 * @param code the error code
 * @param name the value's path as kube-openapi builds it (e.g. {@code spec.items[0]}, {@code
 *     .spec} for a required root property)
 * @param value the offending value, or {@code null}
 * @param values the allowed values of an enum failure
 * @param valid the limit of a maxItems, maxProperties or maxLength failure
 * @param message the message
 */
record OpenApiError(Code code, String name, @Nullable Object value, List<@Nullable Object> values,
    long valid, String message) {

  /** kube-openapi's error codes, as far as CRD validation produces them. */
  enum Code {
    COMPOSITE, INVALID_TYPE, REQUIRED, TOO_LONG, TOO_SHORT, PATTERN, ENUM, MULTIPLE_OF, MAX, MIN,
    UNIQUE, MAX_ITEMS, MIN_ITEMS, TOO_FEW_PROPERTIES, TOO_MANY_PROPERTIES, UNALLOWED_PROPERTY,
    MULTIPLE_OF_MUST_BE_POSITIVE
  }

  static final String IN = "body";

  static OpenApiError of(Code code, String name, @Nullable Object value, String message) {
    return new OpenApiError(code, name, value, List.of(), -1, message);
  }

  /** {@code errors.InvalidType}: {@code <name> in body must be of type <type>[: "<value>"]}. */
  static OpenApiError invalidType(String name, String typeName, @Nullable Object value) {
    String msg = value instanceof String s
        ? name + " in " + IN + " must be of type " + typeName + ": " + io.gatehouse.api.GoQuote.quote(s)
        : name + " in " + IN + " must be of type " + typeName;
    return of(Code.INVALID_TYPE, name, value, msg);
  }

  /** A composite error ({@code errors.New(CompositeErrorCode, …)}), which has no path of its own. */
  static OpenApiError composite(String message) {
    return of(Code.COMPOSITE, "", null, message);
  }
}
