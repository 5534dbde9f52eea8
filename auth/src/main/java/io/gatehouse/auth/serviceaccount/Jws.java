package io.gatehouse.auth.serviceaccount;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * JWS compact serialization (RFC 7515) with JDK signatures, the subset go-jose gives
 * kube-apiserver: three base64url parts, a protected JSON header naming a supported {@code alg}
 * and optionally a {@code kid}. Stateless.
 */
final class Jws {

  /** go-jose's error for a signature that does not verify. */
  static final String CRYPTO_FAILURE = "go-jose/go-jose: error in cryptographic primitive";

  /** go-jose's error for an algorithm the key cannot check. */
  static final String UNSUPPORTED_ALGORITHM = "go-jose/go-jose: unknown/unsupported algorithm";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  /**
   * A parsed, not yet verified token.
   *
   * @param algorithm the header's {@code alg}
   * @param keyId the header's {@code kid}, empty if none
   * @param signingInput the bytes the signature covers
   * @param payload the decoded payload
   * @param signature the decoded signature
   */
  record Parsed(JwsAlgorithm algorithm, String keyId, byte[] signingInput, byte[] payload,
      byte[] signature) {}

  private Jws() {}

  /** Signs {@code payload} with {@code key}: header {@code {"alg":…,"kid":…}}. */
  static String sign(SigningKey key, byte[] payload) {
    Map<String, String> header = new LinkedHashMap<>();
    header.put("alg", key.verification().algorithm().name());
    header.put("kid", key.verification().keyId());
    try {
      String input = ENCODER.encodeToString(JSON.writeValueAsBytes(header)) + "."
          + ENCODER.encodeToString(payload);
      Signature s = Signature.getInstance(key.verification().algorithm().jcaName());
      s.initSign(key.privateKey());
      s.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + ENCODER.encodeToString(s.sign());
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot sign a token: " + e.getMessage(), e);
    }
  }

  /** Parses a compact JWS; empty when it is not one (wrong shape, bad base64 or header). */
  static Optional<Parsed> parse(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      JsonNode header = JSON.readTree(decode(parts[0]));
      if (header == null || !header.isObject() || !header.path("alg").isTextual()) {
        return Optional.empty();
      }
      Optional<JwsAlgorithm> alg = JwsAlgorithm.named(header.get("alg").asText());
      if (alg.isEmpty()) {
        return Optional.empty();
      }
      JsonNode kid = header.path("kid");
      if (!kid.isMissingNode() && !kid.isTextual()) {
        return Optional.empty();
      }
      return Optional.of(new Parsed(alg.get(), kid.isTextual() ? kid.asText() : "",
          (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII), decode(parts[1]),
          decode(parts[2])));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Returns empty when {@code token}'s signature verifies with {@code key}, else go-jose's error. */
  static Optional<String> verify(Parsed token, VerificationKey key) {
    JwsAlgorithm alg = token.algorithm();
    if (!alg.fits(key.key())) {
      return Optional.of(UNSUPPORTED_ALGORITHM);
    }
    int size = alg.coordinateBytes();
    if (size > 0 && token.signature().length != 2 * size) {
      return Optional.of("go-jose/go-jose: invalid signature size, have "
          + token.signature().length + " bytes, wanted " + 2 * size);
    }
    try {
      Signature s = Signature.getInstance(alg.jcaName());
      s.initVerify(key.key());
      s.update(token.signingInput());
      return s.verify(token.signature()) ? Optional.empty() : Optional.of(CRYPTO_FAILURE);
    } catch (GeneralSecurityException | RuntimeException e) {
      return Optional.of(CRYPTO_FAILURE);
    }
  }

  /** Decodes base64url, with or without padding, as go-jose does. */
  static byte[] decode(String part) {
    String trimmed = part;
    while (trimmed.endsWith("=")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return Base64.getUrlDecoder().decode(trimmed);
  }
}
