package io.gatehouse.auth.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.authz.UserInfo;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;

class X509AuthenticatorTest {

  private static final TestCertificates.Issued CA = TestCertificates.ca("test-ca");
  private static final X509Authenticator AUTH =
      X509Authenticator.of(List.of(CA.certificate()), Clock.fixed(TestCertificates.NOW, ZoneOffset.UTC));

  private static AuthenticationResult authenticate(X509Certificate... chain) {
    return AUTH.authenticate(new AuthenticationRequest("", List.of(chain)));
  }

  @Test
  void authenticate_noCertificate_notApplicable() {
    assertThat(authenticate()).isEqualTo(new AuthenticationResult.NotApplicable());
  }

  @Test
  void authenticate_clientCertificate_userIsCommonNameGroupsAreOrganizations() {
    var cert = TestCertificates.client(CA, "jane", List.of("dev", "qa"));
    assertThat(authenticate(cert.certificate())).isEqualTo(new AuthenticationResult.Authenticated(
        new UserInfo("jane", "", List.of("dev", "qa"), Map.of())));
  }

  @Test
  void authenticate_viaIntermediate_verifies() {
    var intermediate = TestCertificates.issue(CA, TestCertificates.name("intermediate", List.of()),
        true, null, TestCertificates.NOW.minusSeconds(60), TestCertificates.NOW.plusSeconds(3600));
    var leaf = TestCertificates.client(intermediate, "bob", List.of());
    assertThat(authenticate(leaf.certificate(), intermediate.certificate())).isEqualTo(
        new AuthenticationResult.Authenticated(new UserInfo("bob", "", List.of(), Map.of())));
  }

  @Test
  void authenticate_otherAuthority_failsNamingTheCertificate() {
    var other = TestCertificates.ca("other-ca");
    var cert = TestCertificates.client(other, "mallory", List.of("system:masters"));
    AuthenticationResult r = authenticate(cert.certificate());
    assertThat(r).isInstanceOf(AuthenticationResult.Failed.class);
    assertThat(((AuthenticationResult.Failed) r).error())
        .startsWith("verifying certificate SN=" + cert.certificate().getSerialNumber() + ", SKID=")
        .contains(", AKID=")
        .endsWith(" failed: x509: certificate signed by unknown authority");
  }

  @Test
  void authenticate_serverAuthOnly_failsWithIncompatibleUsage() {
    var cert = TestCertificates.issue(CA, TestCertificates.name("web", List.of()), false,
        KeyPurposeId.id_kp_serverAuth, TestCertificates.NOW.minusSeconds(60),
        TestCertificates.NOW.plusSeconds(60));
    assertThat(((AuthenticationResult.Failed) authenticate(cert.certificate())).error())
        .endsWith("failed: x509: certificate specifies an incompatible key usage");
  }

  @Test
  void authenticate_expired_fails() {
    var cert = TestCertificates.issue(CA, TestCertificates.name("old", List.of()), false,
        KeyPurposeId.id_kp_clientAuth, TestCertificates.NOW.minusSeconds(7200),
        TestCertificates.NOW.minusSeconds(3600));
    assertThat(((AuthenticationResult.Failed) authenticate(cert.certificate())).error())
        .endsWith("failed: x509: certificate has expired or is not yet valid");
  }

  @Test
  void authenticate_noCommonName_notApplicable() {
    var cert = TestCertificates.client(CA, "", List.of("dev"));
    assertThat(authenticate(cert.certificate())).isEqualTo(new AuthenticationResult.NotApplicable());
  }
}
