package io.gatehouse.bench;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.gatehouse.server.pki.CertificateAuthority;
import io.gatehouse.server.pki.KeyAndCertificate;
import io.gatehouse.server.pki.Pem;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A minimal SubjectAccessReview webhook for benchmarks: the JDK's HTTPS server on 127.0.0.1 only
 * (ephemeral port), with a serving certificate from a CA generated per instance, answering every
 * review it receives with {@code denied: true} (it stands for the release notes' kube-system
 * protector, which is only sent what its matchConditions select). It reads each request body
 * whole, so connections stay reusable, and counts the reviews and the client connections (by
 * remote port) so a benchmark can show every call went over the wire. Reviews are answered one at
 * a time on the server's dispatcher thread.
 *
 * <p>Thread-safe. {@link #close()} stops the listener and its dispatcher thread.
 */
final class LoopbackWebhook implements AutoCloseable {

  /** The reason every answer gives. */
  static final String REASON = "kube-system is protected";

  private static final byte[] ANSWER = ("{\"apiVersion\":\"authorization.k8s.io/v1\","
      + "\"kind\":\"SubjectAccessReview\",\"status\":{\"allowed\":false,\"denied\":true,"
      + "\"reason\":\"" + REASON + "\"}}").getBytes(StandardCharsets.UTF_8);

  private final HttpsServer server;
  private final String caPem;
  private final AtomicLong reviews = new AtomicLong();
  private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();

  private LoopbackWebhook(HttpsServer server, String caPem) {
    this.server = server;
    this.caPem = caPem;
  }

  /** Starts a webhook on 127.0.0.1 with fresh TLS material. */
  static LoopbackWebhook start() throws IOException {
    Instant now = Instant.now();
    CertificateAuthority ca = CertificateAuthority.generate("webhook-bench-ca", now,
        Duration.ofHours(2));
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    KeyAndCertificate serving = ca.issueServing("127.0.0.1", List.of(loopback), List.of(), now,
        Duration.ofHours(2));
    HttpsServer server = HttpsServer.create(new InetSocketAddress(loopback, 0), 16);
    server.setHttpsConfigurator(new HttpsConfigurator(serverContext(serving, ca)));
    // Answer on the server's dispatcher thread: the fewest thread hand-offs per review, so the
    // fixture adds as little as it can to the client's cost (a virtual thread per request made a
    // warmed-up call about 1.4x slower on the 2-vCPU project machine).
    server.setExecutor(Runnable::run);
    LoopbackWebhook webhook =
        new LoopbackWebhook(server, Pem.certificates(List.of(ca.certificate())));
    server.createContext("/authorize", exchange -> {
      try (exchange) {
        exchange.getRequestBody().readAllBytes();
        webhook.reviews.incrementAndGet();
        webhook.clientPorts.add(exchange.getRemoteAddress().getPort());
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, ANSWER.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(ANSWER);
        }
      }
    });
    server.start();
    return webhook;
  }

  /** Returns how many reviews were answered so far. */
  long reviews() {
    return reviews.get();
  }

  /** Returns how many client connections (distinct remote ports) sent reviews so far. */
  int connections() {
    return clientPorts.size();
  }

  /** Writes a kubeconfig that reaches this webhook and trusts its CA. */
  Path writeKubeconfig(Path file) throws IOException {
    String ca = Base64.getEncoder().encodeToString(caPem.getBytes(StandardCharsets.US_ASCII));
    String url = "https://127.0.0.1:" + server.getAddress().getPort() + "/authorize";
    Files.writeString(file, """
        apiVersion: v1
        kind: Config
        current-context: webhook
        clusters:
        - name: webhook
          cluster:
            server: %s
            certificate-authority-data: %s
        users:
        - name: apiserver
          user: {}
        contexts:
        - name: webhook
          context:
            cluster: webhook
            user: apiserver
        """.formatted(url, ca));
    return file;
  }

  private static SSLContext serverContext(KeyAndCertificate serving, CertificateAuthority ca) {
    try {
      List<X509Certificate> chain = new ArrayList<>(serving.chain());
      chain.add(ca.certificate());
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("serving", serving.key(), new char[0],
          chain.toArray(X509Certificate[]::new));
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(store, new char[0]);
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(kmf.getKeyManagers(), null, null);
      return ssl;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build the webhook's TLS context", e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
