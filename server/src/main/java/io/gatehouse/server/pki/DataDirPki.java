package io.gatehouse.server.pki;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The certificates Gatehouse keeps under {@code <data-dir>/pki}: {@code ca.crt}/{@code ca.key}
 * (generated on first start, valid ten years), {@code apiserver.crt}/{@code .key} (serving) and
 * {@code admin.crt}/{@code .key} (CN {@code kubernetes-admin}, O {@code system:masters}), both valid
 * one year. Existing files are reused; a leaf certificate is issued again when it is missing, not
 * issued by the CA, within 30 days of expiry, or (serving) lacks a needed SAN — only that leaf:
 * the CA is never replaced, so clients trusting it keep working. A re-issue is logged with its
 * reason. (kube-apiserver reuses whatever files its cert dir holds; Gatehouse's clients trust the
 * CA, not the leaf, so issuing the leaf again is invisible to them.)
 *
 * <p>Not thread-safe: call from start-up only.
 */
public final class DataDirPki {

  /** The admin user's name, as kubeadm names it. */
  public static final String ADMIN_USER = "kubernetes-admin";

  /** The admin user's group: the privileged group. */
  public static final String ADMIN_GROUP = "system:masters";

  private static final Logger LOG = LoggerFactory.getLogger(DataDirPki.class);
  private static final Duration CA_VALIDITY = Duration.ofDays(3650);
  private static final Duration LEAF_VALIDITY = Duration.ofDays(365);
  private static final Duration RENEW_BEFORE = Duration.ofDays(30);

  private final Path dir;
  private final Clock clock;

  private DataDirPki(Path dir, Clock clock) {
    this.dir = dir;
    this.clock = clock;
  }

  /** Returns the PKI under {@code dataDir/pki}. */
  public static DataDirPki in(Path dataDir, Clock clock) {
    return new DataDirPki(dataDir.resolve("pki"), clock);
  }

  /** Returns the directory holding the files. */
  public Path directory() {
    return dir;
  }

  /** Loads the CA, generating it on first start. */
  public CertificateAuthority certificateAuthority() {
    Path crt = dir.resolve("ca.crt");
    Path key = dir.resolve("ca.key");
    if (Files.exists(crt) && Files.exists(key)) {
      return CertificateAuthority.of(
          new KeyAndCertificate(Pem.readPrivateKey(key), Pem.readCertificates(crt)));
    }
    CertificateAuthority ca = CertificateAuthority.generate("gatehouse-ca", clock.instant(), CA_VALIDITY);
    write("ca", ca.keyAndCertificate());
    LOG.atInfo().setMessage("Generated certificate authority").addKeyValue("file", crt).log();
    return ca;
  }

  /** Loads or issues the serving certificate for {@code ips} and {@code dnsNames}. */
  public KeyAndCertificate serving(CertificateAuthority ca, List<InetAddress> ips, List<String> dnsNames) {
    Set<String> needed = new LinkedHashSet<>(dnsNames);
    ips.forEach(ip -> needed.add(ip.getHostAddress()));
    return loadOrIssue("apiserver", ca, c -> {
      Set<String> missing = new LinkedHashSet<>(needed);
      missing.removeAll(subjectAltNames(c));
      return missing.isEmpty() ? Optional.empty()
          : Optional.of("lacks subject alternative names " + missing);
    }, () -> ca.issueServing("gatehouse-apiserver", ips, dnsNames, clock.instant(),
        LEAF_VALIDITY));
  }

  /** Loads or issues the admin client certificate. */
  public KeyAndCertificate admin(CertificateAuthority ca) {
    return loadOrIssue("admin", ca, c -> Optional.empty(),
        () -> ca.issueClient(ADMIN_USER, List.of(ADMIN_GROUP), clock.instant(), LEAF_VALIDITY));
  }

  /**
   * Reuses {@code name}'s files unless they are unusable or {@code unfit} names a reason, else
   * issues and writes a new certificate.
   */
  private KeyAndCertificate loadOrIssue(String name, CertificateAuthority ca,
      Function<X509Certificate, Optional<String>> unfit, Supplier<KeyAndCertificate> issue) {
    Path crt = dir.resolve(name + ".crt");
    Path key = dir.resolve(name + ".key");
    if (Files.exists(crt) && Files.exists(key)) {
      KeyAndCertificate existing =
          new KeyAndCertificate(Pem.readPrivateKey(key), Pem.readCertificates(crt));
      Optional<String> reason = unusable(existing.certificate(), ca)
          .or(() -> unfit.apply(existing.certificate()));
      if (reason.isEmpty()) {
        return existing;
      }
      LOG.atInfo().setMessage("Issuing certificate again").addKeyValue("file", crt)
          .addKeyValue("reason", reason.get()).log();
    }
    KeyAndCertificate issued = issue.get();
    write(name, issued);
    LOG.atInfo().setMessage("Issued certificate").addKeyValue("file", crt)
        .addKeyValue("subject", issued.certificate().getSubjectX500Principal().getName()).log();
    return issued;
  }

  /** Why {@code cert} cannot be kept whatever its names, or empty. */
  private Optional<String> unusable(X509Certificate cert, CertificateAuthority ca) {
    Instant renewAt = cert.getNotAfter().toInstant().minus(RENEW_BEFORE);
    if (clock.instant().isAfter(renewAt)) {
      return Optional.of("expires " + cert.getNotAfter().toInstant());
    }
    try {
      cert.verify(ca.certificate().getPublicKey());
      return Optional.empty();
    } catch (java.security.GeneralSecurityException e) {
      return Optional.of("not issued by " + dir.resolve("ca.crt"));
    }
  }

  private void write(String name, KeyAndCertificate kc) {
    Pem.write(dir.resolve(name + ".key"), Pem.privateKey(kc.key()), true);
    Pem.write(dir.resolve(name + ".crt"), Pem.certificates(kc.chain()), false);
  }

  /** Returns the DNS names and IP addresses (normalised) a certificate is valid for. */
  static Set<String> subjectAltNames(X509Certificate cert) {
    Set<String> out = new HashSet<>();
    try {
      Collection<List<?>> sans = cert.getSubjectAlternativeNames();
      for (List<?> san : sans == null ? new ArrayList<List<?>>() : sans) {
        int type = (Integer) san.get(0);
        String value = String.valueOf(san.get(1));
        if (type == 2) {
          out.add(value);
        } else if (type == 7) {
          out.add(InetAddress.getByName(value).getHostAddress());
        }
      }
    } catch (CertificateParsingException | java.net.UnknownHostException e) {
      return Set.of();
    }
    return out;
  }
}
