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
 * @param audiences the audiences the credentials must be valid for (upstream's {@code
 *     authenticator.WithAudiences} on the request context); empty when none are asked for
 */
public record AuthenticationRequest(
    String authorizationHeader, List<X509Certificate> peerCertificates, List<String> audiences) {

  /** Copies the lists. */
  public AuthenticationRequest {
    peerCertificates = List.copyOf(peerCertificates);
    audiences = List.copyOf(audiences);
  }

  /** A request that asks for no particular audience. */
  public AuthenticationRequest(String authorizationHeader, List<X509Certificate> peerCertificates) {
    this(authorizationHeader, peerCertificates, List.of());
  }

  /** Returns a request without credentials. */
  public static AuthenticationRequest anonymous() {
    return new AuthenticationRequest("", List.of());
  }

  @Override
  public String toString() {
    return "AuthenticationRequest[authorizationHeader=" + (authorizationHeader.isEmpty() ? "" : "<redacted>")
        + ", peerCertificates=" + peerCertificates.size() + ", audiences=" + audiences + "]";
  }
}
