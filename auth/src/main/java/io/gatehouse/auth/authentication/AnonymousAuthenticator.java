package io.gatehouse.auth.authentication;

import io.gatehouse.api.authz.UserInfo;
import java.util.List;
import java.util.Map;

/**
 * Authenticates every request as {@code system:anonymous} in group {@code
 * system:unauthenticated}, as upstream's {@code anonymous.NewAuthenticator}. Stateless.
 */
public final class AnonymousAuthenticator implements Authenticator {

  private static final UserInfo ANONYMOUS =
      new UserInfo(
          AuthenticatedGroupAdder.ANONYMOUS,
          "",
          List.of(AuthenticatedGroupAdder.ALL_UNAUTHENTICATED),
          Map.of());

  /** The one instance. */
  public static final AnonymousAuthenticator INSTANCE = new AnonymousAuthenticator();

  private AnonymousAuthenticator() {}

  @Override
  public AuthenticationResult authenticate(AuthenticationRequest request) {
    return new AuthenticationResult.Authenticated(ANONYMOUS);
  }
}
