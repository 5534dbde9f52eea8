package io.gatehouse.auth.rbac;

import io.gatehouse.api.GoQuote;
import io.gatehouse.api.Unstructured;
import io.gatehouse.api.authz.AuthorizationResult;
import io.gatehouse.api.authz.Authorizer;
import io.gatehouse.api.authz.Decision;
import io.gatehouse.api.authz.RequestAttributes;
import io.gatehouse.api.authz.UserInfo;
import io.gatehouse.auth.Aggregate;
import io.gatehouse.auth.RuleResolver;
import io.gatehouse.auth.UserRules;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Upstream's RBAC authorizer over a fixed set of RBAC objects: ClusterRoleBindings are visited
 * first, then the RoleBindings of the request's namespace; the first rule that allows wins with
 * {@code RBAC: allowed by …}; otherwise no opinion, with resolution errors (missing roles) as the
 * reason. ClusterRole aggregation rules are resolved as the aggregation controller would.
 *
 * <p>Immutable and thread-safe. Bindings are visited in name order (upstream's listers have no
 * defined order); only those with a subject that can match the user are visited, found through a
 * {@link BindingIndex} rather than by scanning every binding (the result is the same).
 */
public final class RbacAuthorizer implements Authorizer, RuleResolver {

  private static final String GROUP = "rbac.authorization.k8s.io";

  private final Map<String, List<PolicyRule>> clusterRoles;
  private final Map<String, List<PolicyRule>> roles;
  private final List<Binding> clusterRoleBindings;
  private final Map<String, List<Binding>> roleBindings;
  private final BindingIndex clusterIndex;
  private final Map<String, BindingIndex> namespaceIndex;

  private RbacAuthorizer(
      Map<String, List<PolicyRule>> clusterRoles,
      Map<String, List<PolicyRule>> roles,
      List<Binding> clusterRoleBindings,
      Map<String, List<Binding>> roleBindings) {
    this.clusterRoles = clusterRoles;
    this.roles = roles;
    this.clusterRoleBindings = clusterRoleBindings;
    this.roleBindings = roleBindings;
    this.clusterIndex = BindingIndex.of(clusterRoleBindings);
    this.namespaceIndex = new java.util.HashMap<>();
    roleBindings.forEach((ns, list) -> namespaceIndex.put(ns, BindingIndex.of(list)));
  }

  /**
   * Builds an authorizer from every {@code rbac.authorization.k8s.io} Role, ClusterRole,
   * RoleBinding and ClusterRoleBinding among {@code objects}; other objects are ignored.
   */
  public static RbacAuthorizer fromObjects(Collection<Unstructured> objects) {
    List<Unstructured> clusterRoleObjects = new ArrayList<>();
    Map<String, List<PolicyRule>> roles = new TreeMap<>();
    List<Binding> crbs = new ArrayList<>();
    Map<String, List<Binding>> rbs = new TreeMap<>();
    for (Unstructured o : objects) {
      if (!o.groupVersionKind().group().equals(GROUP)) {
        continue;
      }
      switch (o.kind()) {
        case "ClusterRole" -> clusterRoleObjects.add(o);
        case "Role" -> roles.put(key(o.namespace(), o.name()), PolicyRule.listFromJson(o.object().get("rules")));
        case "ClusterRoleBinding" -> crbs.add(Binding.fromObject(o));
        case "RoleBinding" ->
            rbs.computeIfAbsent(o.namespace(), k -> new ArrayList<>()).add(Binding.fromObject(o));
        default -> {}
      }
    }
    crbs.sort(Comparator.comparing(Binding::name));
    rbs.values().forEach(l -> l.sort(Comparator.comparing(Binding::name)));
    return new RbacAuthorizer(
        ClusterRoleAggregation.resolve(clusterRoleObjects), roles, List.copyOf(crbs), rbs);
  }

