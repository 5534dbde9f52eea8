package io.gatehouse.bench;

import io.gatehouse.api.Unstructured;
import io.gatehouse.api.authz.AuthorizationResult;
import io.gatehouse.api.authz.Authorizer;
import io.gatehouse.api.authz.Decision;
import io.gatehouse.api.authz.RequestAttributes;
import io.gatehouse.api.authz.UserInfo;
import io.gatehouse.auth.AuthorizerChain;
import io.gatehouse.auth.cel.MatchConditionCompiler;
import io.gatehouse.auth.config.AuthorizationConfigurationFile;
import io.gatehouse.auth.config.ConfiguredChain;
import io.gatehouse.auth.rbac.BootstrapPolicy;
import io.gatehouse.auth.rbac.RbacAuthorizer;
import io.gatehouse.auth.webhook.Backoff;
import io.gatehouse.cel.KubernetesVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a webhook authorizer adds to an {@code --authorization-config} chain, one thread. The
 * chains are built as {@code gatehouse server} builds them (the file loaded and validated by
 * {@link AuthorizationConfigurationFile}, matchConditions compiled with the server's {@link
 * MatchConditionCompiler}, then {@link ConfiguredChain}: {@code system:masters} first); only the
 * server's reload wrapper (one volatile read) is left out. RBAC holds the bootstrap policy plus
 * a RoleBinding of user {@code alice} to {@code edit} in {@code kube-system}.
 *
 * <ul>
 *   <li>baseline: the chain {@code [RBAC]};
 *   <li>with the webhook: {@code [Webhook, RBAC]}, the webhook being the release notes'
 *       kube-system protector (its four matchConditions select updates and deletes in {@code
 *       kube-system}), a real HTTPS SubjectAccessReview webhook on 127.0.0.1 ({@link
 *       LoopbackWebhook}, which denies), TTLs of one hour.
 * </ul>
 *
 * <p>A {@code get} in kube-system is not selected (the fourth condition is false, so all four are
 * evaluated) and RBAC allows it; a {@code delete} there is selected. The cached case repeats one
 * delete; the uncached case cycles through 16,384 deletes of distinct pods, twice the webhook's
 * cache capacity (8,192, least recently used evicted), so every call misses the cache and posts a
 * review (over one kept-alive TLS connection, as the JDK client pools it: the handshake is not
 * part of the per-call cost). The trial's teardown prints how many reviews the webhook received
 * and on how many connections, as evidence.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class WebhookAuthorizerBenchmark {

  private static final int DISTINCT = 16_384;

  private LoopbackWebhook webhook;
  private Path dir;
  private AuthorizerChain rbacOnly;
  private AuthorizerChain withWebhook;
  private RequestAttributes read;
  private RequestAttributes delete;
  private final RequestAttributes[] distinctDeletes = new RequestAttributes[DISTINCT];
  private int next;
  private long calls;
  private long reviewsBefore;

  @Setup(Level.Trial)
  public void setup() throws IOException {
    webhook = LoopbackWebhook.start();
    dir = Files.createTempDirectory("gatehouse-webhook-bench");
    Path kubeconfig = webhook.writeKubeconfig(dir.resolve("webhook.kubeconfig"));
    List<Unstructured> objects = new ArrayList<>(BootstrapPolicy.objects());
    objects.add(roleBinding());
    RbacAuthorizer rbac = RbacAuthorizer.fromObjects(objects);
    MatchConditionCompiler compiler = MatchConditionCompiler.create(KubernetesVersion.DEFAULT);
    rbacOnly = chain(dir.resolve("rbac-only.yaml"), HEADER + RBAC, rbac, compiler);
    withWebhook = chain(dir.resolve("with-webhook.yaml"),
        HEADER + WEBHOOK.formatted(kubeconfig) + RBAC, rbac, compiler);

    UserInfo alice = new UserInfo("alice", "", List.of("system:authenticated"), Map.of());
    read = RequestAttributes.resource(alice, "get", "kube-system", "", "v1", "pods", "", "web-0");
    delete = RequestAttributes.resource(alice, "delete", "kube-system", "", "v1", "pods", "",
        "web-0");
    for (int i = 0; i < DISTINCT; i++) {
      distinctDeletes[i] = RequestAttributes.resource(alice, "delete", "kube-system", "", "v1",
          "pods", "", "web-" + (i + 1));
    }
    expect(rbacOnly, read, Decision.ALLOW);
    expect(rbacOnly, delete, Decision.ALLOW);
    long before = webhook.reviews();
    expect(withWebhook, read, Decision.ALLOW);
    if (webhook.reviews() != before) {
      throw new IllegalStateException("the webhook was called for a request it does not select");
    }
    AuthorizationResult denied = expect(withWebhook, delete, Decision.DENY);
    if (webhook.reviews() != before + 1 || !denied.reason().equals(LoopbackWebhook.REASON)) {
      throw new IllegalStateException("the webhook did not answer a delete in kube-system");
    }
    reviewsBefore = webhook.reviews();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    long reviews = webhook.reviews() - reviewsBefore;
    if (calls > 0) {
      System.out.printf("%nwebhook: %,d reviews received for %,d calls, on %d connection(s)%n",
          reviews, calls, webhook.connections());
    }
    webhook.close();
    try (var files = Files.list(dir)) {
      for (Path p : files.toList()) {
        Files.delete(p);
      }
    }
    Files.delete(dir);
  }

  /** Baseline for {@link #skippedWebhook}: the same request, RBAC only. */
  @Benchmark
  public AuthorizationResult baselineGet() {
    return rbacOnly.authorize(read);
  }

  /** The webhook's matchConditions are evaluated and do not select the request; RBAC allows. */
  @Benchmark
  public AuthorizationResult skippedWebhook() {
    return withWebhook.authorize(read);
  }

  /** Baseline for the called cases: a delete in kube-system, RBAC only (allowed). */
  @Benchmark
  public AuthorizationResult baselineDelete() {
    return rbacOnly.authorize(delete);
  }

  /** The webhook is selected and its denial served from the cache. */
  @Benchmark
  public AuthorizationResult calledWebhookCached() {
    calls++;
    return withWebhook.authorize(delete);
  }

  /**
   * The webhook is selected, misses the cache and is called over HTTPS. Warmed up longer: the JDK's
   * HTTP client and TLS code need about 12 s on the project machine to reach steady state.
   */
  @Benchmark
  @Warmup(iterations = 8, time = 2)
  public AuthorizationResult calledWebhookUncached() {
    calls++;
    RequestAttributes a = distinctDeletes[next];
    next = (next + 1) & (DISTINCT - 1);
    return withWebhook.authorize(a);
  }

  private static final String HEADER = """
      apiVersion: apiserver.config.k8s.io/v1
      kind: AuthorizationConfiguration
      authorizers:
      """;

  private static final String WEBHOOK = """
      - type: Webhook
        name: system-crd-protector
        webhook:
          authorizedTTL: 1h
          unauthorizedTTL: 1h
          timeout: 3s
          subjectAccessReviewVersion: v1
          matchConditionSubjectAccessReviewVersion: v1
          failurePolicy: Deny
          connectionInfo:
            type: KubeConfigFile
            kubeConfigFile: %s
          matchConditions:
          - expression: has(request.resourceAttributes)
          - expression: request.resourceAttributes.namespace == 'kube-system'
          - expression: "!('system:serviceaccounts:kube-system' in request.groups)"
          - expression: request.resourceAttributes.verb in ['update', 'delete', 'deletecollection']
      """;

  private static final String RBAC = """
      - type: RBAC
        name: rbac
      """;

  private static AuthorizerChain chain(Path file, String yaml, Authorizer rbac,
      MatchConditionCompiler compiler) throws IOException {
    Files.writeString(file, yaml);
    return switch (AuthorizationConfigurationFile.load(file, compiler)) {
      case AuthorizationConfigurationFile.Invalid invalid ->
          throw new IllegalStateException(invalid.aggregated());
      case AuthorizationConfigurationFile.Valid valid -> ConfiguredChain.build(
          valid.configuration(), new ConfiguredChain.Sources(() -> rbac, () -> {
            throw new IllegalStateException("no Node authorizer in the benchmark's chains");
          }, compiler, Backoff.DEFAULT));
    };
  }

  private static AuthorizationResult expect(Authorizer chain, RequestAttributes a, Decision want) {
    AuthorizationResult got = chain.authorize(a);
    if (got.decision() != want) {
      throw new IllegalStateException(a.verb() + " " + a.name() + ": " + got + ", want " + want);
    }
    return got;
  }

  private static Unstructured roleBinding() {
    return Unstructured.copyOf(Map.of("apiVersion", "rbac.authorization.k8s.io/v1",
        "kind", "RoleBinding",
        "metadata", Map.of("name", "alice-edit", "namespace", "kube-system"),
        "roleRef", Map.of("apiGroup", "rbac.authorization.k8s.io", "kind", "ClusterRole",
            "name", "edit"),
        "subjects", List.of(Map.of("kind", "User", "name", "alice"))));
  }
}
