package io.gatehouse.auth.rbac;

import io.gatehouse.api.GoQuote;
import io.gatehouse.api.authz.UserInfo;
import io.gatehouse.auth.Aggregate;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * RBAC's escalation prevention as upstream's {@code ConfirmNoEscalation}: a user may only grant
 * (in a role, or by binding a role) what the rules bound to them in the namespace — cluster-wide
 * bindings plus that namespace's — already allow. Stateless; thread-safe.
 */
public final class Escalation {

  /** {@code *} on everything: what setting an {@code aggregationRule} requires. */
  public static final List<PolicyRule> FULL_AUTHORITY = List.of(
      PolicyRule.resources(List.of("*"), List.of("*"), List.of("*")),
      new PolicyRule(List.of("*"), List.of(), List.of(), List.of(), List.of("*")));

  /** The message of a ClusterRole update or create that sets an aggregation rule without it. */
  public static final String AGGREGATION_RULE_DENIED =
      "must have cluster-admin privileges to use the aggregationRule";

  private Escalation() {}

  /**
   * Returns why {@code user} may not grant {@code rules} in {@code namespace}, or empty if every
   * rule is covered: {@code user "u" (groups=["g1" "g2"]) is attempting to grant RBAC permissions
   * not currently held:} then the missing rules (compacted, as {@link
   * PolicyRule#compactString()}, sorted, distinct) one per line, then {@code ; resolution errors:
   * [...]} when some of the user's roles could not be resolved.
   *
   * @param resolver the RBAC objects as stored now
   */
  public static Optional<String> confirmNoEscalation(RbacAuthorizer resolver, UserInfo user,
      String namespace, List<PolicyRule> rules) {
    RbacAuthorizer.RuleResolution owner = resolver.rulesFor(user, namespace);
    List<PolicyRule> missing = RuleCoverage.uncovered(owner.rules(), rules);
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    TreeSet<String> descriptions = new TreeSet<>(GoQuote::compare);
    RuleCoverage.compact(missing).forEach(r -> descriptions.add(r.compactString()));
    String message = "user " + GoQuote.quote(user.name()) + " (groups=" + GoQuote.quote(user.groups())
        + ") is attempting to grant RBAC permissions not currently held:\n"
        + String.join("\n", descriptions);
    if (!owner.errors().isEmpty()) {
      message += "; resolution errors: [" + Aggregate.message(owner.errors()) + "]";
    }
    return Optional.of(message);
  }
}
