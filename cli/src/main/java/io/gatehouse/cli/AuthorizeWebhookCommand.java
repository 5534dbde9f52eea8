package io.gatehouse.cli;

import io.gatehouse.auth.webhook.Kubeconfig;
import io.gatehouse.server.pki.Pem;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

/**
 * {@code gatehouse webhook authorize}: serves SubjectAccessReview so a real kube-apiserver can put
 * a Gatehouse-evaluated chain (RBAC kept in Git, the Node authorizer over given objects, CEL-guarded
 * webhooks) into its own authorizer chain. The cluster state is either the {@code --cluster}
 * manifests, read once at start, or a live mirror of the cluster {@code --kubeconfig} points at
 * (RBAC objects, pods, claims and volume attachments, listed and watched; serving starts once
 * they have been listed).
 */
@Command(
    name = "authorize",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Serve SubjectAccessReview (authorization.k8s.io v1, v1beta1) over HTTPS.")
final class AuthorizeWebhookCommand implements Callable<Integer> {

  private static final java.time.Duration SYNC_TIMEOUT = java.time.Duration.ofSeconds(60);

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--authorization-config", paramLabel = "FILE",
      description = "AuthorizationConfiguration defining the chain (default: system:masters, then RBAC).")
  @Nullable String authorizationConfig;

  @Option(names = "--cluster", paramLabel = "PATH",
      description = "Manifests the chain reads: RBAC objects, pods and volumes. Repeatable.")
  List<String> cluster = new ArrayList<>();

  @Option(names = "--kubeconfig", paramLabel = "FILE",
      description = "Read RBAC objects, pods and volumes live (list and watch) from this cluster instead of --cluster.")
  @Nullable Path kubeconfig;

  @Option(names = "--tls-cert-file", paramLabel = "FILE", required = true,
      description = "PEM serving certificate chain.")
  Path tlsCertFile;

  @Option(names = "--tls-private-key-file", paramLabel = "FILE", required = true,
      description = "PEM private key of the serving certificate.")
  Path tlsPrivateKeyFile;

  @Option(names = "--bind-address", paramLabel = "ADDR", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String bindAddress = "0.0.0.0";

  @Option(names = "--secure-port", paramLabel = "PORT", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks one).")
  int securePort = 9443;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    if (cluster.isEmpty() == (kubeconfig == null)) {
      throw new UsageException("exactly one of --cluster and --kubeconfig is required");
    }
    LiveAuthorizers live = kubeconfig == null ? null : live(kubeconfig);
    AuthSetup setup = live == null
        ? AuthSetup.read(cluster, authorizationConfig, spec.commandLine().getErr())
        : AuthSetup.live(live::rbac, live::node, authorizationConfig, spec.commandLine().getErr());
    SSLContext tls;
    try {
      tls = tls(tlsCertFile, tlsPrivateKeyFile);
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new UsageException(e.getMessage());
    }
    AuthorizationWebhookServer server = AuthorizationWebhookServer.start(
        new InetSocketAddress(bindAddress, securePort), tls, setup.chain());
    Signal.handle(new Signal("TERM"), s -> Thread.ofPlatform().start(server::close));
    Signal.handle(new Signal("INT"), s -> Thread.ofPlatform().start(server::close));
    out.println("Serving SubjectAccessReview on https://" + bindAddress + ":" + server.port() + "/");
    out.flush();
    server.awaitTermination();
    if (live != null) {
      live.close();
    }
    return Gatehouse.OK;
  }

  private static LiveAuthorizers live(Path kubeconfig) throws InterruptedException {
    Kubeconfig config;
    try {
      config = Kubeconfig.load(kubeconfig);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--kubeconfig: " + e.getMessage());
    }
    try {
      return LiveAuthorizers.start(config, SYNC_TIMEOUT);
    } catch (IllegalStateException e) {
      throw new UsageException("--kubeconfig " + kubeconfig + ": " + e.getMessage());
    }
  }

  /** A TLS context serving {@code cert} with {@code key}. */
  static SSLContext tls(Path cert, Path key) throws GeneralSecurityException, IOException {
    List<X509Certificate> chain = Pem.readCertificates(cert);
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("serving", Pem.readPrivateKey(key), new char[0],
        chain.toArray(new X509Certificate[0]));
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(store, new char[0]);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), null, null);
    return ctx;
  }
}
