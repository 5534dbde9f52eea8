package io.gatehouse.auth.authentication;

import io.gatehouse.api.authz.UserInfo;
import java.util.List;

/**
 * What an {@link Authenticator} concluded, as upstream's {@code (response, ok, err)} triple: the
 * user ({@code ok}), not applicable ({@code !ok}, no error), or failed ({@code err}).
 */
public sealed interface AuthenticationResult {

  /**
   * The credentials identify {@code user}.
   *
   * @param user who the credentials identify
   * @param audiences the audiences the credentials are valid for, as upstream's {@code
   *     Response.Audiences}; empty when the authenticator does not know (audience-agnostic)
   */
  record Authenticated(UserInfo user, List<String> audiences) implements AuthenticationResult {
    /** Copies the audiences. */
    public Authenticated {
      audiences = List.copyOf(audiences);
    }

    /** An answer without audiences. */
    public Authenticated(UserInfo user) {
      this(user, List.of());
    }
  }

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
