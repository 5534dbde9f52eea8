package io.gatehouse.auth.authentication;

import io.gatehouse.auth.Aggregate;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks token authenticators in order, as upstream's {@code token/union}: the first that
 * authenticates wins; failures are collected and returned together when nobody authenticated; a
 * token nobody recognises is not applicable. Immutable; thread-safe if the delegates are.
 */
public final class UnionTokenAuthenticator implements TokenAuthenticator {

  private final List<TokenAuthenticator> authenticators;

  private UnionTokenAuthenticator(List<TokenAuthenticator> authenticators) {
    this.authenticators = List.copyOf(authenticators);
  }

  /** Returns the union of {@code authenticators}; a single one is returned unchanged. */
  public static TokenAuthenticator of(List<TokenAuthenticator> authenticators) {
    return authenticators.size() == 1
        ? authenticators.get(0)
        : new UnionTokenAuthenticator(authenticators);
  }

  @Override
  public AuthenticationResult authenticateToken(String token) {
    return authenticateToken(token, List.of());
  }

  /**
   * Authenticates {@code token} for {@code audiences} (empty: the API server's), passing the
   * audiences to each delegate's own {@code authenticateToken(String, List)} when it has one.
   */
  public AuthenticationResult authenticateToken(String token, List<String> audiences) {
    List<String> errors = new ArrayList<>();
    for (TokenAuthenticator a : authenticators) {
      AuthenticationResult r = audiences.isEmpty() || !(a instanceof AudienceAware aware)
          ? a.authenticateToken(token)
          : aware.authenticateToken(token, audiences);
      switch (r) {
        case AuthenticationResult.Authenticated ok -> {
          return ok;
        }
        case AuthenticationResult.Failed failed -> errors.add(failed.error());
        case AuthenticationResult.NotApplicable n -> {}
      }
    }
    return errors.isEmpty()
        ? AuthenticationResult.notApplicable()
        : new AuthenticationResult.Failed(Aggregate.message(errors));
  }

  /** A token authenticator that checks the audiences a request asks for. */
  public interface AudienceAware {
    /** Authenticates {@code token} for {@code audiences} (empty: the API server's). */
    AuthenticationResult authenticateToken(String token, List<String> audiences);
  }
}
