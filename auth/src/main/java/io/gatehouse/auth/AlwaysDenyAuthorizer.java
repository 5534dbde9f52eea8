package io.gatehouse.auth;

import io.gatehouse.api.authz.AuthorizationResult;
import io.gatehouse.api.authz.Authorizer;
import io.gatehouse.api.authz.Decision;
import io.gatehouse.api.authz.RequestAttributes;

/**
 * Upstream's {@code AlwaysDeny}: despite its name it answers <em>no opinion</em> with reason {@code
 * Everything is forbidden.}, so later authorizers may still allow. Stateless singleton.
 */
public final class AlwaysDenyAuthorizer implements Authorizer, RuleResolver {

  /** The singleton. */
  public static final AlwaysDenyAuthorizer INSTANCE = new AlwaysDenyAuthorizer();

  /** Upstream's reason. */
  public static final String REASON = "Everything is forbidden.";

  private AlwaysDenyAuthorizer() {}

  @Override
  public AuthorizationResult authorize(RequestAttributes attributes) {
    return AuthorizationResult.of(Decision.NO_OPINION, REASON);
  }

  /** Nothing, and complete. */
  @Override
  public UserRules userRules(io.gatehouse.api.authz.UserInfo user, String namespace) {
    return UserRules.NONE;
  }
}
