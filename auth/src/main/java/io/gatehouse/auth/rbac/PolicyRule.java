package io.gatehouse.auth.rbac;

import io.gatehouse.api.GoQuote;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

  /** Returns a rule of resources: {@code verbs} on {@code resources} in {@code apiGroups}. */
  public static PolicyRule resources(List<String> verbs, List<String> apiGroups, List<String> resources) {
    return new PolicyRule(verbs, apiGroups, resources, List.of(), List.of());
  }

  /**
   * Upstream's {@code CompactString}, used in escalation messages: the non-empty lists in the
   * order APIGroups, Resources, NonResourceURLs, ResourceNames, Verbs, each as Go's {@code %q},
   * e.g. {@code {APIGroups:[""], Resources:["pods"], Verbs:["get" "list"]}}.
   */
  public String compactString() {
    List<String> parts = new ArrayList<>();
    part(parts, "APIGroups", apiGroups);
    part(parts, "Resources", resources);
    part(parts, "NonResourceURLs", nonResourceURLs);
    part(parts, "ResourceNames", resourceNames);
    part(parts, "Verbs", verbs);
    return "{" + String.join(", ", parts) + "}";
  }

  private static void part(List<String> parts, String name, List<String> values) {
    if (!values.isEmpty()) {
      parts.add(name + ":" + GoQuote.quote(values));
    }
  }

  /**
   * Returns the rule's JSON form as the API serves an {@code rbac/v1} PolicyRule: {@code verbs}
   * always, the other lists only when not empty, in the Go struct's field order.
   */
  public Map<String, Object> toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("verbs", verbs);
    putIfNotEmpty(out, "apiGroups", apiGroups);
    putIfNotEmpty(out, "resources", resources);
    putIfNotEmpty(out, "resourceNames", resourceNames);
    putIfNotEmpty(out, "nonResourceURLs", nonResourceURLs);
    return out;
  }

  private static void putIfNotEmpty(Map<String, Object> out, String key, List<String> values) {
    if (!values.isEmpty()) {
      out.put(key, values);
    }
  }

  /** Reads a rule from its JSON form; absent or malformed lists are empty. */
  public static PolicyRule fromJson(@Nullable Object json) {
    Map<?, ?> m = json instanceof Map<?, ?> map ? map : Map.of();
    return new PolicyRule(
        strings(m.get("verbs")),
        strings(m.get("apiGroups")),
        strings(m.get("resources")),
        strings(m.get("resourceNames")),
        strings(m.get("nonResourceURLs")));
  }

  /** Reads the {@code rules} list of a Role or ClusterRole. */
  public static List<PolicyRule> listFromJson(@Nullable Object json) {
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
