package io.gatehouse.auth.webhook;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * TLS material for loopback test servers: a freshly generated CA and a serving certificate for
 * 127.0.0.1 it signed (ECDSA P-256, valid for an hour).
 *
 * @param serverContext a TLS context serving the certificate
 * @param caPem the CA certificate in PEM, for clients to trust
 */
public record TestTls(SSLContext serverContext, String caPem) {

  /** Generates new material. */
  public static TestTls generate() throws Exception {
    KeyPair caKeys = keys();
    X509Certificate ca = certificate("CN=test-ca", caKeys, "CN=test-ca", caKeys, true);
    KeyPair serverKeys = keys();
    X509Certificate cert = certificate("CN=127.0.0.1", serverKeys, "CN=test-ca", caKeys, false);
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("server", serverKeys.getPrivate(), new char[0], new X509Certificate[] {cert, ca});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(store, new char[0]);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(kmf.getKeyManagers(), null, null);
    StringWriter pem = new StringWriter();
    try (PemWriter w = new PemWriter(pem)) {
      w.writeObject(new PemObject("CERTIFICATE", ca.getEncoded()));
    }
    return new TestTls(ssl, pem.toString());
  }

  private static KeyPair keys() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  private static X509Certificate certificate(String subject, KeyPair subjectKeys, String issuer,
      KeyPair issuerKeys, boolean isCa) throws Exception {
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(issuer),
        BigInteger.valueOf(System.nanoTime()), Date.from(now.minusSeconds(60)),
        Date.from(now.plusSeconds(3600)), new X500Name(subject), subjectKeys.getPublic());
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
    if (!isCa) {
      b.addExtension(Extension.subjectAlternativeName, false,
          new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
    }
    return new JcaX509CertificateConverter().getCertificate(
        b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
  }
}
