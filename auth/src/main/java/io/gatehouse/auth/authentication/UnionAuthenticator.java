package io.gatehouse.auth.authentication;

import io.gatehouse.auth.Aggregate;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks authenticators in order, as upstream's {@code union.New} and {@code union.NewFailOnError}:
 * the first that authenticates wins. Failures are collected and returned together when nobody
 * authenticated (so an invalid token fails the request even if a later authenticator had nothing
 * to say); with {@code failOnError} the first failure ends the search. Immutable; thread-safe if
 * the delegates are.
 */
public final class UnionAuthenticator implements Authenticator {

  private final List<Authenticator> authenticators;
  private final boolean failOnError;

  private UnionAuthenticator(List<Authenticator> authenticators, boolean failOnError) {
    this.authenticators = List.copyOf(authenticators);
    this.failOnError = failOnError;
  }

  /** Returns the union of {@code authenticators}; a single one is returned unchanged. */
  public static Authenticator of(List<Authenticator> authenticators) {
    return authenticators.size() == 1
        ? authenticators.get(0)
        : new UnionAuthenticator(authenticators, false);
  }

  /** Returns the union that stops at the first failure. */
  public static Authenticator failOnError(List<Authenticator> authenticators) {
    return new UnionAuthenticator(authenticators, true);
  }

  @Override
  public AuthenticationResult authenticate(AuthenticationRequest request) {
    List<String> errors = new ArrayList<>();
    for (Authenticator a : authenticators) {
      AuthenticationResult r = a.authenticate(request);
      switch (r) {
        case AuthenticationResult.Authenticated ok -> {
          return ok;
        }
        case AuthenticationResult.Failed failed -> {
          if (failOnError) {
            return failed;
          }
          errors.add(failed.error());
        }
        case AuthenticationResult.NotApplicable n -> {}
      }
    }
    return errors.isEmpty()
        ? AuthenticationResult.notApplicable()
        : new AuthenticationResult.Failed(Aggregate.message(errors));
  }
}
