package io.gatehouse.server;

import io.gatehouse.api.Status;
import io.gatehouse.api.StatusReason;
import io.gatehouse.server.pki.KeyAndCertificate;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.TrustOptions;
import io.vertx.core.net.impl.ConnectionBase;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * The HTTPS listener on Vert.x: TLS with ALPN (HTTP/2 and HTTP/1.1), client certificates
 * requested but verified by authentication, request bodies collected on the event loop up to 3
 * MiB, then every request handled on its own virtual thread by the handler chain, the response
 * written back on the connection's event loop. Thread-safe; {@link #close()} stops accepting,
 * lets in-flight requests finish (up to a timeout) and releases the threads.
 */
final class VertxTransport implements AutoCloseable {

  /** kube-apiserver's request body limit (3 MiB). */
  static final int MAX_BODY_BYTES = 3 * 1024 * 1024;

  /** Go's {@code http.DefaultMaxHeaderBytes}. */
  static final int MAX_HEADER_BYTES = 1 << 20;

  private static final String PEER_CERTIFICATES = "io.gatehouse.server.peerCertificates";
  private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

  private final Vertx vertx;
  private final HttpServer server;
  private final ExecutorService handlers;

  private VertxTransport(Vertx vertx, HttpServer server, ExecutorService handlers) {
    this.vertx = vertx;
    this.server = server;
    this.handlers = handlers;
  }

  /**
   * Listens on {@code host:port} (0 = any free port).
   *
   * @throws IllegalStateException if the port cannot be bound
   */
  static VertxTransport listen(String host, int port, KeyAndCertificate serving,
      List<X509Certificate> clientCas, ApiHandler chain) {
    Vertx vertx = Vertx.vertx(new VertxOptions()
        .setEventLoopPoolSize(eventLoops(Runtime.getRuntime().availableProcessors()))
        .setWorkerPoolSize(1)
        .setInternalBlockingPoolSize(1)
        .setPreferNativeTransport(false));
    ExecutorService handlers =
        Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("gatehouse-request-", 0).factory());
    HttpServerOptions options = new HttpServerOptions()
        .setHost(host)
        .setPort(port)
        .setSsl(true)
        .setUseAlpn(true)
        .setKeyCertOptions(KeyCertOptions.wrap(TlsMaterial.keyManager(serving)))
        .setClientAuth(ClientAuth.REQUEST)
        .setTrustOptions(TrustOptions.wrap(TlsMaterial.requestClientCertificates(clientCas)))
        .setIdleTimeout(0)
        // Go's http.Server reads up to 1 MiB of headers, so a large bearer token reaches the
        // authenticators (and gets 401) instead of being cut off by Vert.x's 8 KiB default.
        .setMaxHeaderSize(MAX_HEADER_BYTES)
        .setInitialSettings(new io.vertx.core.http.Http2Settings()
            .setMaxHeaderListSize(MAX_HEADER_BYTES));
    HttpServer server = vertx.createHttpServer(options);
    server.requestHandler(req -> accept(req, chain, handlers));
    server.connectionHandler(VertxTransport::consolidateFlushes);
    try {
      server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      vertx.close();
      handlers.shutdownNow();
      throw new IllegalStateException(
          "cannot listen on " + host + ":" + port + ": " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      vertx.close();
      handlers.shutdownNow();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("cannot listen on " + host + ":" + port, e);
    }
    return new VertxTransport(vertx, server, handlers);
  }

  /**
   * Event-loop threads for {@code cores} processors: half of them, at least one and at most two.
   * The loops only do TLS, HTTP framing and socket I/O (about a fifth of a request's CPU; the rest
   * runs on virtual threads and the store's writer), so Netty's usual two per core would only add
   * threads to switch between: on two cores, one loop instead of two took about a tenth off the
   * CPU of each create (docs/performance.md).
   */
  static int eventLoops(int cores) {
    return Math.max(1, Math.min(2, cores / 2));
  }

  /**
   * Defers a connection's flushes to the end of its event loop's current run of tasks. Responses
   * are finished on other threads and each is handed to the loop as its own task, which Vert.x
   * ends with a flush: one TLS record and one socket write per response. With the flush deferred,
   * the responses that reach the loop together share them (docs/performance.md). Reads are
   * unaffected: Netty's handler flushes at the end of each read as before.
   */
  private static void consolidateFlushes(HttpConnection connection) {
    if (connection instanceof ConnectionBase base && base.channel().pipeline().get("ssl") != null) {
      base.channel().pipeline().addAfter("ssl", "gatehouse-flush", new FlushConsolidationHandler(
          FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true));
    }
  }

  /** Returns the bound port. */
  int port() {
    return server.actualPort();
  }

