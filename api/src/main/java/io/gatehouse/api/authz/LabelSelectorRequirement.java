package io.gatehouse.api.authz;

import java.util.List;

/**
 * One requirement of a parsed label selector, as apimachinery's {@code labels.Requirement}.
 *
 * <p>Immutable: the values are copied.
 *
 * @param key the label key
 * @param operator the operator
 * @param values the values, sorted and without duplicates as the parser leaves them; empty for
 *     {@link SelectorOperator#EXISTS} and {@link SelectorOperator#DOES_NOT_EXIST}
 */
public record LabelSelectorRequirement(String key, SelectorOperator operator, List<String> values) {

  /** Copies the values. */
  public LabelSelectorRequirement {
    values = List.copyOf(values);
  }
}
