package io.gatehouse.auth.serviceaccount;

import java.time.Instant;

/**
 * Checks a token whose signature and issuer are verified, as upstream's {@code Validator}: bound
 * tokens ({@link BoundTokenValidator}) or legacy Secret tokens ({@link LegacyTokenValidator}).
 * Implementations are thread-safe and never throw.
 */
sealed interface TokenValidator permits BoundTokenValidator, LegacyTokenValidator {

  /** Validates {@code claims} of {@code token} at {@code now}. */
  Validation validate(String token, TokenClaims claims, Instant now);

  /** Whether the legacy private claims must be read from the payload. */
  boolean legacy();
}
