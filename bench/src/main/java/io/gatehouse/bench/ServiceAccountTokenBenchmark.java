package io.gatehouse.bench;

import io.gatehouse.api.Unstructured;
import io.gatehouse.auth.authentication.AuthenticationConfig;
import io.gatehouse.auth.authentication.AuthenticationRequest;
import io.gatehouse.auth.authentication.AuthenticationResult;
import io.gatehouse.auth.authentication.Authenticator;
import io.gatehouse.auth.authentication.TokenAuthenticator;
import io.gatehouse.auth.authentication.TokenFileAuthenticator;
import io.gatehouse.auth.authentication.UnionTokenAuthenticator;
import io.gatehouse.auth.serviceaccount.ObjectRef;
import io.gatehouse.auth.serviceaccount.ServiceAccountTokenAuthenticator;
import io.gatehouse.auth.serviceaccount.ServiceAccountTokenGetter;
import io.gatehouse.auth.serviceaccount.SigningKey;
import io.gatehouse.auth.serviceaccount.TokenGenerator;
import io.gatehouse.auth.serviceaccount.TokenIssuer;
import io.gatehouse.auth.serviceaccount.TokenVerification;
import io.gatehouse.auth.serviceaccount.VerificationKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Service-account tokens on one thread: TokenRequest issuing (claims, JWT id, signature) and
 * verification (parse, signature, audiences, bound-pod check against in-memory objects) per second
 * for RS256 (RSA 2048) and ES256; then the added latency per request of authenticating a bound
 * token through the server's whole request authenticator (x509, token union, {@code
 * system:authenticated}) with and without the 10 s success cache, against a static token-file
 * token as the baseline.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class ServiceAccountTokenBenchmark {

  private static final String ISSUER = "https://kubernetes.default.svc.cluster.local";

  @Param({"RS256", "ES256"})
  public String algorithm;

  private TokenIssuer issuer;
  private TokenIssuer.Request request;
  private ServiceAccountTokenAuthenticator uncached;
  private String token;
  private Authenticator chainUncached;
  private Authenticator chainCached;
  private Authenticator chainStatic;

  @Setup
  public void setup() throws Exception {
    SigningKey key = SigningKey.of(generate(algorithm));
    Clock clock = Clock.systemUTC();
    issuer = TokenIssuer.of(TokenGenerator.of(ISSUER, key), List.of(ISSUER), 0, true, clock);
    request = new TokenIssuer.Request("default", new ObjectRef("builder", "sa-uid"), List.of(),
        3600, new ObjectRef("p1", "pod-uid"), null, new ObjectRef("n1", "node-uid"));
    token = issuer.issue(request).token();
    Objects objects = new Objects();
    VerificationKeys keys = VerificationKeys.of(List.of(key.verification().key()));
    uncached = ServiceAccountTokenAuthenticator.bound(List.of(ISSUER), keys, List.of(ISSUER),
        objects, clock, Duration.ZERO);
    ServiceAccountTokenAuthenticator cached = ServiceAccountTokenAuthenticator.bound(
        List.of(ISSUER), keys, List.of(ISSUER), objects, clock, Duration.ofSeconds(10));
    Path csv = Files.createTempFile("tokens", ".csv");
    Files.writeString(csv, "static-token,alice,1,\"dev\"\n");
    TokenFileAuthenticator file = TokenFileAuthenticator.read(csv);
    Files.delete(csv);
    chainUncached = chain(List.of(file, uncached));
    chainCached = chain(List.of(file, cached));
    chainStatic = chain(List.of(file, uncached));
    if (!(uncached.verify(token, List.of()) instanceof TokenVerification.Accepted)) {
      throw new IllegalStateException("token not accepted");
    }
  }

  private static Authenticator chain(List<TokenAuthenticator> tokens) {
    return new AuthenticationConfig(List.of(), Optional.of(UnionTokenAuthenticator.of(tokens)),
        false, Clock.systemUTC()).build().orElseThrow();
  }

  private static PrivateKey generate(String algorithm) throws Exception {
    if (algorithm.equals("RS256")) {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair().getPrivate();
    }
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair().getPrivate();
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public String issue() {
    return issuer.issue(request).token();
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public TokenVerification verify() {
    return uncached.verify(token, List.of());
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public AuthenticationResult requestWithBoundToken() {
    return chainUncached.authenticate(new AuthenticationRequest("Bearer " + token, List.of()));
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public AuthenticationResult requestWithBoundTokenCached() {
    return chainCached.authenticate(new AuthenticationRequest("Bearer " + token, List.of()));
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public AuthenticationResult requestWithStaticToken() {
    return chainStatic.authenticate(new AuthenticationRequest("Bearer static-token", List.of()));
  }

  /** The service account, pod and node the token names, in memory. */
  private static final class Objects implements ServiceAccountTokenGetter {
    private final Map<String, Unstructured> byKind = Map.of(
        "ServiceAccount", object("sa-uid"), "Pod", object("pod-uid"), "Node", object("node-uid"));

    private static Unstructured object(String uid) {
      return Unstructured.copyOf(Map.of("metadata", Map.of("name", "x", "uid", uid)));
    }

    @Override
    public Optional<Unstructured> serviceAccount(String namespace, String name) {
      return Optional.of(byKind.get("ServiceAccount"));
    }

    @Override
    public Optional<Unstructured> pod(String namespace, String name) {
      return Optional.of(byKind.get("Pod"));
    }

    @Override
    public Optional<Unstructured> secret(String namespace, String name) {
      return Optional.empty();
    }

    @Override
    public Optional<Unstructured> node(String name) {
      return Optional.of(byKind.get("Node"));
    }
  }
}
