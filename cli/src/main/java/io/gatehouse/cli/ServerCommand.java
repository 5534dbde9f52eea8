package io.gatehouse.cli;

import io.gatehouse.api.GoQuote;
import io.gatehouse.auth.config.GoDurations;
import io.gatehouse.server.AdmissionOptions;
import io.gatehouse.server.GatehouseServer;
import io.gatehouse.server.ServerOptions;
import io.gatehouse.server.ServiceAccountOptions;
import io.gatehouse.server.ServiceNetworkOptions;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * {@code gatehouse server}: runs the API server until SIGTERM or SIGINT, then stops cleanly (ready
 * checks fail, in-flight requests finish) and exits 0. Flags keep kube-apiserver's names.
 */
@Command(
    name = "server",
    mixinStandardHelpOptions = true,
    description = {
      "Run a kubectl-compatible API server with Kubernetes authentication and authorization.",
      "On first start it creates a CA, a serving certificate and an admin client certificate under",
      "the data directory, and writes an admin kubeconfig once it serves requests."
    })
final class ServerCommand implements Callable<Integer> {

  @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "gatehouse-data",
      description = "Directory for certificates and data (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--secure-port", paramLabel = "PORT", defaultValue = "6443",
      description = "HTTPS port; 0 picks a free port (default: ${DEFAULT-VALUE}).")
  int securePort;

  @Option(names = "--bind-address", paramLabel = "ADDR", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String bindAddress;

  @Option(names = "--kubeconfig-out", paramLabel = "FILE",
      description = "Where to write the admin kubeconfig (default: <data-dir>/admin.kubeconfig).")
  Path kubeconfigOut;

  @Option(names = "--tls-cert-file", paramLabel = "FILE",
      description = "Serving certificate chain (PEM); default: generated under the data directory.")
  Path tlsCertFile;

  @Option(names = "--tls-private-key-file", paramLabel = "FILE",
      description = "Serving private key (PEM), with --tls-cert-file.")
  Path tlsPrivateKeyFile;

  @Option(names = "--client-ca-file", paramLabel = "FILE",
      description = "CA certificates (PEM) for client certificates, trusted besides the generated CA.")
  Path clientCaFile;

  @Option(names = "--token-auth-file", paramLabel = "FILE",
      description = "Static bearer tokens: CSV lines token,user,uid[,\"group1,group2\"].")
  Path tokenAuthFile;

  @Option(names = "--anonymous-auth", arity = "0..1", defaultValue = "false", fallbackValue = "true",
      description = "Serve unauthenticated requests as system:anonymous (default: ${DEFAULT-VALUE}).")
  boolean anonymousAuth;

  @Option(names = "--admission-control-config-file", paramLabel = "FILE",
      description = "AdmissionConfiguration (or PodSecurityConfiguration) for Pod Security defaults "
          + "and exemptions.")
  Path admissionControlConfigFile;

  @Option(names = "--enable-admission-plugins", paramLabel = "PLUGINS", split = ",",
      description = "Admission plugins to enable besides the default ones (kube-apiserver's "
          + "names; they run in kube-apiserver's order whatever the order given). Default on: "
          + "kube-apiserver 1.33's defaults plus NodeRestriction.")
  List<String> enableAdmissionPlugins = new ArrayList<>();

  @Option(names = "--disable-admission-plugins", paramLabel = "PLUGINS", split = ",",
      description = "Admission plugins to disable although they are on by default.")
  List<String> disableAdmissionPlugins = new ArrayList<>();

  @Option(names = "--default-not-ready-toleration-seconds", paramLabel = "SECONDS",
      defaultValue = "300",
      description = "tolerationSeconds of the notReady:NoExecute toleration added to every pod "
          + "that does not already have such a toleration (default: ${DEFAULT-VALUE}).")
  long defaultNotReadyTolerationSeconds;

  @Option(names = "--default-unreachable-toleration-seconds", paramLabel = "SECONDS",
      defaultValue = "300",
      description = "tolerationSeconds of the unreachable:NoExecute toleration added to every pod "
          + "that does not already have such a toleration (default: ${DEFAULT-VALUE}).")
  long defaultUnreachableTolerationSeconds;

  @Option(names = "--authorization-config", paramLabel = "FILE",
      description = "AuthorizationConfiguration (apiserver.config.k8s.io v1, v1beta1, v1alpha1) "
          + "defining the authorizer chain after system:masters; reloaded when the file changes. "
          + "Mutually exclusive with --authorization-mode.")
  Path authorizationConfig;

  @Option(names = "--authorization-mode", paramLabel = "MODES", split = ",",
      description = "Ordered list of authorizers after system:masters: RBAC, Node, AlwaysAllow, "
          + "AlwaysDeny (default: RBAC).")
  List<String> authorizationModes;

  @Option(names = "--service-account-signing-key-file", paramLabel = "FILE",
      description = "PEM private key (RSA or ECDSA P-256/384/521) that signs service-account "
          + "tokens. Default: <data-dir>/pki/service-account.key, generated on first start.")
  Path serviceAccountSigningKeyFile;

  @Option(names = "--service-account-key-file", paramLabel = "FILE",
      description = "PEM file of public keys (or private keys, or certificates) that verify "
          + "service-account tokens; repeatable. The signing key always verifies.")
  List<Path> serviceAccountKeyFiles = new ArrayList<>();

  @Option(names = "--service-account-issuer", paramLabel = "ISSUER", split = ",",
      description = "Issuer of service-account tokens; repeatable: the first signs, all are "
          + "accepted. Default: " + ServiceAccountOptions.DEFAULT_ISSUER + ".")
  List<String> serviceAccountIssuers = new ArrayList<>();

  @Option(names = "--api-audiences", paramLabel = "AUD", split = ",",
      description = "Audiences of the API; tokens must carry one. Default: the issuers.")
  List<String> apiAudiences = new ArrayList<>();

  @Option(names = "--service-account-max-token-expiration", paramLabel = "DURATION",
      description = "Longest lifetime of a requested token (Go duration, 1h to 2^32s); longer "
          + "requests are shortened with a warning.")
  String serviceAccountMaxTokenExpiration;

  @Option(names = "--service-account-jwks-uri", paramLabel = "URL",
      description = "jwks_uri of the OIDC discovery document (https). Default: "
          + "https://<host:port>/openid/v1/jwks.")
  String serviceAccountJwksUri;

  @Option(names = "--service-account-extend-token-expiration", arity = "0..1",
      defaultValue = "true", fallbackValue = "true",
      description = "Extend admission-injected pod tokens (3607 s) to a year, warning after "
          + "3607 s (default true).")
  boolean serviceAccountExtendTokenExpiration;

  @Option(names = "--legacy-service-account-token-clean-up-period", paramLabel = "DURATION",
      defaultValue = "8760h",
      description = "How long an auto-generated legacy token may go unused before it is marked "
          + "invalid, and then deleted after the same period again (Go duration, default 8760h).")
  String legacyServiceAccountTokenCleanUpPeriod;

  @Option(names = "--service-cluster-ip-range", paramLabel = "CIDR",
      description = "The IPv4 range Services' cluster IPs are allocated from; its first IP is the "
          + "kubernetes Service's. Default: " + ServiceNetworkOptions.DEFAULT_CLUSTER_IP_RANGE + ".")
  String serviceClusterIpRange;

  @Option(names = "--service-node-port-range", paramLabel = "RANGE",
      defaultValue = ServiceNetworkOptions.DEFAULT_NODE_PORT_RANGE,
      description = "The ports NodePort and LoadBalancer Services' node ports are allocated from "
          + "(low-high, inclusive). Default: ${DEFAULT-VALUE}.")
  String serviceNodePortRange;

  @Option(names = "--advertise-address", paramLabel = "ADDR",
      description = "The IP the kubernetes Service's Endpoints point at. Default: the bind "
          + "address (127.0.0.1 when binding every address).")
  String advertiseAddress;

  @Override
  public Integer call() throws InterruptedException {
    // The handlers come first: the kubeconfig (and its log line) appear before start returns, and a
    // SIGTERM sent as soon as they do must still stop the server cleanly. close() is idempotent.
    AtomicBoolean stopRequested = new AtomicBoolean();
    AtomicReference<GatehouseServer> started = new AtomicReference<>();
    SignalHandler stop = s -> {
      stopRequested.set(true);
      GatehouseServer running = started.get();
      if (running != null) {
        Thread.ofPlatform().start(running::close);
      }
    };
    Signal.handle(new Signal("TERM"), stop);
    Signal.handle(new Signal("INT"), stop);
    GatehouseServer server;
    try {
      server = GatehouseServer.start(options());
    } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
      throw new UsageException(e.getMessage());
    }
    started.set(server);
    if (stopRequested.get()) {
      server.close();
    }
    server.awaitTermination();
    return Gatehouse.OK;
  }

  private ServerOptions options() {
    ServerOptions.Builder b = ServerOptions.builder()
        .dataDir(dataDir)
        .securePort(securePort)
        .bindAddress(bindAddress)
        .anonymousAuth(anonymousAuth)
        .projectVersion(version());
    if (kubeconfigOut != null) {
      b.kubeconfigOut(kubeconfigOut);
    }
    if (tlsCertFile != null) {
      b.tlsCertFile(tlsCertFile);
    }
    if (tlsPrivateKeyFile != null) {
      b.tlsPrivateKeyFile(tlsPrivateKeyFile);
    }
    if (clientCaFile != null) {
      b.clientCaFile(clientCaFile);
    }
    if (tokenAuthFile != null) {
      b.tokenAuthFile(tokenAuthFile);
    }
    if (admissionControlConfigFile != null) {
      b.admissionControlConfigFile(admissionControlConfigFile);
    }
    if (authorizationConfig != null) {
      b.authorizationConfig(authorizationConfig);
    }
    if (authorizationModes != null) {
      b.authorizationModes(authorizationModes.stream().filter(m -> !m.isEmpty()).toList());
    }
    b.admission(new AdmissionOptions(
        enableAdmissionPlugins.stream().filter(p -> !p.isEmpty()).toList(),
        disableAdmissionPlugins.stream().filter(p -> !p.isEmpty()).toList(),
        defaultNotReadyTolerationSeconds, defaultUnreachableTolerationSeconds));
    b.serviceAccounts(new ServiceAccountOptions(Optional.ofNullable(serviceAccountSigningKeyFile),
        serviceAccountKeyFiles, serviceAccountIssuers, apiAudiences,
        Optional.ofNullable(serviceAccountMaxTokenExpiration)
            .map(v -> duration("--service-account-max-token-expiration", v)),
        Optional.ofNullable(serviceAccountJwksUri), serviceAccountExtendTokenExpiration,
        duration("--legacy-service-account-token-clean-up-period",
            legacyServiceAccountTokenCleanUpPeriod)));
    b.serviceNetwork(new ServiceNetworkOptions(Optional.ofNullable(serviceClusterIpRange),
        serviceNodePortRange, Optional.ofNullable(advertiseAddress)));
    return b.build();
  }

  private static Duration duration(String flag, String value) {
    return GoDurations.parse(value).orElseThrow(() -> new IllegalArgumentException(
        "invalid argument " + GoQuote.quote(value) + " for \"" + flag + "\" flag: "
            + "time: invalid duration " + GoQuote.quote(value)));
  }

  private static String version() {
    String v = Gatehouse.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
