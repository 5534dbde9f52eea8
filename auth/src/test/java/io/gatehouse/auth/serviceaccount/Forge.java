package io.gatehouse.auth.serviceaccount;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;

/** Hand-made JWS strings for bad-input tests (independent of {@link Jws}). */
final class Forge {

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private Forge() {}

  static String b64(String json) {
    return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  /** Signs {@code header.payload} (JSON texts) with {@code jca} (e.g. SHA256withRSA). */
  static String signed(String header, String payload, PrivateKey key, String jca) {
    try {
      String input = b64(header) + "." + b64(payload);
      Signature s = Signature.getInstance(jca);
      s.initSign(key);
      s.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + B64.encodeToString(s.sign());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Replaces the payload of {@code token}, keeping header and signature. */
  static String withPayload(String token, String payload) {
    String[] parts = token.split("\\.");
    return parts[0] + "." + b64(payload) + "." + parts[2];
  }

  /** The decoded payload of {@code token}. */
  static String payload(String token) {
    return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
  }
}
