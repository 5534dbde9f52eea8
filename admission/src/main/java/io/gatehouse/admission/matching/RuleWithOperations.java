package io.gatehouse.admission.matching;

import io.gatehouse.admission.Operation;
import io.gatehouse.api.GroupVersionResource;
import java.util.List;

/**
 * One {@code RuleWithOperations} of an admission policy or webhook, as upstream's
 * {@code predicates/rules} matcher evaluates it.
 *
 * <p>Immutable.
 *
 * @param operations {@code CREATE}, {@code UPDATE}, {@code DELETE}, {@code CONNECT} or {@code *}
 * @param apiGroups groups, {@code ""} for core, or {@code *}
 * @param apiVersions versions or {@code *}
 * @param resources {@code pods}, {@code pods/log}, {@code pods/*}, {@code *}, {@code *}{@code /scale}, …
 * @param scope {@code *} (the default), {@code Cluster} or {@code Namespaced}
 */
public record RuleWithOperations(
    List<String> operations,
    List<String> apiGroups,
    List<String> apiVersions,
    List<String> resources,
    String scope) {

  private static final GroupVersionResource NAMESPACES =
      new GroupVersionResource("", "v1", "namespaces");

  /** Copies the lists. */
  public RuleWithOperations {
    operations = List.copyOf(operations);
    apiGroups = List.copyOf(apiGroups);
    apiVersions = List.copyOf(apiVersions);
    resources = List.copyOf(resources);
  }

  /**
   * Returns whether a request matches: scope, operation, group, version and resource/subresource
   * all match.
   *
   * @param namespace the request's namespace, empty for cluster-scoped resources
   */
  public boolean matches(
      Operation operation, GroupVersionResource resource, String subresource, String namespace) {
    return scopeMatches(resource, namespace)
        && (operations.contains("*") || operations.contains(operation.name()))
        && exactOrWildcard(apiGroups, resource.group())
        && exactOrWildcard(apiVersions, resource.version())
        && resourceMatches(resource.resource(), subresource);
  }

  private boolean scopeMatches(GroupVersionResource resource, String namespace) {
    return switch (scope) {
      case "*" -> true;
      // Namespace objects are cluster-scoped even though their requests carry a namespace.
      case "Namespaced" -> !resource.equals(NAMESPACES) && !namespace.isEmpty();
      case "Cluster" -> resource.equals(NAMESPACES) || namespace.isEmpty();
      default -> false;
    };
  }

  private static boolean exactOrWildcard(List<String> items, String requested) {
    return items.contains("*") || items.contains(requested);
  }

  private boolean resourceMatches(String resource, String subresource) {
    for (String entry : resources) {
      int slash = entry.indexOf('/');
      String res = slash < 0 ? entry : entry.substring(0, slash);
      String sub = slash < 0 ? "" : entry.substring(slash + 1);
      if ((res.equals("*") || res.equals(resource)) && (sub.equals("*") || sub.equals(subresource))) {
        return true;
      }
    }
    return false;
  }
}
