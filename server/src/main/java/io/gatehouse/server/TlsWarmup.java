package io.gatehouse.server;

import io.gatehouse.server.pki.KeyAndCertificate;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one TLS handshake between two in-memory engines with the server's own certificates, so
 * that the JDK's TLS and key-exchange code is loaded and compiled before the first client
 * connects (the first real handshake otherwise costs about half a second). Best effort: a failure
 * is logged at DEBUG and changes nothing. Stateless.
 */
final class TlsWarmup {

  private static final Logger LOG = LoggerFactory.getLogger(TlsWarmup.class);

  private TlsWarmup() {}

  static void run(KeyAndCertificate serving, KeyAndCertificate client) {
    try {
      SSLContext serverContext = context(TlsMaterial.keyManager(serving),
          TlsMaterial.requestClientCertificates(List.of(client.chain().get(client.chain().size() - 1))));
      SSLContext clientContext = context(TlsMaterial.keyManager(client),
          TlsMaterial.requestClientCertificates(serving.chain()));
      SSLEngine server = serverContext.createSSLEngine();
      server.setUseClientMode(false);
      server.setWantClientAuth(true);
      SSLEngine clientEngine = clientContext.createSSLEngine("localhost", 443);
      clientEngine.setUseClientMode(true);
      handshake(clientEngine, server);
    } catch (SSLException | java.security.GeneralSecurityException | RuntimeException e) {
      LOG.atDebug().setMessage("TLS warm-up failed").setCause(e).log();
    }
  }

  private static SSLContext context(KeyManager km, TrustManager tm)
      throws java.security.GeneralSecurityException {
    SSLContext c = SSLContext.getInstance("TLS");
    c.init(new KeyManager[] {km}, new TrustManager[] {tm}, new SecureRandom());
    return c;
  }

  private static void handshake(SSLEngine client, SSLEngine server) throws SSLException {
    int size = Math.max(client.getSession().getPacketBufferSize(), server.getSession().getPacketBufferSize());
    ByteBuffer toServer = ByteBuffer.allocate(size * 4);
    ByteBuffer toClient = ByteBuffer.allocate(size * 4);
    ByteBuffer empty = ByteBuffer.allocate(0);
    ByteBuffer sink = ByteBuffer.allocate(client.getSession().getApplicationBufferSize() * 4);
    client.beginHandshake();
    server.beginHandshake();
    for (int i = 0; i < 200 && !(done(client) && done(server)); i++) {
      step(client, empty, toServer, toClient, sink);
      step(server, empty, toClient, toServer, sink);
    }
  }

  /** Lets {@code engine} write into {@code out}, read from {@code in}, and run its tasks. */
  private static void step(SSLEngine engine, ByteBuffer empty, ByteBuffer out, ByteBuffer in,
      ByteBuffer sink) throws SSLException {
    SSLEngineResult.HandshakeStatus hs = engine.getHandshakeStatus();
    if (hs == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
      engine.wrap(empty, out);
    } else if (hs == SSLEngineResult.HandshakeStatus.NEED_UNWRAP) {
      in.flip();
      engine.unwrap(in, sink);
      in.compact();
      sink.clear();
    }
    Runnable task;
    while ((task = engine.getDelegatedTask()) != null) {
      task.run();
    }
  }

  private static boolean done(SSLEngine e) {
    SSLEngineResult.HandshakeStatus hs = e.getHandshakeStatus();
    return hs == SSLEngineResult.HandshakeStatus.FINISHED
        || hs == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING;
  }
}
