package io.gatehouse.auth.authentication;

import java.util.List;

/**
 * Reads {@code Authorization: Bearer <token>} and asks a {@link TokenAuthenticator}, as upstream's
 * {@code bearertoken.Authenticator}: a missing or non-bearer header is not applicable; a bearer
 * token nobody recognises fails with {@code invalid bearer token}. Immutable; thread-safe.
 */
public final class BearerTokenAuthenticator implements Authenticator {

  /** Upstream's error for a token no token authenticator accepted. */
  public static final String INVALID_TOKEN = "invalid bearer token";

  private final TokenAuthenticator tokens;

  private BearerTokenAuthenticator(TokenAuthenticator tokens) {
    this.tokens = tokens;
  }

  /** Returns an authenticator asking {@code tokens}. */
  public static BearerTokenAuthenticator of(TokenAuthenticator tokens) {
    return new BearerTokenAuthenticator(tokens);
  }

  @Override
  public AuthenticationResult authenticate(AuthenticationRequest request) {
    String auth = request.authorizationHeader().strip();
    if (auth.isEmpty()) {
      return AuthenticationResult.notApplicable();
    }
    // Go's strings.Split on single spaces: "Bearer  x" yields an empty second part.
    String[] parts = auth.split(" ", -1);
    if (parts.length < 2 || !parts[0].equalsIgnoreCase("bearer") || parts[1].isEmpty()) {
      return AuthenticationResult.notApplicable();
    }
    List<String> audiences = request.audiences();
    AuthenticationResult result;
    if (audiences.isEmpty()) {
      result = tokens.authenticateToken(parts[1]);
    } else if (tokens instanceof UnionTokenAuthenticator union) {
      result = union.authenticateToken(parts[1], audiences);
    } else if (tokens instanceof UnionTokenAuthenticator.AudienceAware aware) {
      result = aware.authenticateToken(parts[1], audiences);
    } else {
      result = tokens.authenticateToken(parts[1]);
    }
    return result instanceof AuthenticationResult.NotApplicable
        ? new AuthenticationResult.Failed(INVALID_TOKEN)
        : result;
  }
}
