package io.gatehouse.auth;

import io.gatehouse.api.authz.UserInfo;

/**
 * Lists what a user may do in a namespace, as upstream's {@code authorizer.RuleResolver} ({@code RulesFor}) (behind
 * SelfSubjectRulesReview and {@code kubectl auth can-i --list}). Authorizers that cannot enumerate
 * their decisions say so with {@link UserRules#incomplete()} and an error.
 *
 * <p>Implementations are thread-safe.
 */
@FunctionalInterface
public interface RuleResolver {

  /**
   * Returns the rules that apply to {@code user} in {@code namespace} (cluster-wide rules
   * included). Never throws for an unknown user: the rules are then empty.
   */
  UserRules userRules(UserInfo user, String namespace);
}
