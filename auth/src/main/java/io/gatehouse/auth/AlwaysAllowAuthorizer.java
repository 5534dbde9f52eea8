package io.gatehouse.auth;

import io.gatehouse.api.authz.AuthorizationResult;
import io.gatehouse.api.authz.Authorizer;
import io.gatehouse.api.authz.Decision;
import io.gatehouse.api.authz.RequestAttributes;
import java.util.List;

/** Upstream's {@code AlwaysAllow}: allows everything, with no reason. Stateless singleton. */
public final class AlwaysAllowAuthorizer implements Authorizer, RuleResolver {

  /** The singleton. */
  public static final AlwaysAllowAuthorizer INSTANCE = new AlwaysAllowAuthorizer();

  private AlwaysAllowAuthorizer() {}

  @Override
  public AuthorizationResult authorize(RequestAttributes attributes) {
    return AuthorizationResult.of(Decision.ALLOW, "");
  }

  /** Everything: {@code *} verbs on {@code *} resources of {@code *} groups, and {@code *} URLs. */
  @Override
  public UserRules userRules(io.gatehouse.api.authz.UserInfo user, String namespace) {
    return new UserRules(
        List.of(new UserRules.ResourceRule(List.of("*"), List.of("*"), List.of("*"), List.of())),
        List.of(new UserRules.NonResourceRule(List.of("*"), List.of("*"))), false, List.of());
  }
}
