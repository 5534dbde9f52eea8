package io.gatehouse.server;

import io.gatehouse.api.authz.AuthorizationResult;
import io.gatehouse.api.authz.Authorizer;
import io.gatehouse.api.authz.RequestAttributes;
import io.gatehouse.api.authz.UserInfo;
import io.gatehouse.auth.RuleResolver;
import io.gatehouse.auth.UserRules;
import java.util.function.Supplier;

/**
 * An authorizer with its rule resolver whose source can be replaced while requests are served:
 * RBAC answers from the bootstrap policy until the store-backed snapshot takes over, Node from an
 * empty graph until the stored pods are read. Each call asks the source for the current value.
 * Thread-safe.
 *
 * @param <T> the authorizer type
 */
final class SwappableAuthorizer<T extends Authorizer & RuleResolver>
    implements Authorizer, RuleResolver {

  private volatile Supplier<? extends T> source;

  SwappableAuthorizer(Supplier<? extends T> initial) {
    this.source = initial;
  }

  /** Replaces the source. */
  void set(Supplier<? extends T> replacement) {
    source = replacement;
  }

  @Override
  public AuthorizationResult authorize(RequestAttributes attributes) {
    return source.get().authorize(attributes);
  }

  @Override
  public UserRules userRules(UserInfo user, String namespace) {
    return source.get().userRules(user, namespace);
  }
}
