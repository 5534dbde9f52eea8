package io.gatehouse.server.pki;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority: generates itself, and issues serving and client certificates as
 * kubeadm lays them out (server auth with IP and DNS SANs; client auth with CN = user, O =
 * groups). ECDSA P-256 keys signed with SHA-256. Immutable; thread-safe.
 */
public final class CertificateAuthority {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final KeyAndCertificate ca;

  private CertificateAuthority(KeyAndCertificate ca) {
    this.ca = ca;
  }

  /** Returns an authority for an existing key and certificate. */
  public static CertificateAuthority of(KeyAndCertificate ca) {
    return new CertificateAuthority(ca);
  }

  /** Generates a self-signed CA named {@code commonName}, valid from {@code now} for {@code validity}. */
  public static CertificateAuthority generate(String commonName, Instant now, Duration validity) {
    KeyPair keys = newKeyPair();
    X500Name name = name(commonName, List.of());
    try {
      X509v3CertificateBuilder b = builder(name, name, keys.getPublic(), now, validity);
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      b.addExtension(Extension.keyUsage, true,
          new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
      b.addExtension(Extension.subjectKeyIdentifier, false,
          ext.createSubjectKeyIdentifier(keys.getPublic()));
      X509Certificate cert = sign(b, keys);
      return new CertificateAuthority(new KeyAndCertificate(keys.getPrivate(), List.of(cert)));
    } catch (GeneralSecurityException | CertIOException e) {
      throw new IllegalStateException("cannot generate CA certificate", e);
    }
  }

  /** Returns the authority's key and certificate. */
  public KeyAndCertificate keyAndCertificate() {
    return ca;
  }

  /** Returns the CA certificate. */
  public X509Certificate certificate() {
    return ca.certificate();
  }

  /** Issues a TLS server certificate for {@code ips} and {@code dnsNames}. */
  public KeyAndCertificate issueServing(
      String commonName, List<InetAddress> ips, List<String> dnsNames, Instant now, Duration validity) {
    List<GeneralName> sans = new ArrayList<>();
    dnsNames.forEach(d -> sans.add(new GeneralName(GeneralName.dNSName, d)));
    ips.forEach(ip -> sans.add(new GeneralName(GeneralName.iPAddress, ip.getHostAddress())));
    return issue(name(commonName, List.of()), KeyPurposeId.id_kp_serverAuth, sans, now, validity);
  }

  /** Issues a client certificate for user {@code commonName} in {@code organizations}. */
  public KeyAndCertificate issueClient(
      String commonName, List<String> organizations, Instant now, Duration validity) {
    return issue(name(commonName, organizations), KeyPurposeId.id_kp_clientAuth, List.of(), now,
        validity);
  }

  private KeyAndCertificate issue(X500Name subject, KeyPurposeId usage, List<GeneralName> sans,
      Instant now, Duration validity) {
    KeyPair keys = newKeyPair();
    try {
      X500Name issuer = X500Name.getInstance(certificate().getSubjectX500Principal().getEncoded());
      X509v3CertificateBuilder b = builder(issuer, subject, keys.getPublic(), now, validity);
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(usage));
      b.addExtension(Extension.authorityKeyIdentifier, false,
          ext.createAuthorityKeyIdentifier(certificate()));
      if (!sans.isEmpty()) {
        b.addExtension(Extension.subjectAlternativeName, false,
            new GeneralNames(sans.toArray(GeneralName[]::new)));
      }
      X509Certificate cert = sign(b, new KeyPair(certificate().getPublicKey(), ca.key()));
      return new KeyAndCertificate(keys.getPrivate(), List.of(cert));
    } catch (GeneralSecurityException | CertIOException e) {
      throw new IllegalStateException("cannot issue certificate", e);
    }
  }

  private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey key,
      Instant now, Duration validity) {
    BigInteger serial = new BigInteger(127, RANDOM).add(BigInteger.ONE);
    Instant notBefore = now.minus(Duration.ofMinutes(5));
    return new JcaX509v3CertificateBuilder(issuer, serial, Date.from(notBefore),
        Date.from(now.plus(validity)), subject, key);
  }

  private static X509Certificate sign(X509v3CertificateBuilder b, KeyPair signer)
      throws GeneralSecurityException {
    try {
      var signerOp = new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate());
      return new JcaX509CertificateConverter().getCertificate(b.build(signerOp));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  private static X500Name name(String commonName, List<String> organizations) {
    X500NameBuilder n = new X500NameBuilder(BCStyle.INSTANCE);
    organizations.forEach(o -> n.addRDN(BCStyle.O, o));
    n.addRDN(BCStyle.CN, commonName);
    return n.build();
  }

  private static KeyPair newKeyPair() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("EC P-256 unavailable", e);
    }
  }
}
