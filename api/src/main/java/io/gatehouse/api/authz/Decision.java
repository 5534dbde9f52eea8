package io.gatehouse.api.authz;

/**
 * An authorizer's decision. {@link #DENY} comes first: code that forgets to decide fails closed.
 */
public enum Decision {
  /** The request is denied; no later authorizer is asked. */
  DENY,
  /** The request is allowed; no later authorizer is asked. */
  ALLOW,
  /** This authorizer has no opinion; the next one is asked. */
  NO_OPINION
}
