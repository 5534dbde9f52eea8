package io.gatehouse.server.schema;

import org.jspecify.annotations.Nullable;

/**
 * One {@code x-kubernetes-validations} entry. Immutable.
 *
 * @param rule the CEL expression
 * @param message the static message, empty if unset
 * @param messageExpression the CEL expression computing the message, empty if unset
 * @param reason {@code FieldValueInvalid} and friends, or {@code null}
 * @param fieldPath the JSON path the error is reported at, empty if unset
 * @param optionalOldSelf {@code optionalOldSelf}, or {@code null} if unset
 */
public record ValidationRule(String rule, String message, String messageExpression,
    @Nullable String reason, String fieldPath, @Nullable Boolean optionalOldSelf) {}
