package io.gatehouse.auth.serviceaccount;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.Optional;

/**
 * The JWS algorithms of service-account tokens. Signing uses {@link #RS256} for RSA keys of any
 * size and the ECDSA algorithm matching the key's curve (P-256, P-384, P-521), as upstream's {@code
 * JWTTokenGenerator}; verification also accepts RS384 and RS512 with RSA keys. ECDSA signatures
 * are the fixed-length {@code R||S} form JWS prescribes (the JDK's P1363 format).
 */
public enum JwsAlgorithm {
  /** RSASSA-PKCS1-v1_5 with SHA-256. */
  RS256("SHA256withRSA", null),
  /** RSASSA-PKCS1-v1_5 with SHA-384 (verification only). */
  RS384("SHA384withRSA", null),
  /** RSASSA-PKCS1-v1_5 with SHA-512 (verification only). */
  RS512("SHA512withRSA", null),
  /** ECDSA on P-256 with SHA-256. */
  ES256("SHA256withECDSAinP1363Format", "secp256r1"),
  /** ECDSA on P-384 with SHA-384. */
  ES384("SHA384withECDSAinP1363Format", "secp384r1"),
  /** ECDSA on P-521 with SHA-512. */
  ES512("SHA512withECDSAinP1363Format", "secp521r1");

  private final String jcaName;
  private final ECParameterSpec curve;

  JwsAlgorithm(String jcaName, String curveName) {
    this.jcaName = jcaName;
    this.curve = curveName == null ? null : namedCurve(curveName);
  }

  /** Returns the JCA signature algorithm name. */
  String jcaName() {
    return jcaName;
  }

  /** Returns the algorithm named {@code name} in a JWS header, if supported. */
  public static Optional<JwsAlgorithm> named(String name) {
    for (JwsAlgorithm a : values()) {
      if (a.name().equals(name)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the algorithm tokens signed with {@code key} use (RS256 for RSA, the curve's ECDSA
   * algorithm), as upstream's {@code algorithmFromPublicKey}.
   *
   * @throws IllegalArgumentException with upstream's text for another key type or curve
   */
  public static JwsAlgorithm forKey(Key key) {
    if (key instanceof RSAKey) {
      return RS256;
    }
    if (key instanceof ECKey ec) {
      for (JwsAlgorithm a : values()) {
        if (a.curve != null && sameCurve(a.curve, ec.getParams())) {
          return a;
        }
      }
      throw new IllegalArgumentException("unknown private key curve, must be 256, 384, or 521");
    }
    throw new IllegalArgumentException(
        "unknown public key type, must be *rsa.PublicKey, *ecdsa.PublicKey, or jose.OpaqueSigner");
  }

  /** Whether a signature of this algorithm can be checked with {@code key}. */
  boolean fits(Key key) {
    if (curve == null) {
      return key instanceof RSAKey;
    }
    return key instanceof ECKey ec && sameCurve(curve, ec.getParams());
  }

  private static boolean sameCurve(ECParameterSpec a, ECParameterSpec b) {
    return a.getCurve().equals(b.getCurve()) && a.getOrder().equals(b.getOrder())
        && a.getGenerator().equals(b.getGenerator());
  }

  /** The field size of the curve in bytes (for the {@code R||S} length), 0 for RSA. */
  int coordinateBytes() {
    if (curve == null) {
      return 0;
    }
    BigInteger order = curve.getOrder();
    return (order.bitLength() + 7) / 8;
  }

  private static ECParameterSpec namedCurve(String name) {
    try {
      AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
      p.init(new ECGenParameterSpec(name));
      return p.getParameterSpec(ECParameterSpec.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks curve " + name, e);
    }
  }
}
