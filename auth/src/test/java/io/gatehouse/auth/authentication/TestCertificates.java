package io.gatehouse.auth.authentication;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates for tests: a CA, and certificates it signs. */
final class TestCertificates {

  static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

  record Issued(X509Certificate certificate, KeyPair keys) {}

  private TestCertificates() {}

  static Issued ca(String cn) {
    return issue(null, name(cn, List.of()), true, null, NOW.minusSeconds(3600), NOW.plusSeconds(86400));
  }

  static Issued client(Issued ca, String cn, List<String> orgs) {
    return issue(ca, name(cn, orgs), false, KeyPurposeId.id_kp_clientAuth, NOW.minusSeconds(60),
        NOW.plusSeconds(3600));
  }

  static Issued issue(Issued issuer, X500Name subject, boolean isCa, KeyPurposeId usage,
      Instant notBefore, Instant notAfter) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair keys = g.generateKeyPair();
      X500Name issuerName = issuer == null ? subject
          : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
      X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuerName,
          BigInteger.valueOf(System.nanoTime()), Date.from(notBefore), Date.from(notAfter), subject,
          keys.getPublic());
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
      b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
      if (issuer != null) {
        b.addExtension(Extension.authorityKeyIdentifier, false,
            ext.createAuthorityKeyIdentifier(issuer.certificate()));
      }
      if (usage != null) {
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(usage));
      }
      KeyPair signer = issuer == null ? keys : issuer.keys();
      X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
          b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
      return new Issued(cert, keys);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static X500Name name(String cn, List<String> orgs) {
    X500NameBuilder n = new X500NameBuilder(BCStyle.INSTANCE);
    orgs.forEach(o -> n.addRDN(BCStyle.O, o));
    if (!cn.isEmpty()) {
      n.addRDN(BCStyle.CN, cn);
    }
    return n.build();
  }
}
