package io.gatehouse.auth.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * A real authorization webhook for tests: HTTPS on 127.0.0.1 with a certificate from a CA
 * generated per server, answering each SubjectAccessReview with what {@code responder} returns,
 * and recording the requests. {@link #writeKubeconfig} writes a kubeconfig that trusts the CA.
 *
 * <p>Thread-safe. Close it to stop the listener.
 */
public final class TestWebhookServer implements AutoCloseable {

  /**
   * One answer.
   *
   * @param status the HTTP status
   * @param body the response body
   * @param delayMillis how long to wait before answering
   */
  public record Response(int status, String body, long delayMillis) {
    /** A 200 with a SubjectAccessReview status. */
    public static Response review(boolean allowed, boolean denied, String reason) {
      return new Response(200, "{\"apiVersion\":\"authorization.k8s.io/v1\",\"kind\":"
          + "\"SubjectAccessReview\",\"status\":{\"allowed\":" + allowed + ",\"denied\":" + denied
          + ",\"reason\":\"" + reason + "\"}}", 0);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpsServer server;
  private final String caPem;
  private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
  private final List<String> authorizationHeaders = new CopyOnWriteArrayList<>();
  private volatile Function<JsonNode, Response> responder;

  private TestWebhookServer(Function<JsonNode, Response> responder) throws Exception {
    this.responder = responder;
    TestTls tls = TestTls.generate();
    this.caPem = tls.caPem();
    SSLContext ssl = tls.serverContext();
    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    server.setHttpsConfigurator(new HttpsConfigurator(ssl));
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/authorize", exchange -> {
      try (exchange) {
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        requests.add(body);
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        authorizationHeaders.add(auth == null ? "" : auth);
        Response r = this.responder.apply(body);
        if (r.delayMillis() > 0) {
          Thread.sleep(r.delayMillis());
        }
        byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(r.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        }
      } catch (InterruptedException | IOException e) {
        Thread.currentThread().interrupt();
      }
    });
    server.start();
  }

  /** Starts a server answering with {@code responder}. */
  public static TestWebhookServer start(Function<JsonNode, Response> responder) throws Exception {
    return new TestWebhookServer(responder);
  }

  /** Replaces the responder. */
  public void respond(Function<JsonNode, Response> responder) {
    this.responder = responder;
  }

  /** Returns the URL reviews are posted to. */
  public String url() {
    return "https://127.0.0.1:" + server.getAddress().getPort() + "/authorize";
  }

  /** Returns every request body received, in order. */
  public List<JsonNode> requests() {
    return List.copyOf(requests);
  }

  /** Returns the {@code Authorization} header of every request ("" when absent). */
  public List<String> authorizationHeaders() {
    return List.copyOf(authorizationHeaders);
  }

  /** Writes a kubeconfig for this server (CA inline; bearer {@code token} unless empty). */
  public Path writeKubeconfig(Path file, String token) throws IOException {
    return kubeconfig(file, url(), caPem, token);
  }

  /** Writes a kubeconfig for a webhook at {@code url} whose certificate {@code caPem} signed. */
  public static Path kubeconfig(Path file, String url, String caPem, String token) throws IOException {
    String ca = Base64.getEncoder().encodeToString(caPem.getBytes(StandardCharsets.US_ASCII));
    Files.writeString(file, "apiVersion: v1\nkind: Config\ncurrent-context: webhook\n"
        + "clusters:\n- name: webhook\n  cluster:\n    server: " + url + "\n"
        + "    certificate-authority-data: " + ca + "\n"
        + "users:\n- name: apiserver\n  user:\n" + (token.isEmpty() ? "    {}\n" : "    token: " + token + "\n")
        + "contexts:\n- name: webhook\n  context:\n    cluster: webhook\n    user: apiserver\n");
    return file;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
