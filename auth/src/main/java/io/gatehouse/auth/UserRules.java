package io.gatehouse.auth;

import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link RuleResolver} found, as upstream's {@code RulesFor} result {@code (resourceRules,
 * nonResourceRules, incomplete, err)}.
 *
 * <p>Immutable: the lists are copied.
 *
 * @param resourceRules the rules on resources
 * @param nonResourceRules the rules on non-resource URLs
 * @param incomplete whether some authorizer could not list everything it might allow
 * @param errors the errors met (flattened, as upstream's nested aggregates print); see {@link
 *     #evaluationError()}
 */
public record UserRules(
    List<ResourceRule> resourceRules,
    List<NonResourceRule> nonResourceRules,
    boolean incomplete,
    List<String> errors) {

  /** Nothing allowed, nothing missing. */
  public static final UserRules NONE = new UserRules(List.of(), List.of(), false, List.of());

  /** Copies the lists. */
  public UserRules {
    resourceRules = List.copyOf(resourceRules);
    nonResourceRules = List.copyOf(nonResourceRules);
    errors = List.copyOf(errors);
  }

  /**
   * A rule on resources ({@code authorization.k8s.io/v1} ResourceRule).
   *
   * @param verbs the verbs, {@code *} for all
   * @param apiGroups the API groups, {@code *} for all
   * @param resources the resources ({@code resource/subresource}, {@code *}, {@code *&#47;sub})
   * @param resourceNames the names, empty for any
   */
  public record ResourceRule(List<String> verbs, List<String> apiGroups, List<String> resources,
      List<String> resourceNames) {
    /** Copies the lists. */
    public ResourceRule {
      verbs = List.copyOf(verbs);
      apiGroups = List.copyOf(apiGroups);
      resources = List.copyOf(resources);
      resourceNames = List.copyOf(resourceNames);
    }
  }

  /**
   * A rule on non-resource URLs ({@code authorization.k8s.io/v1} NonResourceRule).
   *
   * @param verbs the lower-case HTTP verbs, {@code *} for all
   * @param nonResourceURLs the paths, a trailing {@code *} for prefixes
   */
  public record NonResourceRule(List<String> verbs, List<String> nonResourceURLs) {
    /** Copies the lists. */
    public NonResourceRule {
      verbs = List.copyOf(verbs);
      nonResourceURLs = List.copyOf(nonResourceURLs);
    }
  }

  /** An authorizer that cannot list its rules: no rules, incomplete, with {@code error}. */
  public static UserRules unsupported(String error) {
    return new UserRules(List.of(), List.of(), true, List.of(error));
  }

  /**
   * Upstream's {@code union.NewRuleResolvers}: every resolver's rules in order, incomplete if any
   * is, every error.
   */
  public static UserRules union(List<UserRules> parts) {
    List<ResourceRule> resources = new ArrayList<>();
    List<NonResourceRule> nonResources = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    boolean incomplete = false;
    for (UserRules p : parts) {
      resources.addAll(p.resourceRules());
      nonResources.addAll(p.nonResourceRules());
      errors.addAll(p.errors());
      incomplete |= p.incomplete();
    }
    return new UserRules(resources, nonResources, incomplete, errors);
  }

  /** The errors as upstream's aggregate prints them: empty, the one error, or {@code [a, b]}. */
  public String evaluationError() {
    return Aggregate.message(errors);
  }
}