  private static void accept(HttpServerRequest req, ApiHandler chain, ExecutorService handlers) {
    Context context = Vertx.currentContext();
    String length = req.getHeader("Content-Length");
    if (length != null && parseLength(length) > MAX_BODY_BYTES) {
      write(req.response(), ApiResponse.status(tooLarge()));
      return;
    }
    Buffer body = Buffer.buffer();
    boolean[] overflow = {false};
    req.handler(chunk -> {
      if (!overflow[0] && body.length() + chunk.length() > MAX_BODY_BYTES) {
        overflow[0] = true;
      } else if (!overflow[0]) {
        body.appendBuffer(chunk);
      }
    });
    req.endHandler(v -> {
      if (overflow[0]) {
        write(req.response(), ApiResponse.status(tooLarge()));
        return;
      }
      ApiRequest request = toApiRequest(req, body.getBytes());
      handlers.execute(() -> {
        ApiResponse response = chain.handle(request);
        if (response.stream() == null) {
          context.runOnContext(x -> write(req.response(), response));
        } else {
          stream(req.response(), context, response);
        }
      });
    });
  }

  private static ApiRequest toApiRequest(HttpServerRequest req, byte[] body) {
    String uri = req.uri();
    int q = uri.indexOf('?');
    String rawPath = q < 0 ? uri : uri.substring(0, q);
    String rawQuery = q < 0 ? "" : uri.substring(q + 1);
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    req.headers().forEach(e -> headers.add(Map.entry(e.getKey(), e.getValue())));
    return new ApiRequest(req.method().name(), QueryString.unescapePath(rawPath), uri,
        QueryString.parse(rawQuery), Headers.of(headers), body, peerCertificates(req), null, null);
  }

  /**
   * The client's verified certificate chain, or none. Computed once per TLS session and kept in
   * the session (asking a session without a client certificate throws, which costs more than the
   * rest of a small request).
   */
  private static List<X509Certificate> peerCertificates(HttpServerRequest req) {
    SSLSession session = req.sslSession();
    if (session == null) {
      return List.of();
    }
    if (session.getValue(PEER_CERTIFICATES) instanceof PeerChain known) {
      return known.chain();
    }
    List<X509Certificate> out = new ArrayList<>();
    try {
      for (Certificate c : session.getPeerCertificates()) {
        if (c instanceof X509Certificate x) {
          out.add(x);
        }
      }
    } catch (SSLPeerUnverifiedException e) {
      out.clear();
    }
    List<X509Certificate> chain = List.copyOf(out);
    session.putValue(PEER_CERTIFICATES, new PeerChain(chain));
    return chain;
  }

  /** A session's client chain as stored in the session (a private type nobody else reads). */
  private record PeerChain(List<X509Certificate> chain) {}

  private static void write(HttpServerResponse resp, ApiResponse response) {
    resp.setStatusCode(response.status());
    response.headers().forEach(resp::putHeader);
    resp.end(Buffer.buffer(response.body()));
  }

  /**
   * Sends the headers, then runs the response's stream on this (virtual) thread, each chunk handed
   * to the event loop; ends the response when the stream returns.
   */
  private static void stream(HttpServerResponse resp, Context context, ApiResponse response) {
    AtomicBoolean closed = new AtomicBoolean();
    context.runOnContext(x -> {
      resp.closeHandler(v -> closed.set(true));
      resp.exceptionHandler(e -> closed.set(true));
      resp.setStatusCode(response.status());
      response.headers().forEach(resp::putHeader);
      resp.setChunked(true);
      resp.writeHead();
    });
    ResponseStream.Sink sink = new ResponseStream.Sink() {
      @Override
      public boolean write(byte[] chunk) {
        if (closed.get()) {
          return false;
        }
        Buffer b = Buffer.buffer(chunk);
        context.runOnContext(x -> {
          if (!closed.get()) {
            resp.write(b);
          }
        });
        return true;
      }

      @Override
      public boolean closed() {
        return closed.get();
      }
    };
    try {
      response.stream().write(sink);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      context.runOnContext(x -> {
        if (!closed.get()) {
          resp.end();
        }
      });
    }
  }

  private static Status tooLarge() {
    return new Status("Request entity too large: limit is " + MAX_BODY_BYTES,
        StatusReason.REQUEST_ENTITY_TOO_LARGE, null, 413);
  }

  private static long parseLength(String v) {
    try {
      return Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  @Override
  public void close() {
    try {
      server.shutdown(SHUTDOWN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
          .toCompletionStage().toCompletableFuture().get(SHUTDOWN_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // Stopping anyway: the listener and threads are released below.
    }
    handlers.shutdown();
    try {
      handlers.awaitTermination(SHUTDOWN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      vertx.close().toCompletionStage().toCompletableFuture().get(SHUTDOWN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // Vert.x threads are daemons; nothing more to release.
    }
  }
}
