package io.gatehouse.auth.serviceaccount;

import java.security.PrivateKey;

/**
 * The private key tokens are signed with, its public half and key id. Immutable; {@link
 * #toString()} never shows the private key.
 *
 * @param privateKey the RSA or EC private key
 * @param verification the public key, key id and algorithm
 */
public record SigningKey(PrivateKey privateKey, VerificationKey verification) {

  /**
   * Returns the signing key for {@code key}.
   *
   * @throws IllegalArgumentException with upstream's text for another key type or curve
   */
  public static SigningKey of(PrivateKey key) {
    JwsAlgorithm.forKey(key);
    return new SigningKey(key, VerificationKey.of(KeyFiles.publicKeyOf(key)));
  }

  @Override
  public String toString() {
    return "SigningKey[kid=" + verification.keyId() + ", alg=" + verification.algorithm() + "]";
  }
}
