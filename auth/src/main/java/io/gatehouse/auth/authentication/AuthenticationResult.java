package io.gatehouse.auth.authentication;

import io.gatehouse.api.authz.UserInfo;

/**
 * What an {@link Authenticator} concluded, as upstream's {@code (response, ok, err)} triple: the
 * user ({@code ok}), not applicable ({@code !ok}, no error), or failed ({@code err}).
 */
public sealed interface AuthenticationResult {

  /** The credentials identify {@code user}. */
  record Authenticated(UserInfo user) implements AuthenticationResult {}

  /** The request carries no credentials this authenticator understands. */
  record NotApplicable() implements AuthenticationResult {}

  /**
   * The credentials are this authenticator's kind but invalid.
   *
   * @param error upstream's error text (for logs; never shown to the client, never a secret)
   */
  record Failed(String error) implements AuthenticationResult {}

  /** Returns a not-applicable result. */
  static AuthenticationResult notApplicable() {
    return new NotApplicable();
  }
}