  @Override
  public AuthorizationResult authorize(RequestAttributes attributes) {
    String[] allowedBy = {null};
    List<String> errors = new ArrayList<>();
    visitRulesFor(
        attributes.user(),
        attributes.namespace(),
        (binding, subject, rule, error) -> {
          if (rule != null && RuleMatcher.allows(attributes, rule)) {
            allowedBy[0] = "RBAC: allowed by " + binding.describe(subject);
            return false;
          }
          if (error != null) {
            errors.add(error);
          }
          return true;
        });
    if (allowedBy[0] != null) {
      return AuthorizationResult.of(Decision.ALLOW, allowedBy[0]);
    }
    return AuthorizationResult.of(
        Decision.NO_OPINION, errors.isEmpty() ? "" : "RBAC: " + Aggregate.message(errors));
  }

  /** Visits every rule that applies to {@code user} in {@code namespace}, as upstream does. */
  public void visitRulesFor(UserInfo user, String namespace, RuleVisitor visitor) {
    visitRulesFor(user, namespace, visitor, false);
  }

  /**
   * The rules that apply to {@code user} in {@code namespace} and the resolution errors (missing
   * roles), as upstream's registry-backed {@code RulesFor} used by escalation checks: errors are
   * worded as the registry's NotFound ({@code clusterroles.rbac.authorization.k8s.io "x" not
   * found}), where the authorizer's informer-backed visit says {@code clusterrole…}.
   *
   * @param rules every rule of every role bound to the user, in visit order
   * @param errors the resolution errors, in visit order
   */
  public record RuleResolution(List<PolicyRule> rules, List<String> errors) {
    /** Copies the lists. */
    public RuleResolution {
      rules = List.copyOf(rules);
      errors = List.copyOf(errors);
    }
  }

  /** Returns the rules that apply to {@code user} in {@code namespace} (see {@link RuleResolution}). */
  public RuleResolution rulesFor(UserInfo user, String namespace) {
    List<PolicyRule> rules = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    visitRulesFor(user, namespace, (binding, subject, rule, error) -> {
      if (rule != null) {
        rules.add(rule);
      }
      if (error != null) {
        errors.add(error);
      }
      return true;
    }, true);
    return new RuleResolution(rules, errors);
  }

  /**
   * Upstream's {@code RBACAuthorizer.RulesFor}: every rule bound to {@code user} in {@code
   * namespace} (cluster-wide first), a rule with resources listed as a resource rule and one with
   * non-resource URLs as a non-resource rule; never incomplete; missing roles are errors worded as
   * the authorizer's informers word them ({@code clusterrole.rbac.authorization.k8s.io "x" not
   * found}).
   */
  @Override
  public UserRules userRules(UserInfo user, String namespace) {
    List<UserRules.ResourceRule> resources = new ArrayList<>();
    List<UserRules.NonResourceRule> nonResources = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    visitRulesFor(user, namespace, (binding, subject, rule, error) -> {
      if (error != null) {
        errors.add(error);
      }
      if (rule != null && !rule.resources().isEmpty()) {
        resources.add(new UserRules.ResourceRule(rule.verbs(), rule.apiGroups(), rule.resources(),
            rule.resourceNames()));
      }
      if (rule != null && !rule.nonResourceURLs().isEmpty()) {
        nonResources.add(new UserRules.NonResourceRule(rule.verbs(), rule.nonResourceURLs()));
      }
      return true;
    }, false);
    return new UserRules(resources, nonResources, false, errors);
  }

  private void visitRulesFor(UserInfo user, String namespace, RuleVisitor visitor,
      boolean registryErrors) {
    if (!visitBindings(clusterIndex.candidates(user), user, "", visitor, registryErrors)) {
      return;
    }
    if (!namespace.isEmpty()) {
      BindingIndex inNamespace = namespaceIndex.get(namespace);
      visitBindings(inNamespace == null ? List.of() : inNamespace.candidates(user), user,
          namespace, visitor, registryErrors);
    }
  }

