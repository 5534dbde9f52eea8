package io.gatehouse.api.authz;

/**
 * Decides whether a request is allowed, as upstream's {@code authorizer.Authorizer}.
 *
 * <p>Implementations are thread-safe and never throw for a request they cannot decide: they return
 * {@link Decision#NO_OPINION}, or a result carrying the error text.
 */
@FunctionalInterface
public interface Authorizer {

  /** Decides on {@code attributes}. */
  AuthorizationResult authorize(RequestAttributes attributes);
}
