package io.gatehouse.api.authz;

/**
 * One requirement of a parsed field selector, as apimachinery's {@code fields.Requirement}.
 *
 * @param field the field path, e.g. {@code spec.nodeName}
 * @param operator {@link SelectorOperator#EQUALS} or {@link SelectorOperator#NOT_EQUALS} (the field
 *     selector parser produces no others)
 * @param value the unescaped value
 */
public record FieldSelectorRequirement(String field, SelectorOperator operator, String value) {}
