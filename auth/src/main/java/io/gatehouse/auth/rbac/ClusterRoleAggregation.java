package io.gatehouse.auth.rbac;

import io.gatehouse.api.Unstructured;
import io.gatehouse.api.selector.InvalidSelectorException;
import io.gatehouse.api.selector.LabelSelector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resolves ClusterRole {@code aggregationRule}s as the clusterrole-aggregation controller does:
 * an aggregated role's rules become the distinct rules of every other ClusterRole matched by any
 * of its selectors (roles in name order), repeated until nothing changes so that aggregated roles
 * of aggregated roles settle. Stateless.
 */
final class ClusterRoleAggregation {

  private static final int MAX_ROUNDS = 32;

  private ClusterRoleAggregation() {}

  static Map<String, List<PolicyRule>> resolve(List<Unstructured> clusterRoles) {
    List<Unstructured> sorted = new ArrayList<>(clusterRoles);
    sorted.sort(Comparator.comparing(Unstructured::name));
    Map<String, List<PolicyRule>> rules = new TreeMap<>();
    Map<String, List<LabelSelector>> aggregations = new TreeMap<>();
    for (Unstructured role : sorted) {
      rules.put(role.name(), PolicyRule.listFromJson(role.object().get("rules")));
      if (role.object().get("aggregationRule") instanceof Map<?, ?> agg
          && agg.get("clusterRoleSelectors") instanceof List<?> selectors) {
        List<LabelSelector> parsed = new ArrayList<>();
        for (Object s : selectors) {
          try {
            parsed.add(LabelSelector.parse(s));
          } catch (InvalidSelectorException e) {
            // The controller skips a selector it cannot convert.
          }
        }
        aggregations.put(role.name(), parsed);
      }
    }
    for (int round = 0; round < MAX_ROUNDS; round++) {
      boolean changed = false;
      for (Map.Entry<String, List<LabelSelector>> e : aggregations.entrySet()) {
        List<PolicyRule> aggregated = new ArrayList<>();
        for (LabelSelector selector : e.getValue()) {
          for (Unstructured other : sorted) {
            if (other.name().equals(e.getKey()) || !selector.matches(other.labels())) {
              continue;
            }
            for (PolicyRule r : rules.get(other.name())) {
              if (!aggregated.contains(r)) {
                aggregated.add(r);
              }
            }
          }
        }
        if (!aggregated.equals(rules.get(e.getKey()))) {
          rules.put(e.getKey(), List.copyOf(aggregated));
          changed = true;
        }
      }
      if (!changed) {
        break;
      }
    }
    return rules;
  }
}
