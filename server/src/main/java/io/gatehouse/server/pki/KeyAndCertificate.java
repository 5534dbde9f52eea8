package io.gatehouse.server.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A private key with its certificate chain (leaf first).
 *
 * @param key the private key
 * @param chain the certificates, leaf first; never empty
 */
public record KeyAndCertificate(PrivateKey key, List<X509Certificate> chain) {

  /** Copies the chain; rejects an empty one. */
  public KeyAndCertificate {
    chain = List.copyOf(chain);
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("empty certificate chain");
    }
  }

  /** Returns the leaf certificate. */
  public X509Certificate certificate() {
    return chain.get(0);
  }

  @Override
  public String toString() {
    return "KeyAndCertificate[" + certificate().getSubjectX500Principal() + "]";
  }
}
