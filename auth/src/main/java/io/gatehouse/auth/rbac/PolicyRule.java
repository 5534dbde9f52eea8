package io.gatehouse.auth.rbac;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One {@code rbac.authorization.k8s.io/v1} PolicyRule.
 *
 * @param verbs the verbs, {@code *} for all
 * @param apiGroups the API groups, {@code *} for all, {@code ""} for core
 * @param resources resources, {@code resource/subresource}, {@code *}, {@code *&#47;sub}
 * @param resourceNames the names, empty for any
 * @param nonResourceURLs non-resource paths, a trailing {@code *} for prefixes
 */
public record PolicyRule(
    List<String> verbs,
    List<String> apiGroups,
    List<String> resources,
    List<String> resourceNames,
    List<String> nonResourceURLs) {

  /** Copies the lists. */
  public PolicyRule {
    verbs = List.copyOf(verbs);
    apiGroups = List.copyOf(apiGroups);
    resources = List.copyOf(resources);
    resourceNames = List.copyOf(resourceNames);
    nonResourceURLs = List.copyOf(nonResourceURLs);
  }

  /** Reads a rule from its JSON form; absent or malformed lists are empty. */
  static PolicyRule fromJson(@Nullable Object json) {
    Map<?, ?> m = json instanceof Map<?, ?> map ? map : Map.of();
    return new PolicyRule(
        strings(m.get("verbs")),
        strings(m.get("apiGroups")),
        strings(m.get("resources")),
        strings(m.get("resourceNames")),
        strings(m.get("nonResourceURLs")));
  }

  /** Reads the {@code rules} list of a Role or ClusterRole. */
  static List<PolicyRule> listFromJson(@Nullable Object json) {
    if (!(json instanceof List<?> l)) {
      return List.of();
    }
    return l.stream().map(PolicyRule::fromJson).toList();
  }

  private static List<String> strings(@Nullable Object o) {
    if (!(o instanceof List<?> l)) {
      return List.of();
    }
    return l.stream().filter(String.class::isInstance).map(String.class::cast).toList();
  }
}
