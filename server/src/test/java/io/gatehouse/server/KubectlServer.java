package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.pki.Pem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension for kubectl end-to-end tests: one {@link GatehouseServer} per test class, on a
 * free port of 127.0.0.1 with its data in {@code <dir>/data} of a fresh temporary directory, and
 * kubectl runs against it as the admin ({@link #admin}) or a token user ({@link #withToken}).
 * Register it on a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final KubectlServer server = KubectlServer.builder()
 *     .token("jane-token", "jane", "1001", "devs").build();
 *
 * @ParameterizedTest(name = "{0}")
 * @KubectlVersions
 * void get_pods(Kubectl k) {
 *   Kubectl.Result r = server.admin(k, "get", "pods");
 * }
 * }</pre>
 *
 * <p>The server starts before the class's {@code @BeforeAll} methods and stops (its directory
 * deleted) after its {@code @AfterAll} methods. Accessors fail with {@link IllegalStateException}
 * outside that span. Not thread-safe: a class's tests run one at a time.
 */
public final class KubectlServer implements BeforeAllCallback, AfterAllCallback {

  /** The version string {@code /version} reports ({@code v1.33.0-gatehouse.0.1.0}). */
  static final String PROJECT_VERSION = "0.1.0";
  /** A kubeconfig without clusters: token users' runs see nothing but their flags. */
  private static final String EMPTY = "empty.kubeconfig";

  /** Extra start-up work: files the options name, servers they point to. */
  @FunctionalInterface
  public interface Setup {
    /**
     * Called before the server starts with the class's directory and the options, which already
     * hold the data directory, port 0, the project version and the token file.
     */
    void configure(Path dir, ServerOptions.Builder options) throws Exception;
  }

  private final List<StaticToken> tokens;
  private final Setup setup;
  private Path dir;
  private ServerOptions options;
  private GatehouseServer server;

  private KubectlServer(List<StaticToken> tokens, Setup setup) {
    this.tokens = List.copyOf(tokens);
    this.setup = setup;
  }

