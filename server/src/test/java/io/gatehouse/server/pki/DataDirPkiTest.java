package io.gatehouse.server.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirPkiTest {

  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  @TempDir Path dataDir;

  private DataDirPki pki(Instant now) {
    return DataDirPki.in(dataDir, Clock.fixed(now, ZoneOffset.UTC));
  }

  @Test
  void firstStart_generatesCaServingAndAdminCertificates() throws Exception {
    DataDirPki pki = pki(NOW);
    CertificateAuthority ca = pki.certificateAuthority();
    KeyAndCertificate serving = pki.serving(ca,
        List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("10.1.2.3")), List.of("localhost"));
    KeyAndCertificate admin = pki.admin(ca);

    assertThat(ca.certificate().getBasicConstraints()).isGreaterThanOrEqualTo(0);
    serving.certificate().verify(ca.certificate().getPublicKey());
    assertThat(DataDirPki.subjectAltNames(serving.certificate()))
        .containsExactlyInAnyOrder("localhost", "127.0.0.1", "10.1.2.3");
    assertThat(serving.certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    assertThat(admin.certificate().getSubjectX500Principal().getName())
        .isEqualTo("CN=kubernetes-admin,O=system:masters");
    assertThat(admin.certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
    assertThat(Files.getPosixFilePermissions(dataDir.resolve("pki/admin.key")))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.getPosixFilePermissions(dataDir.resolve("pki/ca.key")))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void secondStart_reusesFiles() throws Exception {
    DataDirPki first = pki(NOW);
    CertificateAuthority ca = first.certificateAuthority();
    KeyAndCertificate serving = first.serving(ca, List.of(InetAddress.getLoopbackAddress()), List.of("localhost"));

    DataDirPki second = pki(NOW.plus(Duration.ofDays(1)));
    CertificateAuthority ca2 = second.certificateAuthority();
    assertThat(ca2.certificate()).isEqualTo(ca.certificate());
    assertThat(second.serving(ca2, List.of(InetAddress.getLoopbackAddress()), List.of("localhost")).certificate())
        .isEqualTo(serving.certificate());
  }

  @Test
  void servingCertificate_missingSan_isReissued() throws Exception {
    DataDirPki pki = pki(NOW);
    CertificateAuthority ca = pki.certificateAuthority();
    KeyAndCertificate old = pki.serving(ca, List.of(InetAddress.getLoopbackAddress()), List.of("localhost"));
    KeyAndCertificate again = pki.serving(ca,
        List.of(InetAddress.getLoopbackAddress(), InetAddress.getByName("192.168.7.7")), List.of("localhost"));
    assertThat(again.certificate()).isNotEqualTo(old.certificate());
    assertThat(DataDirPki.subjectAltNames(again.certificate())).contains("192.168.7.7");
  }

  @Test
  void servingCertificate_newKubernetesNames_onlyServingIsReissued() throws Exception {
    // A data directory from before the kubernetes Service names were on the certificate.
    DataDirPki before = pki(NOW);
    CertificateAuthority ca = before.certificateAuthority();
    KeyAndCertificate old = before.serving(ca, List.of(InetAddress.getLoopbackAddress()),
        List.of("localhost"));
    before.admin(ca);
    byte[] caFile = Files.readAllBytes(dataDir.resolve("pki/ca.crt"));
    byte[] caKey = Files.readAllBytes(dataDir.resolve("pki/ca.key"));
    byte[] adminFile = Files.readAllBytes(dataDir.resolve("pki/admin.crt"));

    DataDirPki after = pki(NOW.plus(Duration.ofDays(1)));
    CertificateAuthority ca2 = after.certificateAuthority();
    KeyAndCertificate serving = after.serving(ca2,
        List.of(InetAddress.getLoopbackAddress(), InetAddress.getByName("10.0.0.1")),
        List.of("localhost", "kubernetes", "kubernetes.default", "kubernetes.default.svc"));
    after.admin(ca2);

    assertThat(serving.certificate()).isNotEqualTo(old.certificate());
    serving.certificate().verify(ca.certificate().getPublicKey());
    assertThat(DataDirPki.subjectAltNames(serving.certificate())).containsExactlyInAnyOrder(
        "127.0.0.1", "10.0.0.1", "localhost", "kubernetes", "kubernetes.default",
        "kubernetes.default.svc");
    assertThat(Pem.readCertificates(dataDir.resolve("pki/apiserver.crt")))
        .containsExactly(serving.certificate());
    assertThat(Files.readAllBytes(dataDir.resolve("pki/ca.crt"))).isEqualTo(caFile);
    assertThat(Files.readAllBytes(dataDir.resolve("pki/ca.key"))).isEqualTo(caKey);
    assertThat(Files.readAllBytes(dataDir.resolve("pki/admin.crt"))).isEqualTo(adminFile);
  }

  @Test
  void servingCertificate_moreNamesThanNeeded_isReused() throws Exception {
    DataDirPki pki = pki(NOW);
    CertificateAuthority ca = pki.certificateAuthority();
    KeyAndCertificate wide = pki.serving(ca,
        List.of(InetAddress.getLoopbackAddress(), InetAddress.getByName("10.0.0.1")),
        List.of("localhost", "kubernetes"));

    KeyAndCertificate again = pki.serving(ca, List.of(InetAddress.getLoopbackAddress()),
        List.of("localhost"));

    assertThat(again.certificate()).isEqualTo(wide.certificate());
  }

  @Test
  void adminCertificate_nearExpiry_isReissued() {
    DataDirPki pki = pki(NOW);
    CertificateAuthority ca = pki.certificateAuthority();
    KeyAndCertificate old = pki.admin(ca);
    KeyAndCertificate later = pki(NOW.plus(Duration.ofDays(340))).admin(ca);
    assertThat(later.certificate()).isNotEqualTo(old.certificate());
  }

  @Test
  void kubeconfig_embedsServerCaAndClientCredentials() {
    DataDirPki pki = pki(NOW);
    CertificateAuthority ca = pki.certificateAuthority();
    KeyAndCertificate admin = pki.admin(ca);
    String config = Kubeconfig.admin("https://127.0.0.1:6443", List.of(ca.certificate()), admin);
    assertThat(config).contains("    server: https://127.0.0.1:6443\n", "current-context: gatehouse\n",
        "    certificate-authority-data: ", "    client-certificate-data: ", "    client-key-data: ");
  }
}
