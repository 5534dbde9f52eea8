package io.gatehouse.auth.authentication;

import io.gatehouse.api.authz.UserInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds {@code system:authenticated} to every authenticated user, as upstream's {@code
 * AuthenticatedGroupAdder}: not to {@code system:anonymous}, and not when the user already has
 * {@code system:authenticated} or {@code system:unauthenticated}. Immutable; thread-safe if the
 * delegate is.
 */
public final class AuthenticatedGroupAdder implements Authenticator {

  /** Every authenticated user's group. */
  public static final String ALL_AUTHENTICATED = "system:authenticated";

  /** The anonymous user's group. */
  public static final String ALL_UNAUTHENTICATED = "system:unauthenticated";

  /** The anonymous user. */
  public static final String ANONYMOUS = "system:anonymous";

  private final Authenticator delegate;

  private AuthenticatedGroupAdder(Authenticator delegate) {
    this.delegate = delegate;
  }

  /** Wraps {@code delegate}. */
  public static AuthenticatedGroupAdder of(Authenticator delegate) {
    return new AuthenticatedGroupAdder(delegate);
  }

  @Override
  public AuthenticationResult authenticate(AuthenticationRequest request) {
    AuthenticationResult r = delegate.authenticate(request);
    if (!(r instanceof AuthenticationResult.Authenticated ok)) {
      return r;
    }
    UserInfo user = ok.user();
    if (user.name().equals(ANONYMOUS)
        || user.groups().contains(ALL_AUTHENTICATED)
        || user.groups().contains(ALL_UNAUTHENTICATED)) {
      return r;
    }
    List<String> groups = new ArrayList<>(user.groups());
    groups.add(ALL_AUTHENTICATED);
    return new AuthenticationResult.Authenticated(
        new UserInfo(user.name(), user.uid(), groups, user.extra()), ok.audiences());
  }
}
