package io.gatehouse.auth;

import io.gatehouse.api.authz.AuthorizationResult;
import io.gatehouse.api.authz.Authorizer;
import io.gatehouse.api.authz.Decision;
import io.gatehouse.api.authz.RequestAttributes;

/** Upstream's {@code AlwaysAllow}: allows everything, with no reason. Stateless singleton. */
public final class AlwaysAllowAuthorizer implements Authorizer {

  /** The singleton. */
  public static final AlwaysAllowAuthorizer INSTANCE = new AlwaysAllowAuthorizer();

  private AlwaysAllowAuthorizer() {}

  @Override
  public AuthorizationResult authorize(RequestAttributes attributes) {
    return AuthorizationResult.of(Decision.ALLOW, "");
  }
}
