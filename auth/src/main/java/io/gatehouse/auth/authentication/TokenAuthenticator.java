package io.gatehouse.auth.authentication;

/**
 * Identifies the user behind a bearer token, as upstream's {@code authenticator.Token}.
 * Thread-safe; never throws on an unknown token (returns {@link
 * AuthenticationResult.NotApplicable}).
 */
@FunctionalInterface
public interface TokenAuthenticator {

  /** Authenticates {@code token}, which is never empty. */
  AuthenticationResult authenticateToken(String token);
}
