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

  /**
   * Authenticates {@code token} for {@code audiences} (empty: no particular audience). The
   * default ignores the audiences, for authenticators that know none; wrap such authenticators in
   * {@link AudienceAgnosticTokenAuthenticator} to give them the API server's.
   */
  default AuthenticationResult authenticateToken(String token, java.util.List<String> audiences) {
    return authenticateToken(token);
  }
}
