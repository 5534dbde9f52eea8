package io.gatehouse.auth.serviceaccount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OpenIdMetadataTest {

  private static final String ISSUER = "https://kubernetes.default.svc.cluster.local";

  private static OpenIdMetadata upstreamKeys() {
    return OpenIdMetadata.create(ISSUER, "", "127.0.0.1:6443", List.of(
        TestKeys.upstreamRsa().verification(), TestKeys.upstreamEc().verification()));
  }

  @Test
  void configJson_twoKeys_upstreamDocument() {
    assertThat(new String(upstreamKeys().configJson(), StandardCharsets.UTF_8)).isEqualTo(
        "{\"issuer\":\"" + ISSUER + "\",\"jwks_uri\":\"https://127.0.0.1:6443/openid/v1/jwks\","
            + "\"response_types_supported\":[\"id_token\"],\"subject_types_supported\":"
            + "[\"public\"],\"id_token_signing_alg_values_supported\":[\"ES256\",\"RS256\"]}");
  }

  @Test
  void keysetJson_ecKey_goJoseMemberOrder() {
    String keyset = new String(OpenIdMetadata.create(ISSUER, "https://example.com/jwks", "",
        List.of(TestKeys.upstreamEc().verification())).keysetJson(), StandardCharsets.UTF_8);

    assertThat(keyset).isEqualTo("{\"keys\":[{\"use\":\"sig\",\"kty\":\"EC\",\"kid\":"
        + "\"SoABiieYuNx4UdqYvZRVeuC6SihxgLrhLy9peHMHpTc\",\"crv\":\"P-256\",\"alg\":\"ES256\","
        + "\"x\":\"H6cuzP8XuD5wal6wf9M6xDljTOPLX2i8uIp_C_ASqiI\","
        + "\"y\":\"BlHnikLV9PyEd6gl8k4T_3Wwoh6xd79XLoQTh2PAi1Y\"}]}");
  }

  private record Case(String name, String issuer, String jwksUri, String error) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> invalid() {
    return Stream.of(
        new Case("empty issuer", "", "", "empty issuer URL"),
        new Case("http issuer", "http://issuer", "",
            "issuer URL must use https scheme, got: http://issuer"),
        new Case("not a URL", "kubernetes/serviceaccount", "",
            "issuer URL must use https scheme, got: kubernetes/serviceaccount"),
        new Case("query", "https://issuer?a=b", "",
            "issuer URL may not include a query, got: https://issuer?a=b"),
        new Case("fragment", "https://issuer#x", "",
            "issuer URL may not include a fragment, got: https://issuer#x"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void create_invalidIssuer_upstreamError(Case c) {
    assertThatThrownBy(() -> OpenIdMetadata.create(c.issuer(), c.jwksUri(), "h:1",
        List.of(TestKeys.upstreamRsa().verification())))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(c.error());
  }

  /** An independent library verifies our RS256, ES256, ES384 and ES512 tokens with our JWKS. */
  @Test
  void keysetJson_standardLibrary_verifiesOurTokens() throws Exception {
    List<SigningKey> keys = List.of(TestKeys.upstreamRsa(), TestKeys.upstreamEc(),
        SigningKey.of(TestKeys.ec("secp384r1")), SigningKey.of(TestKeys.ec("secp521r1")));
    JWKSet jwks = JWKSet.parse(new String(OpenIdMetadata.create(ISSUER, "", "h:1",
        keys.stream().map(SigningKey::verification).toList()).keysetJson(),
        StandardCharsets.UTF_8));
    for (SigningKey key : keys) {
      String token = TokenGenerator.of(ISSUER, key).generate(TokenClaims.bound("default",
          new ObjectRef("builder", "uid"), null, null, null, 600, 0, List.of("vault"),
          Instant.parse("2025-06-01T00:00:00Z"), "id"));
      SignedJWT jwt = SignedJWT.parse(token);
      JWK jwk = jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
      JWSVerifier verifier = new DefaultJWSVerifierFactory().createJWSVerifier(jwt.getHeader(),
          jwk.getKeyType().getValue().equals("RSA") ? jwk.toRSAKey().toPublicKey()
              : jwk.toECKey().toPublicKey());

      assertThat(jwt.verify(verifier)).as(key.toString()).isTrue();
      assertThat(jwt.getJWTClaimsSet().getSubject())
          .isEqualTo("system:serviceaccount:default:builder");
      assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("vault");
    }
  }
}
