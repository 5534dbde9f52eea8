package io.gatehouse.auth.serviceaccount;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.api.GoQuote;
import io.gatehouse.auth.Aggregate;
import io.gatehouse.auth.authentication.AuthenticationResult;
import io.gatehouse.auth.authentication.AuthenticationWarnings;
import io.gatehouse.auth.authentication.TokenAuthenticator;
import io.gatehouse.auth.authentication.UnionTokenAuthenticator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Authenticates service-account JWTs, as upstream's {@code JWTTokenAuthenticator} with its
 * validators: a token whose unverified {@code iss} is not one of the issuers is not applicable;
 * otherwise the signature must verify with a key of the token's {@code kid} (or any key without
 * one), the verified issuer must be accepted, the token's audiences (the API audiences for a token
 * without {@code aud}) must meet the requested ones, and the {@link TokenValidator} must accept
 * the claims. Accepted tokens are cached briefly, never past their expiry ({@link
 * VerificationCache}); warnings go to {@link AuthenticationWarnings}.
 *
 * <p>Thread-safe; never throws on a bad token; never logs tokens.
 */
public final class ServiceAccountTokenAuthenticator
    implements TokenAuthenticator, UnionTokenAuthenticator.AudienceAware {

  /** kube-apiserver's success cache TTL for token authentication. */
  public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(10);

  private static final int CACHE_ENTRIES = 4096;

  private final Set<String> issuers;
  private final VerificationKeys keys;
  private final List<String> implicitAudiences;
  private final TokenValidator validator;
  private final Clock clock;
  private final VerificationCache cache;

  private ServiceAccountTokenAuthenticator(Set<String> issuers, VerificationKeys keys,
      List<String> implicitAudiences, TokenValidator validator, Clock clock, Duration cacheTtl) {
    this.issuers = Set.copyOf(issuers);
    this.keys = keys;
    this.implicitAudiences = List.copyOf(implicitAudiences);
    this.validator = validator;
    this.clock = clock;
    this.cache = new VerificationCache(cacheTtl, CACHE_ENTRIES);
  }

  /**
   * Returns the authenticator of bound (TokenRequest) tokens.
   *
   * @param issuers the accepted issuers ({@code --service-account-issuer})
   * @param keys the verification keys ({@code --service-account-key-file})
   * @param apiAudiences the API server's audiences ({@code --api-audiences})
   * @param getter looks up the service account and bound objects
   * @param cacheTtl how long an accepted token is remembered (zero: not at all)
   */
  public static ServiceAccountTokenAuthenticator bound(List<String> issuers, VerificationKeys keys,
      List<String> apiAudiences, ServiceAccountTokenGetter getter, Clock clock, Duration cacheTtl) {
    return new ServiceAccountTokenAuthenticator(Set.copyOf(issuers), keys, apiAudiences,
        new BoundTokenValidator(getter), clock, cacheTtl);
  }

  /**
   * Returns the authenticator of legacy Secret tokens (issuer {@code kubernetes/serviceaccount}),
   * with lookup and legacy-token tracking.
   *
   * @param writer sets the last-used label on the token's Secret
   */
  public static ServiceAccountTokenAuthenticator legacy(VerificationKeys keys,
      List<String> apiAudiences, ServiceAccountTokenGetter getter, SecretsWriter writer,
      Clock clock, Duration cacheTtl) {
    return new ServiceAccountTokenAuthenticator(Set.of(ServiceAccountNames.LEGACY_ISSUER), keys,
        apiAudiences, new LegacyTokenValidator(getter, writer), clock, cacheTtl);
  }

  @Override
  public AuthenticationResult authenticateToken(String token) {
    return authenticateToken(token, List.of());
  }

  @Override
  public AuthenticationResult authenticateToken(String token, List<String> audiences) {
    return switch (verify(token, audiences)) {
      case TokenVerification.NotApplicable n -> AuthenticationResult.notApplicable();
      case TokenVerification.Rejected r -> new AuthenticationResult.Failed(r.error());
      case TokenVerification.Accepted a -> {
        a.warnings().forEach(AuthenticationWarnings::add);
        yield new AuthenticationResult.Authenticated(a.user(), a.audiences());
      }
    };
  }

  /**
   * Verifies {@code token} for {@code requestedAudiences} (empty: the API audiences).
   *
   * @return the verdict; never throws on a bad token or a failing lookup
   */
  public TokenVerification verify(String token, List<String> requestedAudiences) {
    List<String> requested = requestedAudiences.isEmpty() ? implicitAudiences : requestedAudiences;
    Instant now = clock.instant();
    String cacheKey = VerificationCache.key(token, requested);
    Optional<TokenVerification.Accepted> cached = cache.get(cacheKey, now);
    if (cached.isPresent()) {
      return cached.get();
    }
    Optional<JsonNode> payload = issuerPayload(token);
    if (payload.isEmpty()) {
      return new TokenVerification.NotApplicable();
    }
    Optional<Jws.Parsed> parsed = Jws.parse(token);
    if (parsed.isEmpty()) {
      return new TokenVerification.NotApplicable();
    }
    List<VerificationKey> candidates = keys.forKeyId(parsed.get().keyId());
    if (candidates.isEmpty()) {
      return new TokenVerification.Rejected("invalid signature, no keys found");
    }
    List<String> errors = new ArrayList<>();
    TokenClaims claims = null;
    for (VerificationKey key : candidates) {
      Optional<String> error = Jws.verify(parsed.get(), key);
      if (error.isPresent()) {
        errors.add(error.get());
        continue;
      }
      try {
        claims = ClaimsJson.read(payload.get(), validator.legacy());
        break;
      } catch (ClaimsJson.MalformedClaims e) {
        errors.add(e.getMessage());
      }
    }
    if (claims == null) {
      return new TokenVerification.Rejected(Aggregate.message(errors));
    }
    return check(token, claims, requested, now, cacheKey);
  }

  private TokenVerification check(String token, TokenClaims claims, List<String> requested,
      Instant now, String cacheKey) {
    if (!issuers.contains(claims.issuer())) {
      return new TokenVerification.Rejected(
          "token issuer " + GoQuote.quote(claims.issuer()) + " is invalid");
    }
    List<String> tokenAudiences = claims.audiences().isEmpty()
        ? implicitAudiences : claims.audiences();
    List<String> audiences = requested.stream().filter(tokenAudiences::contains).toList();
    if (audiences.isEmpty() && !implicitAudiences.isEmpty()) {
      return new TokenVerification.Rejected("token audiences " + goStrings(tokenAudiences)
          + " is invalid for the target audiences " + goStrings(requested));
    }
    Validation v;
    try {
      v = validator.validate(token, claims, now);
    } catch (RuntimeException e) {
      v = new Validation.Invalid(e.getMessage() == null ? e.getClass().getName() : e.getMessage());
    }
    return switch (v) {
      case Validation.Invalid invalid -> new TokenVerification.Rejected(invalid.error());
      case Validation.Valid valid -> {
        TokenVerification.Accepted accepted = new TokenVerification.Accepted(
            valid.info().userInfo(), audiences, valid.warnings());
        cache.put(cacheKey, accepted, now,
            Optional.ofNullable(claims.expiry()).map(Instant::ofEpochSecond));
        yield accepted;
      }
    };
  }

  /**
   * The unverified payload when {@code token} looks like a JWS of one of our issuers, as
   * upstream's {@code hasCorrectIssuer}: not JSON, three parts, a base64url payload (no padding)
   * whose {@code iss} is accepted.
   */
  private Optional<JsonNode> issuerPayload(String token) {
    if (token.stripLeading().startsWith("{")) {
      return Optional.empty();
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      JsonNode payload = ClaimsJson.tree(Base64.getUrlDecoder().decode(parts[1]));
      JsonNode iss = payload.path("iss");
      return iss.isTextual() && issuers.contains(iss.asText())
          ? Optional.of(payload) : Optional.empty();
    } catch (IllegalArgumentException | ClaimsJson.MalformedClaims e) {
      return Optional.empty();
    }
  }

  /** Go's {@code %q} of a string slice: {@code ["a" "b"]}. */
  private static String goStrings(List<String> values) {
    return values.stream().map(GoQuote::quote).collect(Collectors.joining(" ", "[", "]"));
  }
}
