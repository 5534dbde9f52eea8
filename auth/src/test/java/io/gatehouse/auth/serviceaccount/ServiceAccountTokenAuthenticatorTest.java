package io.gatehouse.auth.serviceaccount;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.authz.UserInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ServiceAccountTokenAuthenticatorTest {

  static final String ISSUER = "https://kubernetes.default.svc.cluster.local";
  static final List<String> API = List.of(ISSUER);
  static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  static final ObjectRef SA = new ObjectRef("builder", "sa-uid");
  static final ObjectRef POD = new ObjectRef("p1", "pod-uid");
  static final ObjectRef NODE = new ObjectRef("n1", "node-uid");
  static final ObjectRef SECRET = new ObjectRef("s1", "secret-uid");
  static final String JTI = "6f1c0d7e-0000-4000-8000-000000000001";

  /** A token made at {@link #NOW} (or relative to it) by the upstream RSA key. */
  private static String token(long issuedOffset, long lifetime, List<String> auds,
      @Nullable ObjectRef pod, @Nullable ObjectRef secret, @Nullable ObjectRef node) {
    TokenClaims c = TokenClaims.bound("default", SA, pod, secret, node, lifetime, 0, auds,
        NOW.plusSeconds(issuedOffset), JTI);
    return TokenGenerator.of(ISSUER, TestKeys.upstreamRsa()).generate(c);
  }

  private static String plain() {
    return token(0, 3600, API, null, null, null);
  }

  private static UserInfo user(Map<String, List<String>> extra) {
    return new UserInfo("system:serviceaccount:default:builder", "sa-uid",
        List.of("system:serviceaccounts", "system:serviceaccounts:default"), extra);
  }

  private static Map<String, List<String>> extra(String... kv) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], List.of(kv[i + 1]));
    }
    return m;
  }

  private static TokenVerification accepted(List<String> auds, String... extra) {
    return new TokenVerification.Accepted(user(extra(extra)), auds, List.of());
  }

  private static TokenVerification rejected(String error) {
    return new TokenVerification.Rejected(error);
  }

  private static final TokenVerification NOT_APPLICABLE = new TokenVerification.NotApplicable();
  private static final String CRED = ServiceAccountNames.EXTRA_CREDENTIAL_ID;

  private record Case(String name, Function<FakeObjects, String> token, List<String> requested,
      TokenVerification expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case ok(String name, Function<FakeObjects, String> token, TokenVerification v) {
    return new Case(name, token, List.of(), v);
  }

  private static Function<FakeObjects, String> after(Consumer<FakeObjects> change,
      String token) {
    return objects -> {
      change.accept(objects);
      return token;
    };
  }

  static Stream<Case> cases() {
    String plain = plain();
    String podBound = token(0, 3600, API, POD, null, NODE);
    String none = Forge.b64("{\"alg\":\"none\"}") + "." + Forge.b64("{\"iss\":\"" + ISSUER
        + "\",\"sub\":\"system:serviceaccount:default:builder\"}") + ".";
    return Stream.of(
        ok("plain token", o -> plain, accepted(API, CRED, "JTI=" + JTI)),
        ok("pod-bound token carries pod and node", o -> podBound, accepted(API,
            ServiceAccountNames.EXTRA_POD_NAME, "p1", ServiceAccountNames.EXTRA_POD_UID, "pod-uid",
            CRED, "JTI=" + JTI, ServiceAccountNames.EXTRA_NODE_NAME, "n1",
            ServiceAccountNames.EXTRA_NODE_UID, "node-uid")),
        ok("node-bound token", o -> token(0, 3600, API, null, null, NODE), accepted(API, CRED,
            "JTI=" + JTI, ServiceAccountNames.EXTRA_NODE_NAME, "n1",
            ServiceAccountNames.EXTRA_NODE_UID, "node-uid")),
        ok("secret-bound token", o -> token(0, 3600, API, null, SECRET, null),
            accepted(API, CRED, "JTI=" + JTI)),
        ok("expired past the leeway", o -> token(-3661, 3600, API, null, null, null),
            rejected("service account token has expired")),
        ok("expired within the leeway", o -> token(-3659, 3600, API, null, null, null),
            accepted(API, CRED, "JTI=" + JTI)),
        ok("not valid yet", o -> token(61, 3600, API, null, null, null),
            rejected("service account token is not valid yet")),
        ok("issued in the future", o -> issuedInFuture(),
            rejected("service account token is issued in the future")),
        ok("wrong audience", o -> token(0, 3600, List.of("vault"), null, null, null),
            rejected("token audiences [\"vault\"] is invalid for the target audiences [\""
                + ISSUER + "\"]")),
        new Case("requested audience", o -> token(0, 3600, List.of("vault", "x"), null, null,
            null), List.of("x", "y"), accepted(List.of("x"), CRED, "JTI=" + JTI)),
        ok("other issuer", o -> TokenGenerator.of("https://elsewhere", TestKeys.upstreamRsa())
            .generate(TokenClaims.bound("default", SA, null, null, null, 3600, 0, API, NOW, JTI)),
            NOT_APPLICABLE),
        ok("tampered payload", o -> Forge.withPayload(plain,
            Forge.payload(plain).replace("builder", "admin")), rejected(Jws.CRYPTO_FAILURE)),
        ok("alg none", o -> none, NOT_APPLICABLE),
        ok("HS256", o -> Forge.b64("{\"alg\":\"HS256\"}") + "." + plain.split("\\.")[1] + ".AAAA",
            NOT_APPLICABLE),
        ok("garbage", o -> "not-a-token", NOT_APPLICABLE),
        ok("three garbage parts", o -> "a.b.c", NOT_APPLICABLE),
        ok("oversized", o -> "x".repeat(1 << 20) + "." + plain.split("\\.")[1] + ".y",
            NOT_APPLICABLE),
        ok("JSON instead of JWS", o -> "{\"iss\":\"" + ISSUER + "\"}", NOT_APPLICABLE),
        ok("unknown key id", o -> TokenGenerator.of(ISSUER, SigningKey.of(TestKeys.rsa(2048)))
            .generate(TokenClaims.bound("default", SA, null, null, null, 3600, 0, API, NOW, JTI)),
            rejected("invalid signature, no keys found")),
        ok("no key id, no key fits", o -> Forge.signed("{\"alg\":\"RS256\"}",
            Forge.payload(plain), TestKeys.rsa(2048), "SHA256withRSA"),
            rejected("[" + Jws.CRYPTO_FAILURE + ", " + Jws.UNSUPPORTED_ALGORITHM + "]")),
        ok("no key id, a key fits", o -> Forge.signed("{\"alg\":\"RS256\"}",
            Forge.payload(plain), TestKeys.upstreamRsa().privateKey(), "SHA256withRSA"),
            accepted(API, CRED, "JTI=" + JTI)),
        ok("service account missing", after(x -> x.remove("ServiceAccount", "default", "builder"),
            plain), rejected("serviceaccounts \"builder\" not found")),
        ok("service account recreated", after(x -> x.put("ServiceAccount", "default", "builder",
            "new-uid"), plain), rejected("service account UID (new-uid) does not match claim "
            + "(sa-uid)")),
        ok("service account deleted two minutes ago", after(x -> deleted(x.serviceAccount(
            "default", "builder").orElseThrow(), 120), plain),
            rejected("service account default/builder has been deleted")),
        ok("service account deleted 30 s ago", after(x -> deleted(x.serviceAccount("default",
            "builder").orElseThrow(), 30), plain), accepted(API, CRED, "JTI=" + JTI)),
        ok("bound pod deleted", after(x -> x.remove("Pod", "default", "p1"), podBound),
            rejected("service account token has been invalidated")),
        ok("bound pod recreated", after(x -> x.put("Pod", "default", "p1", "pod-2"), podBound),
            rejected("pod UID (pod-2) does not match service account pod ref claim (pod-uid)")),
        ok("pod-bound token's node gone", after(x -> x.remove("Node", "", "n1"), podBound),
            accepted(API, ServiceAccountNames.EXTRA_POD_NAME, "p1",
                ServiceAccountNames.EXTRA_POD_UID, "pod-uid", CRED, "JTI=" + JTI,
                ServiceAccountNames.EXTRA_NODE_NAME, "n1", ServiceAccountNames.EXTRA_NODE_UID,
                "node-uid")),
        ok("bound node gone", after(x -> x.remove("Node", "", "n1"),
            token(0, 3600, API, null, null, NODE)),
            rejected("service account token has been invalidated")),
        ok("bound node recreated", after(x -> x.put("Node", "", "n1", "node-2"),
            token(0, 3600, API, null, null, NODE)),
            rejected("node UID (node-2) does not match service account node ref claim (node-uid)")),
        ok("bound secret recreated", after(x -> x.put("Secret", "default", "s1", "secret-2"),
            token(0, 3600, API, null, SECRET, null)), rejected("secret UID (secret-2) does not "
            + "match service account secret ref claim (secret-uid)")),
        ok("issuer claim not a string", o -> Forge.withPayload(plain, "{\"iss\":5}"),
            NOT_APPLICABLE),
        ok("audience claim a number", o -> Forge.signed("{\"alg\":\"RS256\"}", "{\"iss\":\""
            + ISSUER + "\",\"aud\":5}", TestKeys.upstreamRsa().privateKey(), "SHA256withRSA"),
            rejected("[go-jose/go-jose/jwt: expected string or array value to unmarshal to "
                + "Audience, " + Jws.UNSUPPORTED_ALGORITHM + "]")));
  }

  private static String issuedInFuture() {
    TokenClaims c = new TokenClaims("", "system:serviceaccount:default:builder", API,
        NOW.getEpochSecond() + 7200, null, NOW.getEpochSecond() + 120, JTI,
        new KubernetesClaims("default", SA, null, null, null, null), null);
    return TokenGenerator.of(ISSUER, TestKeys.upstreamRsa()).generate(c);
  }

  private static void deleted(io.gatehouse.api.Unstructured obj, long secondsAgo) {
    obj.metadataForWrite().put("deletionTimestamp", NOW.minusSeconds(secondsAgo).toString());
  }

  static FakeObjects objects() {
    FakeObjects o = new FakeObjects();
    o.put("ServiceAccount", "default", "builder", "sa-uid");
    o.put("Pod", "default", "p1", "pod-uid");
    o.put("Node", "", "n1", "node-uid");
    o.put("Secret", "default", "s1", "secret-uid");
    return o;
  }

  static ServiceAccountTokenAuthenticator authenticator(FakeObjects objects, FakeClock clock,
      Duration cacheTtl) {
    return ServiceAccountTokenAuthenticator.bound(List.of(ISSUER, "https://old-issuer"),
        VerificationKeys.of(List.of(TestKeys.upstreamRsa().verification().key(),
            TestKeys.upstreamEc().verification().key())), API, objects, clock, cacheTtl);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void verify_token_upstreamVerdict(Case c) {
    FakeObjects objects = objects();
    ServiceAccountTokenAuthenticator a = authenticator(objects, new FakeClock(NOW), Duration.ZERO);
    String token = c.token().apply(objects);

    assertThat(a.verify(token, c.requested())).isEqualTo(c.expected());
  }
}
