package io.gatehouse.server;

import io.gatehouse.server.pki.KeyAndCertificate;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509KeyManager;

/**
 * The TLS key manager (serving certificate) and trust manager (client CAs) for the HTTPS listener.
 *
 * <p>The trust manager accepts any client certificate at the TLS layer and only advertises the
 * client CAs, as kube-apiserver's {@code tls.RequestClientCert}: a client certificate is verified
 * by the x509 authenticator, so a bad one fails authentication (401) instead of the handshake.
 * Immutable; thread-safe.
 */
final class TlsMaterial {

  private static final String ALIAS = "serving";

  private TlsMaterial() {}

  /**
   * Returns a key manager that always presents {@code serving} (no key store: building a PKCS#12
   * store costs a password-based key derivation at every start).
   */
  static X509KeyManager keyManager(KeyAndCertificate serving) {
    X509Certificate[] chain = serving.chain().toArray(X509Certificate[]::new);
    String keyType = serving.key().getAlgorithm();
    return new X509ExtendedKeyManager() {
      @Override
      public String[] getClientAliases(String type, Principal[] issuers) {
        return new String[0];
      }

      @Override
      public String chooseClientAlias(String[] type, Principal[] issuers, Socket socket) {
        return null;
      }

      @Override
      public String[] getServerAliases(String type, Principal[] issuers) {
        return type.equals(keyType) ? new String[] {ALIAS} : new String[0];
      }

      @Override
      public String chooseServerAlias(String type, Principal[] issuers, Socket socket) {
        return type.equals(keyType) ? ALIAS : null;
      }

      @Override
      public String chooseEngineServerAlias(String type, Principal[] issuers, SSLEngine engine) {
        return type.equals(keyType) ? ALIAS : null;
      }

      @Override
      public X509Certificate[] getCertificateChain(String alias) {
        return ALIAS.equals(alias) ? chain.clone() : null;
      }

      @Override
      public PrivateKey getPrivateKey(String alias) {
        return ALIAS.equals(alias) ? serving.key() : null;
      }
    };
  }

  static X509ExtendedTrustManager requestClientCertificates(List<X509Certificate> clientCas) {
    return new OneSided(true, clientCas.toArray(X509Certificate[]::new));
  }

  /**
   * A client's trust that takes any server certificate: for {@link TlsWarmup}'s in-memory
   * handshake with the server's own certificate only, never for a network connection.
   */
  static X509ExtendedTrustManager acceptServerCertificates() {
    return new OneSided(false, new X509Certificate[0]);
  }

  /**
   * Takes whatever certificates the peer on one side presents (clients: the authenticator checks
   * them against the client CAs afterwards) and refuses to be used for the other side.
   */
  private static final class OneSided extends X509ExtendedTrustManager {
    private final boolean clients;
    private final X509Certificate[] issuers;

    OneSided(boolean clients, X509Certificate[] issuers) {
      this.clients = clients;
      this.issuers = issuers;
    }

    private void check(boolean clientChain) {
      if (clientChain != clients) {
        throw new UnsupportedOperationException(
            clients ? "server-side trust manager" : "client-side trust manager");
      }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
      check(true);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
      check(true);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
      check(true);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
      check(false);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
      check(false);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
      check(false);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return issuers.clone();
    }
  }
}
