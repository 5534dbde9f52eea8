package io.gatehouse.auth.authentication;

/**
 * Identifies the user behind a request, as upstream's {@code authenticator.Request}.
 *
 * <p>Implementations are thread-safe and never throw on bad credentials: they return {@link
 * AuthenticationResult.Failed}.
 */
@FunctionalInterface
public interface Authenticator {

  /** Authenticates {@code request}. */
  AuthenticationResult authenticate(AuthenticationRequest request);
}
