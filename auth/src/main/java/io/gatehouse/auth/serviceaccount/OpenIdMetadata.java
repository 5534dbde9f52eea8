package io.gatehouse.auth.serviceaccount;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The service-account issuer's OIDC discovery documents, as upstream's {@code
 * openidmetadata.go}: the provider configuration ({@code issuer}, {@code jwks_uri}, {@code
 * id_token} responses, {@code public} subjects, the sorted algorithms of the keys) and the JSON Web
 * Key Set of every verification key ({@code use: sig}, upstream's {@code kid}, {@code alg}, and the
 * key parameters in go-jose's member order). Immutable; thread-safe.
 */
public final class OpenIdMetadata {

  /** Where the provider configuration is served. */
  public static final String CONFIG_PATH = "/.well-known/openid-configuration";

  /** Where the key set is served. */
  public static final String JWKS_PATH = "/openid/v1/jwks";

  /** The key set's content type. */
  public static final String JWKS_CONTENT_TYPE = "application/jwk-set+json";

  /** Both documents' {@code Cache-Control}. */
  public static final String CACHE_CONTROL = "public, max-age=3600";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final byte[] configJson;
  private final byte[] keysetJson;

  private OpenIdMetadata(byte[] configJson, byte[] keysetJson) {
    this.configJson = configJson;
    this.keysetJson = keysetJson;
  }

  /**
   * Builds the documents, as upstream's {@code NewOpenIDMetadataProvider}.
   *
   * @param issuerUrl the first {@code --service-account-issuer}
   * @param jwksUri {@code --service-account-jwks-uri}, or empty for {@code
   *     https://<externalAddress>/openid/v1/jwks}
   * @param externalAddress the server's {@code host:port}
   * @throws IllegalArgumentException with upstream's text when the issuer is not an https URL
   *     without query and fragment, or there are no keys
   */
  public static OpenIdMetadata create(String issuerUrl, String jwksUri, String externalAddress,
      List<VerificationKey> keys) {
    if (issuerUrl.isEmpty()) {
      throw new IllegalArgumentException("empty issuer URL");
    }
    URI iss = parse(issuerUrl);
    if (!"https".equals(iss.getScheme())) {
      throw new IllegalArgumentException("issuer URL must use https scheme, got: " + issuerUrl);
    }
    if (iss.getRawQuery() != null) {
      throw new IllegalArgumentException("issuer URL may not include a query, got: " + issuerUrl);
    }
    if (iss.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "issuer URL may not include a fragment, got: " + issuerUrl);
    }
    String jwks = jwksUri.isEmpty() ? "https://" + externalAddress + JWKS_PATH : jwksUri;
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("no keys provided for validating keyset");
    }
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("issuer", issuerUrl);
    config.put("jwks_uri", jwks);
    config.put("response_types_supported", List.of("id_token"));
    config.put("subject_types_supported", List.of("public"));
    TreeSet<String> algs = new TreeSet<>();
    keys.forEach(k -> algs.add(k.algorithm().name()));
    config.put("id_token_signing_alg_values_supported", List.copyOf(algs));
    Map<String, Object> keyset = Map.of("keys", keys.stream().map(OpenIdMetadata::jwk).toList());
    try {
      return new OpenIdMetadata(JSON.writeValueAsBytes(config), JSON.writeValueAsBytes(keyset));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Returns the provider configuration JSON (no trailing newline, as upstream writes it). */
  public byte[] configJson() {
    return configJson.clone();
  }

  /** Returns the key set JSON. */
  public byte[] keysetJson() {
    return keysetJson.clone();
  }

  private static Map<String, String> jwk(VerificationKey key) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("use", "sig");
    if (key.key() instanceof RSAPublicKey rsa) {
      m.put("kty", "RSA");
      m.put("kid", key.keyId());
      m.put("alg", key.algorithm().name());
      m.put("n", B64.encodeToString(unsigned(rsa.getModulus())));
      m.put("e", B64.encodeToString(unsigned(rsa.getPublicExponent())));
    } else if (key.key() instanceof ECPublicKey ec) {
      int size = key.algorithm().coordinateBytes();
      m.put("kty", "EC");
      m.put("kid", key.keyId());
      m.put("crv", switch (key.algorithm()) {
        case ES256 -> "P-256";
        case ES384 -> "P-384";
        case ES512 -> "P-521";
        case RS256, RS384, RS512 -> throw new IllegalStateException("EC key with RSA algorithm");
      });
      m.put("alg", key.algorithm().name());
      m.put("x", B64.encodeToString(fixed(ec.getW().getAffineX(), size)));
      m.put("y", B64.encodeToString(fixed(ec.getW().getAffineY(), size)));
    }
    return m;
  }

  /** Go's {@code big.Int.Bytes()}: big-endian without leading zeros. */
  private static byte[] unsigned(BigInteger v) {
    byte[] b = v.toByteArray();
    int start = 0;
    while (start < b.length - 1 && b[start] == 0) {
      start++;
    }
    return java.util.Arrays.copyOfRange(b, start, b.length);
  }

  private static byte[] fixed(BigInteger v, int size) {
    byte[] b = unsigned(v);
    byte[] out = new byte[size];
    System.arraycopy(b, 0, out, size - b.length, b.length);
    return out;
  }

  private static URI parse(String url) {
    try {
      return new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("parse " + io.gatehouse.api.GoQuote.quote(url) + ": "
          + e.getReason(), e);
    }
  }
}