  /** Returns a builder for a server with the admin only and default options. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    dir = Files.createTempDirectory("gatehouse-it-");
    Files.writeString(dir.resolve(EMPTY), "");
    ServerOptions.Builder options = ServerOptions.builder().dataDir(dir.resolve("data"))
        .securePort(0).projectVersion(PROJECT_VERSION);
    if (!tokens.isEmpty()) {
      Path file = dir.resolve("tokens.csv");
      Files.writeString(file, tokens.stream().map(t -> t.csvLine() + "\n")
          .collect(Collectors.joining()));
      options.tokenAuthFile(file);
    }
    setup.configure(dir, options);
    this.options = options.build();
    server = GatehouseServer.start(this.options);
  }

  /**
   * Stops the server and starts it again with the same options and data directory (a new port and
   * kubeconfig), for tests of what survives a restart.
   */
  public void restart() {
    server().close();
    server = null;
    server = GatehouseServer.start(options);
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      server = null;
      if (dir != null) {
        deleteRecursively(dir);
        dir = null;
      }
    }
  }

  /** Returns the running server. */
  public GatehouseServer server() {
    if (server == null) {
      throw new IllegalStateException("the server runs only between beforeAll and afterAll");
    }
    return server;
  }

  /** Returns the class's temporary directory (the server's data is in {@code data/}). */
  public Path dir() {
    server();
    return dir;
  }

  /** Returns the server's data directory. */
  public Path dataDir() {
    return dir().resolve("data");
  }

  /** Returns the certificate of the CA that issued the serving and admin certificates. */
  public Path ca() {
    return dataDir().resolve("pki/ca.crt");
  }

  /** Returns the admin kubeconfig (CN kubernetes-admin, O system:masters). */
  public Path kubeconfig() {
    return server().kubeconfig();
  }

  /** Returns the server's URL, {@code https://127.0.0.1:<port>}. */
  public String url() {
    return server().url();
  }

  /** Writes {@code text} to the file {@code name} of {@link #dir()} and returns its path. */
  public Path write(String name, String text) {
    try {
      return Files.writeString(dir().resolve(name), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code k} with the admin kubeconfig. */
  public Kubectl.Result admin(Kubectl k, String... args) {
    return admin(k, Map.of(), args);
  }

  /** Runs {@code k} with the admin kubeconfig and the extra environment variables {@code env}. */
  public Kubectl.Result admin(Kubectl k, Map<String, String> env, String... args) {
    return k.run(dir(), env, concat(List.of("--kubeconfig=" + kubeconfig()), args));
  }

  /**
   * Starts {@code k} with the admin kubeconfig in the background (for {@code get -w}), its output
   * going to {@code output}; the caller stops it.
   */
  public Process startAdmin(Kubectl k, Path output, String... args) {
    return k.start(dir(), output, concat(List.of("--kubeconfig=" + kubeconfig()), args));
  }

  /** Runs {@code k} as the holder of the bearer token {@code token}. */
  public Kubectl.Result withToken(Kubectl k, String token, String... args) {
    return withCredentials(k, List.of("--token=" + token), args);
  }

  /**
   * Runs {@code k} with the server's address and CA, an empty kubeconfig and the credential
   * flags {@code credentials} ({@code --token=…}, {@code --client-certificate=…}, or none).
   */
  public Kubectl.Result withCredentials(Kubectl k, List<String> credentials, String... args) {
    List<String> connection = new ArrayList<>(List.of("--kubeconfig=" + dir().resolve(EMPTY),
        "--server=" + url(), "--certificate-authority=" + ca()));
    connection.addAll(credentials);
    return k.run(dir(), concat(connection, args));
  }

  /**
   * Writes {@code yaml} to {@code fileName}, creates its objects as the admin with {@code kubectl
   * create -f} (default validation) and asserts that kubectl succeeded.
   */
  public Kubectl.Result createAsAdmin(Kubectl k, String fileName, String yaml) {
    Kubectl.Result r = admin(k, "create", "-f", write(fileName, yaml).toString());
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    return r;
  }

  /** Returns an HTTPS client builder trusting the server's CA, sending no credentials. */
  public HttpClient.Builder http() {
    return HttpClient.newBuilder().sslContext(tls(false));
  }

  /** Returns an HTTPS client builder trusting the server's CA, with the admin certificate. */
  public HttpClient.Builder adminHttp() {
    return HttpClient.newBuilder().sslContext(tls(true));
  }

  private SSLContext tls(boolean adminCertificate) {
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("ca", Pem.readCertificates(ca()).get(0));
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      KeyManagerFactory kmf = null;
      if (adminCertificate) {
        Path pki = dataDir().resolve("pki");
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("admin", Pem.readPrivateKey(pki.resolve("admin.key")), new char[0],
            Pem.readCertificates(pki.resolve("admin.crt")).toArray(new Certificate[0]));
        kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, new char[0]);
      }
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
      return ssl;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build TLS for " + url(), e);
    }
  }

  private static String[] concat(List<String> first, String... rest) {
    return Stream.concat(first.stream(), Stream.of(rest)).toArray(String[]::new);
  }

  private static void deleteRecursively(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Collects the server's configuration; not thread-safe. */
  public static final class Builder {
    private final List<StaticToken> tokens = new ArrayList<>();
    private Setup setup = (dir, options) -> { };

    private Builder() {}

    /**
     * Adds a line to the server's token file ({@code --token-auth-file}): {@code token}
     * authenticates {@code user} with {@code uid} and {@code groups}.
     */
    public Builder token(String token, String user, String uid, String... groups) {
      tokens.add(new StaticToken(token, user, uid, List.of(groups)));
      return this;
    }

    /** Sets the extra start-up work (replacing any set before). */
    public Builder setup(Setup value) {
      setup = value;
      return this;
    }

    /** Returns the extension; the server starts in its {@code beforeAll}. */
    public KubectlServer build() {
      return new KubectlServer(tokens, setup);
    }
  }
}
