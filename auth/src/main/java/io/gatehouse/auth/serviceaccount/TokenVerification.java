package io.gatehouse.auth.serviceaccount;

import io.gatehouse.api.authz.UserInfo;
import java.util.List;

/**
 * What {@link ServiceAccountTokenAuthenticator#verify} concluded about a token: not a token of
 * this authenticator (wrong shape or issuer), rejected with upstream's error, or accepted.
 */
public sealed interface TokenVerification {

  /** Not this authenticator's token; other authenticators may try. */
  record NotApplicable() implements TokenVerification {}

  /**
   * A token of this issuer that is invalid.
   *
   * @param error upstream's error text (never contains the token)
   */
  record Rejected(String error) implements TokenVerification {}

  /**
   * A valid token.
   *
   * @param user the service account user
   * @param audiences the requested audiences the token is valid for (upstream's {@code
   *     Response.Audiences})
   * @param warnings warnings for the response
   */
  record Accepted(UserInfo user, List<String> audiences, List<String> warnings)
      implements TokenVerification {
    /** Copies the lists. */
    public Accepted {
      audiences = List.copyOf(audiences);
      warnings = List.copyOf(warnings);
    }
  }
}
