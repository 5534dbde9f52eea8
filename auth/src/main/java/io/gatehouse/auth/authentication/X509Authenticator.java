package io.gatehouse.auth.authentication;

import io.gatehouse.api.authz.UserInfo;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateParsingException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Client certificates, as upstream's {@code x509.Authenticator} with {@code
 * CommonNameUserConversion}: the presented chain must lead to one of the client CA certificates
 * with every certificate usable for client authentication; the user is the leaf's subject common
 * name and the groups its organizations. No certificate is not applicable; neither is a verified
 * certificate without a common name. A chain that does not verify fails with {@code verifying
 * certificate SN=…, SKID=…, AKID=… failed: …}.
 *
 * <p>Immutable; thread-safe. Time comes from the injected clock.
 */
public final class X509Authenticator implements Authenticator {

  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
  private static final String ANY_USAGE = "2.5.29.37.0";

  private final Set<TrustAnchor> anchors;
  private final Clock clock;

  private X509Authenticator(List<X509Certificate> clientCas, Clock clock) {
    Set<TrustAnchor> set = new HashSet<>();
    clientCas.forEach(c -> set.add(new TrustAnchor(c, null)));
    this.anchors = Set.copyOf(set);
    this.clock = clock;
  }

  /**
   * Returns an authenticator trusting {@code clientCas}.
   *
   * @throws IllegalArgumentException if {@code clientCas} is empty
   */
  public static X509Authenticator of(List<X509Certificate> clientCas, Clock clock) {
    if (clientCas.isEmpty()) {
      throw new IllegalArgumentException("no client CA certificates");
    }
    return new X509Authenticator(clientCas, clock);
  }

  @Override
  public AuthenticationResult authenticate(AuthenticationRequest request) {
    List<X509Certificate> chain = request.peerCertificates();
    if (chain.isEmpty()) {
      return AuthenticationResult.notApplicable();
    }
    X509Certificate leaf = chain.get(0);
    String problem = verify(chain);
    if (problem != null) {
      return new AuthenticationResult.Failed(
          "verifying certificate " + CertificateIdentifier.of(leaf) + " failed: " + problem);
    }
    Map<String, List<String>> subject = DistinguishedName.attributes(leaf.getSubjectX500Principal());
    List<String> commonNames = subject.getOrDefault("CN", List.of());
    if (commonNames.isEmpty() || commonNames.get(0).isEmpty()) {
      return AuthenticationResult.notApplicable();
    }
    List<String> organizations = subject.getOrDefault("O", List.of());
    return new AuthenticationResult.Authenticated(
        new UserInfo(commonNames.get(0), "", organizations, Map.of()));
  }

  /** Returns Go's verification error text, or null when the chain verifies. */
  private String verify(List<X509Certificate> chain) {
    Date now = Date.from(clock.instant());
    X509Certificate leaf = chain.get(0);
    if (now.before(leaf.getNotBefore()) || now.after(leaf.getNotAfter())) {
      return "x509: certificate has expired or is not yet valid";
    }
    try {
      X509CertSelector target = new X509CertSelector();
      target.setCertificate(leaf);
      PKIXBuilderParameters params = new PKIXBuilderParameters(anchors, target);
      params.setRevocationEnabled(false);
      params.setDate(now);
      params.addCertStore(CertStore.getInstance(
          "Collection", new CollectionCertStoreParameters(new ArrayList<>(chain))));
      var result = CertPathBuilder.getInstance("PKIX").build(params);
      for (var cert : result.getCertPath().getCertificates()) {
        if (!usableForClientAuth((X509Certificate) cert)) {
          return "x509: certificate specifies an incompatible key usage";
        }
      }
      X509Certificate anchor =
          ((java.security.cert.PKIXCertPathBuilderResult) result).getTrustAnchor().getTrustedCert();
      return anchor == null || usableForClientAuth(anchor)
          ? null
          : "x509: certificate specifies an incompatible key usage";
    } catch (InvalidAlgorithmParameterException e) {
      throw new IllegalStateException("no trust anchors", e);
    } catch (GeneralSecurityException e) {
      return "x509: certificate signed by unknown authority";
    }
  }

  private static boolean usableForClientAuth(X509Certificate cert) {
    try {
      List<String> usages = cert.getExtendedKeyUsage();
      return usages == null || usages.contains(CLIENT_AUTH) || usages.contains(ANY_USAGE);
    } catch (CertificateParsingException e) {
      return false;
    }
  }
}
