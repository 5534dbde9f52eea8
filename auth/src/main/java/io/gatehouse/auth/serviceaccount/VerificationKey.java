package io.gatehouse.auth.serviceaccount;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;

/**
 * A public key that verifies tokens, with upstream's key id and the algorithm it signs with.
 * Immutable.
 *
 * @param keyId {@code base64url(SHA-256(PKIX DER))} without padding, as upstream's {@code
 *     keyIDFromPublicKey}
 * @param key the RSA or EC public key
 * @param algorithm RS256, or the curve's ECDSA algorithm
 */
public record VerificationKey(String keyId, PublicKey key, JwsAlgorithm algorithm) {

  /**
   * Returns the verification key for {@code key}.
   *
   * @throws IllegalArgumentException for a key that is neither RSA nor EC on P-256/384/521
   */
  public static VerificationKey of(PublicKey key) {
    return new VerificationKey(keyId(key), key, JwsAlgorithm.forKey(key));
  }

  /** Returns upstream's key id of {@code key}. */
  public static String keyId(PublicKey key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}
