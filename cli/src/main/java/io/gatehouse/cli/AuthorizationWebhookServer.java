package io.gatehouse.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.gatehouse.api.authz.Authorizer;
import io.gatehouse.auth.review.SubjectAccessReviews;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An authorization webhook for kube-apiserver: every POST carries a SubjectAccessReview (v1 or
 * v1beta1), answered with the authorizer's decision in the same version. Bodies that are not
 * SubjectAccessReviews get 400, other methods 405, bodies over 3 MiB 413, each with a {@code
 * Status}. Requests run on virtual threads.
 *
 * <p>Thread-safe. Close it to stop listening.
 */
final class AuthorizationWebhookServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AuthorizationWebhookServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY = 3 * 1024 * 1024;

  private final HttpsServer server;
  private final Authorizer authorizer;
  private final CountDownLatch stopped = new CountDownLatch(1);

  private AuthorizationWebhookServer(HttpsServer server, Authorizer authorizer) {
    this.server = server;
    this.authorizer = authorizer;
  }

  /** Starts listening on {@code address} (port 0 picks a free one). */
  static AuthorizationWebhookServer start(InetSocketAddress address, SSLContext tls, Authorizer authorizer)
      throws IOException {
    HttpsServer https = HttpsServer.create(address, 128);
    https.setHttpsConfigurator(new HttpsConfigurator(tls));
    https.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    AuthorizationWebhookServer s = new AuthorizationWebhookServer(https, authorizer);
    https.createContext("/", s::handle);
    https.start();
    return s;
  }

  /** Returns the port listened on. */
  int port() {
    return server.getAddress().getPort();
  }

  /** Blocks until {@link #close()}. */
  void awaitTermination() throws InterruptedException {
    stopped.await();
  }

  @Override
  public void close() {
    server.stop(1);
    stopped.countDown();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("POST")) {
        send(exchange, 405, status(405, "MethodNotAllowed", "only POST is supported"));
        return;
      }
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(MAX_BODY + 1);
      }
      if (body.length > MAX_BODY) {
        send(exchange, 413, status(413, "RequestEntityTooLarge", "the request body is over 3 MiB"));
        return;
      }
      Object tree;
      try {
        tree = JSON.readValue(body, Object.class);
      } catch (IOException e) {
        send(exchange, 400, status(400, "BadRequest", "the request body is not JSON"));
        return;
      }
      switch (SubjectAccessReviews.decode(tree)) {
        case SubjectAccessReviews.Malformed m -> send(exchange, 400, status(400, "BadRequest", m.message()));
        case SubjectAccessReviews.Review r -> {
          var result = authorizer.authorize(r.attributes());
          LOG.atDebug().setMessage("SubjectAccessReview").addKeyValue("user", r.attributes().user().name())
              .addKeyValue("verb", r.attributes().verb()).addKeyValue("decision", result.decision()).log();
          send(exchange, 200, SubjectAccessReviews.answer(r.apiVersion(), result));
        }
      }
    }
  }

  private static Map<String, Object> status(int code, String reason, String message) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("kind", "Status");
    s.put("apiVersion", "v1");
    s.put("metadata", Map.of());
    s.put("status", "Failure");
    s.put("message", message);
    s.put("reason", reason);
    s.put("code", code);
    return s;
  }

  private static void send(HttpExchange exchange, int code, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
