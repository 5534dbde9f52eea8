package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.pki.CertificateAuthority;
import io.gatehouse.server.pki.KeyAndCertificate;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TlsWarmupTest {

  @Test
  void vertxCipherSuiteClass_existsInTheVertxOnTheClassPath() throws Exception {
    // The warm-up names it (it is package-private); a Vert.x upgrade that renames it must fail
    // here rather than silently bring the first connection's quarter second back.
    Class<?> c = Class.forName(TlsWarmup.VERTX_CIPHER_SUITES, false,
        TlsWarmupTest.class.getClassLoader());

    assertThat(c.getDeclaredMethod("get").getReturnType()).isEqualTo(java.util.List.class);
  }

  @Test
  void run_serverAndAdminCertificates_everyStepSucceeds() throws Exception {
    Instant now = Instant.now();
    CertificateAuthority ca = CertificateAuthority.generate("test-ca", now, Duration.ofDays(1));
    KeyAndCertificate serving = ca.issueServing("gatehouse-apiserver",
        List.of(InetAddress.getByName("127.0.0.1")), List.of("localhost"), now, Duration.ofDays(1));
    KeyAndCertificate admin = ca.issueClient("kubernetes-admin", List.of("system:masters"), now,
        Duration.ofDays(1));

    assertThat(TlsWarmup.run(serving, admin)).isTrue();
  }
}
