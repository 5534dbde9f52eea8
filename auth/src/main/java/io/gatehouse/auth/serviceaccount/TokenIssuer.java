package io.gatehouse.auth.serviceaccount;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The TokenRequest rules of upstream's {@code serviceaccount/storage/token.go} once the request is
 * decoded and its bound object resolved: the lifetime limits, the {@code
 * --service-account-max-token-expiration} clamp (with its warning), the extension of admission-
 * injected pod tokens (3607 s become a year, {@code warnafter} at 3607 s), a fresh JWT id, the
 * claims and the signature. Immutable; thread-safe.
 */
public final class TokenIssuer {

  /** The default {@code spec.expirationSeconds}. */
  public static final long DEFAULT_EXPIRATION_SECONDS = 3600;

  /** The shortest lifetime a TokenRequest may ask for (upstream's {@code MinTokenAgeSec}). */
  public static final long MIN_EXPIRATION_SECONDS = 600;

  /** The longest lifetime a TokenRequest may ask for. */
  public static final long MAX_EXPIRATION_SECONDS = 1L << 32;

  /** The lifetime the ServiceAccount admission plugin asks for, which triggers the extension. */
  public static final long WARN_ONLY_BOUND_TOKEN_EXPIRATION_SECONDS = 60 * 60 + 7;

  /** The extended lifetime: a year. */
  public static final long EXPIRATION_EXTENSION_SECONDS = 24L * 365 * 60 * 60;

  private final TokenGenerator generator;
  private final List<String> apiAudiences;
  private final long maxExpirationSeconds;
  private final boolean extendExpiration;
  private final Clock clock;
  private final Supplier<String> ids;

  private TokenIssuer(TokenGenerator generator, List<String> apiAudiences,
      long maxExpirationSeconds, boolean extendExpiration, Clock clock, Supplier<String> ids) {
    this.generator = generator;
    this.apiAudiences = List.copyOf(apiAudiences);
    this.maxExpirationSeconds = maxExpirationSeconds;
    this.extendExpiration = extendExpiration;
    this.clock = clock;
    this.ids = ids;
  }

  /**
   * Returns an issuer.
   *
   * @param apiAudiences the API audiences, given to requests without audiences
   * @param maxExpirationSeconds {@code --service-account-max-token-expiration} in seconds, 0 for
   *     none
   * @param extendExpiration {@code --service-account-extend-token-expiration}
   */
  public static TokenIssuer of(TokenGenerator generator, List<String> apiAudiences,
      long maxExpirationSeconds, boolean extendExpiration, Clock clock) {
    return new TokenIssuer(generator, apiAudiences, maxExpirationSeconds, extendExpiration, clock,
        () -> UUID.randomUUID().toString());
  }

  /** Returns this issuer with JWT ids from {@code ids} (tests). */
  TokenIssuer withIds(Supplier<String> ids) {
    return new TokenIssuer(generator, apiAudiences, maxExpirationSeconds, extendExpiration, clock,
        ids);
  }

  /** Returns the API audiences. */
  public List<String> apiAudiences() {
    return apiAudiences;
  }

  /**
   * Returns the problems with {@code expirationSeconds}, as upstream's {@code
   * ValidateTokenRequest}: field {@code spec.expirationSeconds} details, empty when valid.
   */
  public static List<String> validateExpiration(long expirationSeconds) {
    List<String> errors = new ArrayList<>();
    if (expirationSeconds < MIN_EXPIRATION_SECONDS) {
      errors.add("may not specify a duration less than 10 minutes");
    }
    if (expirationSeconds > MAX_EXPIRATION_SECONDS) {
      errors.add("may not specify a duration larger than 2^32 seconds");
    }
    return errors;
  }

  /**
   * A request whose spec is defaulted and validated and whose bound object is resolved.
   *
   * @param namespace the service account's namespace
   * @param serviceAccount the service account's name and uid
   * @param audiences the requested audiences (empty: the API audiences)
   * @param expirationSeconds the requested lifetime
   * @param pod the bound pod, if any
   * @param secret the bound Secret, if any
   * @param node the bound node, or the bound pod's node (uid empty when it is not stored)
   */
  public record Request(String namespace, ObjectRef serviceAccount, List<String> audiences,
      long expirationSeconds, @Nullable ObjectRef pod, @Nullable ObjectRef secret,
      @Nullable ObjectRef node) {
    /** Copies the audiences. */
    public Request {
      audiences = List.copyOf(audiences);
    }
  }

  /**
   * A signed token.
   *
   * @param token the JWT
   * @param audiences the audiences it carries
   * @param expirationSeconds the lifetime reported in the spec (after the clamp, before the
   *     extension)
   * @param issuedAt the request's creation time
   * @param expirationTimestamp {@code issuedAt + expirationSeconds}, as {@code status} reports it
   * @param credentialId {@code JTI=<jti>}, for the audit annotation
   * @param warnings warnings for the response
   */
  public record Issued(String token, List<String> audiences, long expirationSeconds,
      Instant issuedAt, Instant expirationTimestamp, String credentialId, List<String> warnings) {
    /** Copies the lists. */
    public Issued {
      audiences = List.copyOf(audiences);
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * Signs a token for {@code request}.
   *
   * @throws IllegalArgumentException for a Secret combined with another bound object
   */
  public Issued issue(Request request) {
    Instant now = clock.instant();
    List<String> audiences = request.audiences().isEmpty() ? apiAudiences : request.audiences();
    List<String> warnings = new ArrayList<>();
    long seconds = request.expirationSeconds();
    if (maxExpirationSeconds > 0 && seconds > maxExpirationSeconds) {
      warnings.add("requested expiration of " + seconds + " seconds shortened to "
          + maxExpirationSeconds + " seconds");
      seconds = maxExpirationSeconds;
    }
    long exp = seconds;
    long warnAfter = 0;
    if (extendExpiration && request.pod() != null
        && seconds == WARN_ONLY_BOUND_TOKEN_EXPIRATION_SECONDS
        && apiAudiences.containsAll(audiences)) {
      warnAfter = seconds;
      exp = EXPIRATION_EXTENSION_SECONDS;
    }
    String jti = ids.get();
    TokenClaims claims = TokenClaims.bound(request.namespace(), request.serviceAccount(),
        request.pod(), request.secret(), request.node(), exp, warnAfter, audiences, now, jti);
    return new Issued(generator.generate(claims), audiences, seconds, now,
        now.plusSeconds(seconds), ServiceAccountNames.credentialIdForJti(jti), warnings);
  }
}
