package io.gatehouse.admission.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A {@code MatchResources} (policy {@code matchConstraints} or binding {@code matchResources}) with
 * API defaults applied.
 *
 * <p>Immutable; selectors are kept in their JSON form and parsed when matching, because upstream
 * reports a bad selector only for requests that reach it.
 *
 * @param namespaceSelector the namespace selector's JSON form; null selects nothing (API
 *     defaulting makes it {@code {}})
 * @param objectSelector the object selector's JSON form; null selects nothing
 * @param resourceRules the rules a request must match; empty matches every request
 * @param excludeResourceRules the rules that exclude a request
 * @param matchPolicy {@code Exact} or {@code Equivalent}; null behaves as {@code Exact}
 */
public record MatchResources(
    @Nullable Object namespaceSelector,
    @Nullable Object objectSelector,
    List<NamedRuleWithOperations> resourceRules,
    List<NamedRuleWithOperations> excludeResourceRules,
    @Nullable String matchPolicy) {

  /** Copies the lists. */
  public MatchResources {
    resourceRules = List.copyOf(resourceRules);
    excludeResourceRules = List.copyOf(excludeResourceRules);
  }

  /**
   * Reads the JSON form of a {@code MatchResources} whose defaults have been applied. Fields of the
   * wrong JSON type read as absent.
   */
  public static MatchResources fromJson(Map<?, ?> json) {
    return new MatchResources(
        json.get("namespaceSelector"),
        json.get("objectSelector"),
        rules(json.get("resourceRules")),
        rules(json.get("excludeResourceRules")),
        json.get("matchPolicy") instanceof String s ? s : null);
  }

  /** Returns whether matching falls back to equivalent resources. */
  public boolean equivalentMatching() {
    return "Equivalent".equals(matchPolicy);
  }

  private static List<NamedRuleWithOperations> rules(@Nullable Object json) {
    List<NamedRuleWithOperations> out = new ArrayList<>();
    if (json instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> m) {
          out.add(
              new NamedRuleWithOperations(
                  new RuleWithOperations(
                      strings(m.get("operations")),
                      strings(m.get("apiGroups")),
                      strings(m.get("apiVersions")),
                      strings(m.get("resources")),
                      m.get("scope") instanceof String s ? s : "*"),
                  strings(m.get("resourceNames"))));
        }
      }
    }
    return out;
  }

  static List<String> strings(@Nullable Object json) {
    List<String> out = new ArrayList<>();
    if (json instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof String s) {
          out.add(s);
        }
      }
    }
    return out;
  }
}
