package io.gatehouse.admission.matching;

import java.util.List;

/**
 * A {@link RuleWithOperations} limited to named objects.
 *
 * <p>Immutable.
 *
 * @param rule the rule
 * @param resourceNames the names the rule applies to; empty means every name (a CREATE with
 *     {@code generateName} has an empty name and so matches only an empty list)
 */
public record NamedRuleWithOperations(RuleWithOperations rule, List<String> resourceNames) {

  /** Copies the names. */
  public NamedRuleWithOperations {
    resourceNames = List.copyOf(resourceNames);
  }

  /** Returns whether {@code name} passes the name filter. */
  public boolean nameMatches(String name) {
    return resourceNames.isEmpty() || resourceNames.contains(name);
  }
}
