package io.gatehouse.auth.authentication;

import java.util.List;

/**
 * Gives a token authenticator that knows no audiences (the token file) the API server's
 * audiences, as upstream's {@code authenticator.WrapAudienceAgnosticToken}: a request asking for
 * no audience ({@link #authenticateToken(String)}) is passed through unchanged; otherwise only the audiences both asked for and the API
 * server's are acceptable — none means the token is not this authenticator's (not applicable),
 * some means an authenticated answer carries exactly those. Immutable; thread-safe if the delegate
 * is.
 */
public final class AudienceAgnosticTokenAuthenticator
    implements TokenAuthenticator, UnionTokenAuthenticator.AudienceAware {

  private final List<String> implicit;
  private final TokenAuthenticator delegate;

  private AudienceAgnosticTokenAuthenticator(List<String> implicit, TokenAuthenticator delegate) {
    this.implicit = List.copyOf(implicit);
    this.delegate = delegate;
  }

  /**
   * Wraps {@code delegate}.
   *
   * @param apiAudiences the API server's audiences ({@code --api-audiences}), possibly empty
   */
  public static AudienceAgnosticTokenAuthenticator of(List<String> apiAudiences,
      TokenAuthenticator delegate) {
    return new AudienceAgnosticTokenAuthenticator(apiAudiences, delegate);
  }

  @Override
  public AuthenticationResult authenticateToken(String token) {
    return delegate.authenticateToken(token);
  }

  @Override
  public AuthenticationResult authenticateToken(String token, List<String> audiences) {
    if (audiences.isEmpty()) {
      return delegate.authenticateToken(token);
    }
    List<String> both = intersect(implicit, audiences);
    if (both.isEmpty()) {
      return AuthenticationResult.notApplicable();
    }
    return switch (delegate.authenticateToken(token)) {
      case AuthenticationResult.Authenticated ok ->
          new AuthenticationResult.Authenticated(ok.user(), both);
      case AuthenticationResult.Failed failed -> failed;
      case AuthenticationResult.NotApplicable n -> n;
    };
  }

  /**
   * Upstream's {@code a.Intersect(tas)}: the elements of {@code tas} that {@code a} has, in the
   * order of {@code tas}.
   */
  public static List<String> intersect(List<String> a, List<String> tas) {
    return tas.stream().filter(a::contains).toList();
  }
}
