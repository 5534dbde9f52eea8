package io.gatehouse.auth.serviceaccount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TokenIssuerTest {

  private static final String ISSUER = "https://kubernetes.default.svc.cluster.local";
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  private static final long T = NOW.getEpochSecond();
  private static final ObjectRef SA = new ObjectRef("builder", "sa-uid");
  private static final ObjectRef POD = new ObjectRef("p1", "pod-uid");

  private static TokenIssuer issuer(long max) {
    return TokenIssuer.of(TokenGenerator.of(ISSUER, TestKeys.upstreamRsa()), List.of(ISSUER), max,
        true, new FakeClock(NOW)).withIds(() -> "id-1");
  }

  private static String part(String token, int i) {
    return new String(Base64.getUrlDecoder().decode(token.split("\\.")[i]),
        StandardCharsets.UTF_8);
  }

  private record Case(String name, TokenIssuer.Request request, long max, String payload,
      long expirationSeconds, List<String> warnings) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static TokenIssuer.Request request(List<String> auds, long seconds,
      @Nullable ObjectRef pod, @Nullable ObjectRef secret, @Nullable ObjectRef node) {
    return new TokenIssuer.Request("default", SA, auds, seconds, pod, secret, node);
  }

  private static String sa(String kubernetesExtra) {
    return "\"kubernetes.io\":{\"namespace\":\"default\"," + kubernetesExtra
        + "\"serviceaccount\":{\"name\":\"builder\",\"uid\":\"sa-uid\"}";
  }

  static Stream<Case> cases() {
    String sub = "\"sub\":\"system:serviceaccount:default:builder\"}";
    return Stream.of(
        new Case("defaults to the API audiences", request(List.of(), 3600, null, null, null), 0,
            "{\"aud\":[\"" + ISSUER + "\"],\"exp\":" + (T + 3600) + ",\"iat\":" + T + ",\"iss\":\""
                + ISSUER + "\",\"jti\":\"id-1\"," + sa("") + "},\"nbf\":" + T + "," + sub,
            3600, List.of()),
        new Case("pod with its node", request(List.of("vault", "x"), 600, POD, null,
            new ObjectRef("n1", "node-uid")), 0,
            "{\"aud\":[\"vault\",\"x\"],\"exp\":" + (T + 600) + ",\"iat\":" + T + ",\"iss\":\""
                + ISSUER + "\",\"jti\":\"id-1\"," + sa("\"node\":{\"name\":\"n1\",\"uid\":"
                + "\"node-uid\"},\"pod\":{\"name\":\"p1\",\"uid\":\"pod-uid\"},") + "},\"nbf\":"
                + T + "," + sub, 600, List.of()),
        new Case("pod whose node is not stored", request(List.of("vault"), 600, POD, null,
            new ObjectRef("n1", "")), 0,
            "{\"aud\":[\"vault\"],\"exp\":" + (T + 600) + ",\"iat\":" + T + ",\"iss\":\"" + ISSUER
                + "\",\"jti\":\"id-1\"," + sa("\"node\":{\"name\":\"n1\"},\"pod\":{\"name\":"
                + "\"p1\",\"uid\":\"pod-uid\"},") + "},\"nbf\":" + T + "," + sub, 600, List.of()),
        new Case("secret", request(List.of("vault"), 600, null, new ObjectRef("s1", "s-uid"),
            null), 0,
            "{\"aud\":[\"vault\"],\"exp\":" + (T + 600) + ",\"iat\":" + T + ",\"iss\":\"" + ISSUER
                + "\",\"jti\":\"id-1\"," + sa("\"secret\":{\"name\":\"s1\",\"uid\":"
                + "\"s-uid\"},") + "},\"nbf\":" + T + "," + sub, 600, List.of()),
        new Case("clamped to the maximum", request(List.of(), 86400, null, null, null), 7200,
            "{\"aud\":[\"" + ISSUER + "\"],\"exp\":" + (T + 7200) + ",\"iat\":" + T + ",\"iss\":\""
                + ISSUER + "\",\"jti\":\"id-1\"," + sa("") + "},\"nbf\":" + T + "," + sub,
            7200, List.of("requested expiration of 86400 seconds shortened to 7200 seconds")),
        new Case("admission-injected pod token extended", request(List.of(), 3607, POD, null,
            null), 7200,
            "{\"aud\":[\"" + ISSUER + "\"],\"exp\":" + (T + 31536000) + ",\"iat\":" + T
                + ",\"iss\":\"" + ISSUER + "\",\"jti\":\"id-1\"," + sa("\"pod\":{\"name\":\"p1\","
                + "\"uid\":\"pod-uid\"},") + ",\"warnafter\":" + (T + 3607) + "},\"nbf\":" + T
                + "," + sub, 3607, List.of()),
        new Case("3607 s for another audience not extended", request(List.of("vault"), 3607, POD,
            null, null), 0,
            "{\"aud\":[\"vault\"],\"exp\":" + (T + 3607) + ",\"iat\":" + T + ",\"iss\":\"" + ISSUER
                + "\",\"jti\":\"id-1\"," + sa("\"pod\":{\"name\":\"p1\",\"uid\":\"pod-uid\"},")
                + "},\"nbf\":" + T + "," + sub, 3607, List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void issue_request_upstreamClaims(Case c) {
    TokenIssuer.Issued issued = issuer(c.max()).issue(c.request());

    assertThat(part(issued.token(), 1)).isEqualTo(c.payload());
    assertThat(part(issued.token(), 0))
        .isEqualTo("{\"alg\":\"RS256\",\"kid\":\"JHJehTTTZlsspKHT-GaJxK7Kd1NQgZJu3fyK6K_QDYU\"}");
    assertThat(issued.expirationSeconds()).isEqualTo(c.expirationSeconds());
    assertThat(issued.expirationTimestamp()).isEqualTo(NOW.plusSeconds(c.expirationSeconds()));
    assertThat(issued.warnings()).isEqualTo(c.warnings());
    assertThat(issued.credentialId()).isEqualTo("JTI=id-1");
  }

  @Test
  void issue_secretAndPod_internalError() {
    assertThatThrownBy(() -> issuer(0).issue(request(List.of(), 600, POD, POD, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("internal error, token can only be bound to one object type");
  }

  @Test
  void validateExpiration_bounds_upstreamMessages() {
    assertThat(TokenIssuer.validateExpiration(599))
        .containsExactly("may not specify a duration less than 10 minutes");
    assertThat(TokenIssuer.validateExpiration(600)).isEmpty();
    assertThat(TokenIssuer.validateExpiration(1L << 32)).isEmpty();
    assertThat(TokenIssuer.validateExpiration((1L << 32) + 1))
        .containsExactly("may not specify a duration larger than 2^32 seconds");
  }
}
