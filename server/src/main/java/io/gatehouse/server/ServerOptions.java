package io.gatehouse.server;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How to run the server; the fields mirror kube-apiserver's flags.
 *
 * <p>Immutable. Build with {@link #builder()}.
 *
 * @param dataDir where certificates (and later the store) live ({@code --data-dir})
 * @param securePort the HTTPS port, 0 for a free one ({@code --secure-port})
 * @param bindAddress the address to listen on ({@code --bind-address})
 * @param kubeconfigOut where to write the admin kubeconfig; empty for {@code
 *     <data-dir>/admin.kubeconfig} ({@code --kubeconfig-out})
 * @param tlsCertFile the serving certificate chain; empty to use the generated one ({@code
 *     --tls-cert-file})
 * @param tlsPrivateKeyFile the serving key, given together with the certificate ({@code
 *     --tls-private-key-file})
 * @param clientCaFile CA certificates that sign client certificates, in addition to the generated
 *     CA, which signs the admin certificate ({@code --client-ca-file})
 * @param tokenAuthFile a static token CSV file ({@code --token-auth-file})
 * @param anonymousAuth whether unauthenticated requests are served as {@code system:anonymous}
 *     ({@code --anonymous-auth})
 * @param admissionControlConfigFile an AdmissionConfiguration (or PodSecurityConfiguration) file
 *     for Pod Security's defaults and exemptions ({@code --admission-control-config-file})
 * @param authorizationConfig an AuthorizationConfiguration file defining the authorizer chain
 *     after {@code system:masters}, reloaded when it changes ({@code --authorization-config})
 * @param authorizationModes the authorizers after {@code system:masters} ({@code
 *     --authorization-mode}: {@code RBAC}, {@code Node}, {@code AlwaysAllow}, {@code AlwaysDeny});
 *     empty when not given (then {@code RBAC}); not together with {@code authorizationConfig}
 * @param authorizationConfigPollInterval how often the configuration file is read again even
 *     without a file-system event (one minute by default)
 * @param serviceAccounts the service-account token flags
 * @param serviceNetwork the Service IP and node port ranges and the advertised address
 * @param admission the admission plugin flags ({@code --enable-admission-plugins} …)
 * @param projectVersion Gatehouse's version, reported in {@code /version}
 * @param clock the clock for certificates
 */
public record ServerOptions(
    Path dataDir,
    int securePort,
    String bindAddress,
    Optional<Path> kubeconfigOut,
    Optional<Path> tlsCertFile,
    Optional<Path> tlsPrivateKeyFile,
    Optional<Path> clientCaFile,
    Optional<Path> tokenAuthFile,
    boolean anonymousAuth,
    Optional<Path> admissionControlConfigFile,
    Optional<Path> authorizationConfig,
    Optional<List<String>> authorizationModes,
    Duration authorizationConfigPollInterval,
    ServiceAccountOptions serviceAccounts,
    ServiceNetworkOptions serviceNetwork,
    AdmissionOptions admission,
    String projectVersion,
    Clock clock) {

  /**
   * Checks the combination.
   *
   * @throws IllegalArgumentException for a port out of range, a certificate without key (or key
   *     without certificate), or invalid authorization or admission plugin flags (kube-apiserver's
   *     texts, one per line)
   */
  public ServerOptions {
    authorizationModes = authorizationModes.map(List::copyOf);
    List<String> authorizationErrors = AuthorizationModes.validate(authorizationModes,
        authorizationConfig.isPresent());
    if (!authorizationErrors.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", authorizationErrors));
    }
    List<String> admissionErrors = admission.selection().errors();
    if (!admissionErrors.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", admissionErrors));
    }
    if (securePort < 0 || securePort > 65535) {
      throw new IllegalArgumentException("--secure-port " + securePort + " must be between 0 and 65535");
    }
    if (tlsCertFile.isPresent() != tlsPrivateKeyFile.isPresent()) {
      throw new IllegalArgumentException(
          "--tls-cert-file and --tls-private-key-file must be given together");
    }
  }

  /** Returns the authorization modes in effect without a configuration file. */
  public List<String> effectiveAuthorizationModes() {
    return authorizationModes.orElse(AuthorizationModes.DEFAULT);
  }

  /** Returns the kubeconfig path: {@link #kubeconfigOut()} or {@code <data-dir>/admin.kubeconfig}. */
  public Path kubeconfigPath() {
    return kubeconfigOut.orElse(dataDir.resolve("admin.kubeconfig"));
  }

  /** Returns a builder with kube-apiserver's defaults (port 6443 on 127.0.0.1, data dir {@code ./gatehouse-data}). */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ServerOptions}. Not thread-safe. */
  public static final class Builder {
    private Path dataDir = Path.of("gatehouse-data");
    private int securePort = 6443;
    private String bindAddress = "127.0.0.1";
    private Optional<Path> kubeconfigOut = Optional.empty();
    private Optional<Path> tlsCertFile = Optional.empty();
    private Optional<Path> tlsPrivateKeyFile = Optional.empty();
    private Optional<Path> clientCaFile = Optional.empty();
    private Optional<Path> tokenAuthFile = Optional.empty();
    private boolean anonymousAuth;
    private Optional<Path> admissionControlConfigFile = Optional.empty();
    private Optional<Path> authorizationConfig = Optional.empty();
    private Optional<List<String>> authorizationModes = Optional.empty();
    private Duration authorizationConfigPollInterval = Duration.ofMinutes(1);
    private ServiceAccountOptions serviceAccounts = ServiceAccountOptions.DEFAULT;
    private ServiceNetworkOptions serviceNetwork = ServiceNetworkOptions.DEFAULT;
    private AdmissionOptions admission = AdmissionOptions.DEFAULT;
    private String projectVersion = "dev";
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Sets the data directory. */
    public Builder dataDir(Path v) {
      dataDir = v;
      return this;
    }

    /** Sets the port (0 = free port). */
    public Builder securePort(int v) {
      securePort = v;
      return this;
    }

    /** Sets the bind address. */
    public Builder bindAddress(String v) {
      bindAddress = v;
      return this;
    }

    /** Sets the kubeconfig output path. */
    public Builder kubeconfigOut(Path v) {
      kubeconfigOut = Optional.of(v);
      return this;
    }

    /** Sets the serving certificate and key files. */
    public Builder tlsCertAndKey(Path cert, Path key) {
      tlsCertFile = Optional.of(cert);
      tlsPrivateKeyFile = Optional.of(key);
      return this;
    }

    /** Sets the serving certificate file (the key must be set too). */
    public Builder tlsCertFile(Path v) {
      tlsCertFile = Optional.of(v);
      return this;
    }

    /** Sets the serving key file (the certificate must be set too). */
    public Builder tlsPrivateKeyFile(Path v) {
      tlsPrivateKeyFile = Optional.of(v);
      return this;
    }

    /** Sets the client CA file. */
    public Builder clientCaFile(Path v) {
      clientCaFile = Optional.of(v);
      return this;
    }

    /** Sets the static token file. */
    public Builder tokenAuthFile(Path v) {
      tokenAuthFile = Optional.of(v);
      return this;
    }

    /** Enables or disables anonymous requests. */
    public Builder anonymousAuth(boolean v) {
      anonymousAuth = v;
      return this;
    }

    /** Sets the admission configuration file. */
    public Builder admissionControlConfigFile(Path v) {
      admissionControlConfigFile = Optional.of(v);
      return this;
    }

    /** Sets the AuthorizationConfiguration file. */
    public Builder authorizationConfig(Path v) {
      authorizationConfig = Optional.of(v);
      return this;
    }

    /** Sets the authorization modes, in order. */
    public Builder authorizationModes(List<String> v) {
      authorizationModes = Optional.of(List.copyOf(v));
      return this;
    }

    /** Sets how often the authorization configuration file is read again without an event. */
    public Builder authorizationConfigPollInterval(Duration v) {
      authorizationConfigPollInterval = v;
      return this;
    }

    /** Sets the service-account token flags. */
    public Builder serviceAccounts(ServiceAccountOptions v) {
      serviceAccounts = v;
      return this;
    }

    /** Sets the Service network flags. */
    public Builder serviceNetwork(ServiceNetworkOptions v) {
      serviceNetwork = v;
      return this;
    }

    /** Sets the admission plugin flags. */
    public Builder admission(AdmissionOptions v) {
      admission = v;
      return this;
    }

    /** Sets the version reported in {@code /version}. */
    public Builder projectVersion(String v) {
      projectVersion = v;
      return this;
    }

    /** Sets the clock. */
    public Builder clock(Clock v) {
      clock = v;
      return this;
    }

    /**
     * Returns the options.
     *
     * @throws IllegalArgumentException for an invalid combination (see the record)
     */
    public ServerOptions build() {
      return new ServerOptions(dataDir, securePort, bindAddress, kubeconfigOut, tlsCertFile,
          tlsPrivateKeyFile, clientCaFile, tokenAuthFile, anonymousAuth, admissionControlConfigFile,
          authorizationConfig, authorizationModes, authorizationConfigPollInterval,
          serviceAccounts, serviceNetwork, admission, projectVersion, clock);
    }
  }
}
