package io.gatehouse.api.authz;

/**
 * An authorizer's answer, as upstream's {@code (Decision, reason, error)} triple.
 *
 * @param decision the decision
 * @param reason a human-readable reason, possibly empty
 * @param error the evaluation error text, empty if none
 */
public record AuthorizationResult(Decision decision, String reason, String error) {

  /** Returns an error-free result. */
  public static AuthorizationResult of(Decision decision, String reason) {
    return new AuthorizationResult(decision, reason, "");
  }

  /** Returns whether the decision is {@link Decision#ALLOW}. */
  public boolean allowed() {
    return decision == Decision.ALLOW;
  }
}
