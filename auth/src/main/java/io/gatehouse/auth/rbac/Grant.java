package io.gatehouse.auth.rbac;

/**
 * One way RBAC allows a request: a subject of a binding whose role has an allowing rule.
 *
 * @param subject the subject; a ServiceAccount's namespace is filled in from a RoleBinding
 * @param binding the binding
 * @param rule the first rule of the bound role that allows the request
 */
public record Grant(Subject subject, Binding binding, PolicyRule rule) {

  /** Upstream's description of the grant: {@code RoleBinding "rb/ns" of ClusterRole "r" to …}. */
  public String describe() {
    return binding.describe(subject);
  }
}
