package io.gatehouse.server;

import io.gatehouse.api.Status;
import io.gatehouse.api.StatusReason;
import io.gatehouse.api.catalog.ResourceCatalog;
import io.gatehouse.auth.authentication.AuthenticationConfig;
import io.gatehouse.auth.authentication.AuthenticationResult;
import io.gatehouse.auth.authentication.Authenticator;
import io.gatehouse.auth.authentication.TokenAuthenticator;
import io.gatehouse.auth.authentication.TokenFileAuthenticator;
import io.gatehouse.auth.authentication.AudienceAgnosticTokenAuthenticator;
import io.gatehouse.auth.authentication.UnionTokenAuthenticator;
import io.gatehouse.auth.rbac.BootstrapPolicy;
import io.gatehouse.auth.rbac.RbacAuthorizer;
import io.gatehouse.server.pki.CertificateAuthority;
import io.gatehouse.server.pki.DataDirPki;
import io.gatehouse.server.pki.KeyAndCertificate;
import io.gatehouse.server.pki.Kubeconfig;
import io.gatehouse.server.pki.Pem;
import io.gatehouse.storage.KeyValueStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running {@code gatehouse server}: certificates under the data directory, authentication,
 * authorization ({@link ServerAuthorization}: the {@code system:masters} group, then RBAC over the
 * stored roles and bindings, or the {@code --authorization-mode} / {@code --authorization-config}
 * chain), the
 * handler chain and the HTTPS listener. The admin kubeconfig is written once the listener
 * accepts requests.
 *
 * <p>Thread-safe. {@link #close()} is idempotent: readiness fails at once, then the listener
 * stops after in-flight requests finish.
 */
public final class GatehouseServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(GatehouseServer.class);

  private final VertxTransport transport;
  private final Path kubeconfig;
  private final String url;
  private final AtomicBoolean closing;
  private final List<AutoCloseable> resources;
  private final KeyValueStore store;
  private final CountDownLatch closed = new CountDownLatch(1);

  private GatehouseServer(VertxTransport transport, Path kubeconfig, String url,
      AtomicBoolean closing, List<AutoCloseable> resources, KeyValueStore store) {
    this.transport = transport;
    this.store = store;
    this.kubeconfig = kubeconfig;
    this.url = url;
    this.closing = closing;
    this.resources = List.copyOf(resources);
  }

  /**
   * Starts a server.
   *
   * @throws IllegalArgumentException for unusable options or files (unreadable certificates, a
   *     malformed token file), with a message naming the flag or file
   * @throws IllegalStateException if the port cannot be bound
   */
  public static GatehouseServer start(ServerOptions options) {
    long started = System.nanoTime();
    InetAddress bind = address(options.bindAddress());
    createDirectories(options.dataDir());
    // Loading the catalog and the bootstrap policy takes a few hundred milliseconds of parsing;
    // it overlaps with the certificates and the listener's start-up.
    CompletableFuture<ResourceCatalog> catalogLoad =
        CompletableFuture.supplyAsync(ResourceCatalog::builtin, GatehouseServer::startThread);
    CompletableFuture<RbacAuthorizer> rbacLoad = CompletableFuture.supplyAsync(
        () -> RbacAuthorizer.fromObjects(BootstrapPolicy.objects()), GatehouseServer::startThread);
    // RBAC answers from the bootstrap policy until the store-backed snapshot replaces it.
    ServerAuthorization authorizer = ServerAuthorization.create(options, rbacLoad::join);

    DataDirPki pki = DataDirPki.in(options.dataDir(), options.clock());
    CertificateAuthority ca = pki.certificateAuthority();
    KeyAndCertificate serving;
    List<java.security.cert.X509Certificate> servingTrust;
    if (options.tlsCertFile().isPresent()) {
      serving = new KeyAndCertificate(Pem.readPrivateKey(options.tlsPrivateKeyFile().orElseThrow()),
          Pem.readCertificates(options.tlsCertFile().get()));
      servingTrust = List.of(serving.chain().get(serving.chain().size() - 1));
    } else {
      ServingNames names = ServingNames.of(bind, options.serviceNetwork());
      serving = pki.serving(ca, names.ips(), names.dnsNames());
      servingTrust = List.of(ca.certificate());
    }
    KeyAndCertificate admin = pki.admin(ca);
    KeyAndCertificate warmupServing = serving;
    startThread(() -> TlsWarmup.run(warmupServing, admin));
    List<java.security.cert.X509Certificate> clientCas = new ArrayList<>();
    options.clientCaFile().ifPresent(f -> clientCas.addAll(Pem.readCertificates(f)));
    clientCas.add(ca.certificate());

    Identity identity = Identity.create(options);
    List<TokenAuthenticator> tokenAuthenticators = new ArrayList<>();
    // Static tokens know no audiences: they are valid for the API server's (upstream's
    // WrapAudienceAgnosticToken), which matters to TokenReviews naming audiences.
    options.tokenAuthFile().map(TokenFileAuthenticator::read)
        .map(t -> AudienceAgnosticTokenAuthenticator.of(
            options.serviceAccounts().effectiveApiAudiences(), t))
        .ifPresent(tokenAuthenticators::add);
    tokenAuthenticators.addAll(identity.tokenAuthenticators());
    Optional<TokenAuthenticator> tokens =
        Optional.of(UnionTokenAuthenticator.of(tokenAuthenticators));
    Authenticator authenticator = new AuthenticationConfig(
        clientCas, tokens, options.anonymousAuth(), options.clock()).build()
        .orElse(request -> AuthenticationResult.notApplicable());
    AtomicBoolean closing = new AtomicBoolean();
    // Until the routes exist (they need the bound port), answer as kube-apiserver does before its
    // paths are installed.
    AtomicReference<ApiHandler> routes = new AtomicReference<>(request ->
        ApiResponse.status(new Status("the request has been made before all known HTTP paths have "
            + "been installed, please try again", StatusReason.SERVICE_UNAVAILABLE, null, 503)));
    RequestCounter requests = new RequestCounter();
    ApiHandler chain = requests.counting(
        HandlerChain.build(request -> routes.get().handle(request), authenticator, authorizer));
    VertxTransport transport = VertxTransport.listen(options.bindAddress(), options.securePort(),
        serving, clientCas, chain);
    int port = transport.port();
    String host = clientHost(bind);
    String url = "https://" + host + ":" + port;
    ResourceCatalog catalog = catalogLoad.join();
    rbacLoad.join();
    Storage storage = Storage.open(options, catalog, closing, authorizer);
    identity.attach(storage.registry(), storage.resources(),
        Pem.certificates(List.of(ca.certificate())).getBytes(StandardCharsets.UTF_8));
    AutoCloseable rootCaPublisher = new RootCaPublisher(storage.registry(), storage.resources(),
        Pem.certificates(servingTrust)).start();
    HealthCheck shutdown = new HealthCheck("shutdown",
        () -> closing.get() ? Optional.of("process is shutting down") : Optional.empty());
    HealthCheck log = new HealthCheck("log", Optional::empty);
    Discovery discovery = new Discovery(catalog, host + ":" + port);
    AggregatedDiscovery aggregated = new AggregatedDiscovery(catalog);
    storage.onCatalogChange(served -> {
      discovery.update(served);
      aggregated.update(served);
    });
    ApiRoutes api = new ApiRoutes(VersionInfo.document(options.projectVersion()),
        discovery, aggregated,
        List.of(new HealthEndpoint("healthz", List.of(HealthCheck.ping(), log)),
            new HealthEndpoint("livez", List.of(HealthCheck.ping(), log)),
            new HealthEndpoint("readyz", List.of(HealthCheck.ping(), log, shutdown))),
        request -> identity.handle(request).or(() -> storage.handler().handle(request)),
        new OpenApiEndpoint(storage.openApi(), options.clock())::handle);
    ReviewEndpoints reviews = new ReviewEndpoints(authorizer, authorizer, authenticator,
        options.serviceAccounts().effectiveApiAudiences(), options.clock());
    routes.set(reviews.in(new MetricsEndpoint(authorizer::metrics)
        .in(identity.oidc(api, host + ":" + port))));
    authorizer.startReloading();
    KubernetesServiceController kubernetesService = storage.serviceNetwork().controller(bind, port);
    kubernetesService.start();

    Path kubeconfig = options.kubeconfigPath();
    Pem.write(kubeconfig, Kubeconfig.admin(url, servingTrust, admin), true);
    storage.prefetchOpenApi();
    long millis = (System.nanoTime() - started) / 1_000_000;
    LOG.atInfo().setMessage("Serving securely").addKeyValue("address", url)
        .addKeyValue("startupMillis", millis).log();
    LOG.atInfo().setMessage("Admin kubeconfig written").addKeyValue("path", kubeconfig)
        .addKeyValue("usage", "KUBECONFIG=" + kubeconfig.toAbsolutePath() + " kubectl get ns").log();
    // Gives back the memory that load grew once the server is idle (docs/design-notes.md).
    HeapTrimmer heapTrimmer = HeapTrimmer.start(HeapTrimmer.Settings.SERVER, requests::count);
    List<AutoCloseable> closeables =
        new ArrayList<>(List.of(heapTrimmer, kubernetesService, authorizer));
    closeables.addAll(identity.closeables());
    closeables.add(rootCaPublisher);
    closeables.addAll(storage.closeables());
    return new GatehouseServer(transport, kubeconfig, url, closing, closeables,
        storage.registry().store());
  }

  /** Returns the port the server listens on. */
  public int port() {
    return transport.port();
  }

  /** Returns the URL clients use, e.g. {@code https://127.0.0.1:6443}. */
  public String url() {
    return url;
  }

  /** Returns the admin kubeconfig's path. */
  public Path kubeconfig() {
    return kubeconfig;
  }

  /**
   * Returns the server's key-value store, for benchmarks and tests that must measure or prepare
   * storage beneath the API. Writes through it skip authentication, authorization, admission and
   * validation, and objects written under {@code /registry/} are seen by the server's controllers
   * as if the API had written them. Closed with the server.
   */
  public KeyValueStore store() {
    return store;
  }

  /** Blocks until {@link #close()} has finished. */
  public void awaitTermination() throws InterruptedException {
    closed.await();
  }

  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    LOG.atInfo().setMessage("Shutting down").addKeyValue("address", url).log();
    try {
      transport.close();
      for (AutoCloseable c : resources) {
        try {
          c.close();
        } catch (Exception e) {
          LOG.atWarn().setMessage("Close failed").setCause(e).log();
        }
      }
    } finally {
      // Logged before the latch opens: awaitTermination's caller may exit the JVM at once.
      LOG.atInfo().setMessage("Stopped").addKeyValue("address", url).log();
      closed.countDown();
    }
  }

  private static void startThread(Runnable task) {
    Thread.ofPlatform().name("gatehouse-startup").daemon().start(task);
  }

  private static InetAddress address(String bindAddress) {
    try {
      return InetAddress.getByName(bindAddress);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("--bind-address " + bindAddress + ": not an address", e);
    }
  }

  /** The host clients should use: the bind address, or 127.0.0.1 for a wildcard bind. */
  private static String clientHost(InetAddress bind) {
    InetAddress host = bind.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : bind;
    String h = host.getHostAddress();
    return h.contains(":") ? "[" + h + "]" : h;
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create --data-dir " + dir, e);
    }
  }
}