  private boolean visitBindings(List<Binding> bindings, UserInfo user, String namespace,
      RuleVisitor visitor, boolean registryErrors) {
    for (Binding b : bindings) {
      Optional<Subject> subject =
          b.subjects().stream().filter(s -> s.appliesTo(user, namespace)).findFirst();
      if (subject.isEmpty()) {
        continue;
      }
      Optional<List<PolicyRule>> rules = roleRules(b.roleKind(), b.roleName(), namespace);
      if (rules.isEmpty()) {
        String error = registryErrors
            ? roleReferenceError(b.roleKind(), b.roleName())
            : missingRole(b.roleKind(), b.roleName());
        if (!visitor.visit(null, null, null, error)) {
          return false;
        }
        continue;
      }
      for (PolicyRule r : rules.get()) {
        if (!visitor.visit(b, subject.get(), r, null)) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Upstream's registry-backed {@code GetRoleReferenceRules} error for a role that cannot be
   * resolved: the registry's NotFound text for a Role or ClusterRole, else the unsupported kind.
   */
  public static String roleReferenceError(String kind, String name) {
    return switch (kind) {
      case "ClusterRole" -> "clusterroles.rbac.authorization.k8s.io " + GoQuote.quote(name)
          + " not found";
      case "Role" -> "roles.rbac.authorization.k8s.io " + GoQuote.quote(name) + " not found";
      default -> "unsupported role reference kind: " + GoQuote.quote(kind);
    };
  }

  /**
   * Returns every subject RBAC allows {@code attributes} for (its user is ignored), as upstream's
   * rule resolution would find them: ClusterRoleBindings first, then the RoleBindings of the
   * request's namespace, each in name order, subjects in binding order. ServiceAccount subjects
   * without a namespace take the RoleBinding's; in a ClusterRoleBinding they match no one and are
   * left out.
   */
  public List<Grant> grants(RequestAttributes attributes) {
    List<Grant> grants = new ArrayList<>();
    collectGrants(clusterRoleBindings, attributes, grants);
    if (!attributes.namespace().isEmpty()) {
      collectGrants(roleBindings.getOrDefault(attributes.namespace(), List.of()), attributes, grants);
    }
    return grants;
  }

  private void collectGrants(List<Binding> bindings, RequestAttributes a, List<Grant> out) {
    for (Binding b : bindings) {
      Optional<PolicyRule> allowing = roleRules(b.roleKind(), b.roleName(), b.namespace())
          .flatMap(rules -> rules.stream().filter(r -> RuleMatcher.allows(a, r)).findFirst());
      if (allowing.isEmpty()) {
        continue;
      }
      for (Subject s : b.subjects()) {
        if (s.kind().equals("ServiceAccount")) {
          String ns = s.namespace().isEmpty() ? b.namespace() : s.namespace();
          if (ns.isEmpty()) {
            continue;
          }
          s = new Subject(s.kind(), s.name(), ns);
        } else if (!s.kind().equals("User") && !s.kind().equals("Group")) {
          continue;
        }
        out.add(new Grant(s, b, allowing.get()));
      }
    }
  }

  /** Returns every ClusterRoleBinding, in name order. */
  public List<Binding> clusterRoleBindings() {
    return clusterRoleBindings;
  }

  /** Returns every RoleBinding, by namespace, each list in name order. */
  public Map<String, List<Binding>> roleBindings() {
    return roleBindings;
  }

  /**
   * Returns the rules of the role a binding in {@code bindingNamespace} references, or empty if
   * it does not exist (aggregated ClusterRoles carry their aggregated rules).
   */
  public Optional<List<PolicyRule>> roleRules(
      String roleKind, String roleName, String bindingNamespace) {
    return switch (roleKind) {
      case "ClusterRole" -> Optional.ofNullable(clusterRoles.get(roleName));
      case "Role" -> Optional.ofNullable(roles.get(key(bindingNamespace, roleName)));
      default -> Optional.empty();
    };
  }

  private static String missingRole(String kind, String name) {
    return switch (kind) {
      case "ClusterRole" -> "clusterrole.rbac.authorization.k8s.io \"" + name + "\" not found";
      case "Role" -> "role.rbac.authorization.k8s.io \"" + name + "\" not found";
      default -> "unsupported role reference kind: \"" + kind + "\"";
    };
  }

  private static String key(String namespace, String name) {
    return namespace + "/" + name;
  }
}
