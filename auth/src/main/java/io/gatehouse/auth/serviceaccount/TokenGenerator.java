package io.gatehouse.auth.serviceaccount;

/**
 * Signs service-account tokens, as upstream's {@code JWTTokenGenerator}: the claims with the
 * generator's issuer as {@code iss}, header {@code alg} and {@code kid}, compact serialization.
 * Immutable; thread-safe.
 */
public final class TokenGenerator {

  private final String issuer;
  private final SigningKey key;

  private TokenGenerator(String issuer, SigningKey key) {
    this.issuer = issuer;
    this.key = key;
  }

  /** Returns a generator signing with {@code key} as {@code issuer}. */
  public static TokenGenerator of(String issuer, SigningKey key) {
    return new TokenGenerator(issuer, key);
  }

  /** Returns the signed token for {@code claims} (their issuer is replaced). */
  public String generate(TokenClaims claims) {
    return Jws.sign(key, ClaimsJson.write(claims.withIssuer(issuer)));
  }

  /** Returns the issuer. */
  public String issuer() {
    return issuer;
  }

  /** Returns the signing key. */
  public SigningKey key() {
    return key;
  }
}
