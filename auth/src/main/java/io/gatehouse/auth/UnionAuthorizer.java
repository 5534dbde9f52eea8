package io.gatehouse.auth;

import io.gatehouse.api.authz.AuthorizationResult;
import io.gatehouse.api.authz.Authorizer;
import io.gatehouse.api.authz.Decision;
import io.gatehouse.api.authz.RequestAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks authorizers in order; the first Allow or Deny wins, as upstream's {@code union.New}. When
 * every authorizer has no opinion, the reasons are joined with newlines and the errors aggregated.
 * Immutable; thread-safe if the delegates are.
 */
public final class UnionAuthorizer implements Authorizer {

  private final List<Authorizer> authorizers;

  private UnionAuthorizer(List<Authorizer> authorizers) {
    this.authorizers = List.copyOf(authorizers);
  }

  /** Returns the union of {@code authorizers}, in order. */
  public static Authorizer of(List<Authorizer> authorizers) {
    return authorizers.size() == 1 ? authorizers.get(0) : new UnionAuthorizer(authorizers);
  }

  @Override
  public AuthorizationResult authorize(RequestAttributes attributes) {
    List<String> reasons = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (Authorizer a : authorizers) {
      AuthorizationResult r = a.authorize(attributes);
      if (!r.error().isEmpty()) {
        errors.add(r.error());
      }
      if (!r.reason().isEmpty()) {
        reasons.add(r.reason());
      }
      if (r.decision() == Decision.ALLOW || r.decision() == Decision.DENY) {
        return new AuthorizationResult(r.decision(), r.reason(), r.error());
      }
    }
    return new AuthorizationResult(
        Decision.NO_OPINION, String.join("\n", reasons), Aggregate.message(errors));
  }
}
