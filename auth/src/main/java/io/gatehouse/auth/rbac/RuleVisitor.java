package io.gatehouse.auth.rbac;

import org.jspecify.annotations.Nullable;

/**
 * Receives each rule that applies to a user, or a resolution error, as upstream's {@code
 * VisitRulesFor} visitor. Returning false stops the visit.
 */
@FunctionalInterface
public interface RuleVisitor {

  /**
   * Visits one rule or one error.
   *
   * @param binding the binding granting the rule (null with an error)
   * @param subject the binding subject that matched (null with an error)
   * @param rule the rule (null with an error)
   * @param error the resolution error text (null with a rule)
   * @return whether to continue
   */
  boolean visit(
      @Nullable Binding binding,
      @Nullable Subject subject,
      @Nullable PolicyRule rule,
      @Nullable String error);
}
