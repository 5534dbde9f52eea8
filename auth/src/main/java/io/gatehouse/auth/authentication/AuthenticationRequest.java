package io.gatehouse.auth.authentication;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The credentials a request carries.
 *
 * <p>Immutable: the certificate list is copied. {@link #toString()} never shows the header, which
 * may hold a bearer token.
 *
 * @param authorizationHeader the {@code Authorization} header value, empty if absent
 * @param peerCertificates the TLS client certificate chain, leaf first; empty if none was
 *     presented
 */
public record AuthenticationRequest(
    String authorizationHeader, List<X509Certificate> peerCertificates) {

  /** Copies the certificates. */
  public AuthenticationRequest {
    peerCertificates = List.copyOf(peerCertificates);
  }

  /** Returns a request without credentials. */
  public static AuthenticationRequest anonymous() {
    return new AuthenticationRequest("", List.of());
  }

  @Override
  public String toString() {
    return "AuthenticationRequest[authorizationHeader=" + (authorizationHeader.isEmpty() ? "" : "<redacted>")
        + ", peerCertificates=" + peerCertificates.size() + "]";
  }
}
