package io.gatehouse.auth.authentication;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which authenticators a server runs, assembled as kube-apiserver's {@code
 * authenticator.Config.New}: client certificates, then bearer tokens, in a union; {@code
 * system:authenticated} added; anonymous access last and only when nothing else applied (an
 * invalid credential is never treated as anonymous).
 *
 * @param clientCas the client CA certificates ({@code --client-ca-file}); empty disables client
 *     certificate authentication
 * @param tokens the static tokens ({@code --token-auth-file}), if any
 * @param anonymous whether anonymous requests are allowed ({@code --anonymous-auth})
 * @param clock the clock certificates are checked against
 */
public record AuthenticationConfig(
    List<X509Certificate> clientCas,
    Optional<TokenAuthenticator> tokens,
    boolean anonymous,
    Clock clock) {

  /** Copies the certificates. */
  public AuthenticationConfig {
    clientCas = List.copyOf(clientCas);
  }

  /**
   * Returns the request authenticator, or empty when no method is configured and anonymous access
   * is off (upstream then leaves authentication out, and every request is unauthenticated).
   */
  public Optional<Authenticator> build() {
    List<Authenticator> authenticators = new ArrayList<>();
    if (!clientCas.isEmpty()) {
      authenticators.add(X509Authenticator.of(clientCas, clock));
    }
    tokens.ifPresent(t -> authenticators.add(BearerTokenAuthenticator.of(t)));
    if (authenticators.isEmpty()) {
      return anonymous ? Optional.of(AnonymousAuthenticator.INSTANCE) : Optional.empty();
    }
    Authenticator chain = AuthenticatedGroupAdder.of(UnionAuthenticator.of(authenticators));
    if (anonymous) {
      chain = UnionAuthenticator.failOnError(List.of(chain, AnonymousAuthenticator.INSTANCE));
    }
    return Optional.of(chain);
  }
}
