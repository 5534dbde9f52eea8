package io.gatehouse.auth.serviceaccount;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Service-account key files as upstream's {@code keyutil} reads them: a signing key is the first
 * {@code EC PRIVATE KEY} (SEC 1), {@code RSA PRIVATE KEY} (PKCS#1) or {@code PRIVATE KEY} (PKCS#8)
 * block; verification keys are every RSA or ECDSA key found in any block, whatever its type —
 * private keys (their public half), PKIX public keys and certificates. Other blocks are skipped.
 * ASN.1 is read with Bouncy Castle's parser; the keys are JDK keys. Stateless.
 */
public final class KeyFiles {

  private KeyFiles() {}

  /**
   * Reads a signing key file.
   *
   * @throws IllegalArgumentException with upstream's text ({@code error reading private key file
   *     <file>: data does not contain a valid RSA or ECDSA private key}, or the open error)
   */
  public static PrivateKey privateKeyFromFile(Path file) {
    byte[] data = read(file);
    try {
      return parsePrivateKeyPem(data);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("error reading private key file " + file + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * Reads a verification key file.
   *
   * @throws IllegalArgumentException with upstream's text ({@code error reading public key file
   *     <file>: data does not contain any valid RSA or ECDSA public keys}, or the open error)
   */
  public static List<PublicKey> publicKeysFromFile(Path file) {
    byte[] data = read(file);
    try {
      return parsePublicKeysPem(data);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("error reading public key file " + file + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * Returns the first private key of PEM {@code data}.
   *
   * @throws IllegalArgumentException if there is none
   */
  public static PrivateKey parsePrivateKeyPem(byte[] data) {
    for (PemBlocks.Block b : PemBlocks.parse(data)) {
      Optional<PrivateKey> key = switch (b.type()) {
        case "EC PRIVATE KEY" -> sec1(b.der());
        case "RSA PRIVATE KEY" -> pkcs1(b.der());
        case "PRIVATE KEY" -> pkcs8(b.der());
        default -> Optional.empty();
      };
      if (key.isPresent()) {
        return key.get();
      }
    }
    throw new IllegalArgumentException("data does not contain a valid RSA or ECDSA private key");
  }

  /**
   * Returns every public key of PEM {@code data}.
   *
   * @throws IllegalArgumentException if there is none
   */
  public static List<PublicKey> parsePublicKeysPem(byte[] data) {
    List<PublicKey> keys = new ArrayList<>();
    for (PemBlocks.Block b : PemBlocks.parse(data)) {
      Optional<PrivateKey> priv = pkcs1(b.der()).or(() -> pkcs8(b.der())).or(() -> sec1(b.der()));
      if (priv.isPresent()) {
        keys.add(publicKeyOf(priv.get()));
        continue;
      }
      pkix(b.der()).or(() -> certificateKey(b.der())).ifPresent(keys::add);
    }
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("data does not contain any valid RSA or ECDSA public keys");
    }
    return keys;
  }

  /**
   * Returns the public half of an RSA (CRT) or EC private key.
   *
   * @throws IllegalArgumentException for another key type
   */
  public static PublicKey publicKeyOf(PrivateKey key) {
    try {
      if (key instanceof RSAPrivateCrtKey rsa) {
        return KeyFactory.getInstance("RSA").generatePublic(
            new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
      }
      if (key instanceof ECPrivateKey ec) {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(ec.getEncoded());
        ASN1ObjectIdentifier curve =
            ASN1ObjectIdentifier.getInstance(info.getPrivateKeyAlgorithm().getParameters());
        org.bouncycastle.asn1.sec.ECPrivateKey inner =
            org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey());
        DERBitString point = inner.getPublicKey() != null ? (DERBitString) inner.getPublicKey()
            : new DERBitString(multiplyGenerator(curve, ec.getS()));
        SubjectPublicKeyInfo spki = new SubjectPublicKeyInfo(
            new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve), point.getBytes());
        return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(spki.getEncoded()));
      }
    } catch (GeneralSecurityException | IOException | RuntimeException e) {
      throw new IllegalArgumentException("cannot derive the public key: " + e.getMessage(), e);
    }
    throw new IllegalArgumentException("unknown private key type " + key.getAlgorithm()
        + ", must be *rsa.PrivateKey or *ecdsa.PrivateKey");
  }

  /** Returns {@code key} as a PKCS#8 {@code PRIVATE KEY} PEM block. */
  public static String privateKeyPem(PrivateKey key) {
    return pem("PRIVATE KEY", key.getEncoded());
  }

  /** Returns {@code key} as a PKIX {@code PUBLIC KEY} PEM block. */
  public static String publicKeyPem(PublicKey key) {
    return pem("PUBLIC KEY", key.getEncoded());
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  private static byte[] multiplyGenerator(ASN1ObjectIdentifier curve, BigInteger d) {
    X9ECParameters params = ECNamedCurveTable.getByOID(curve);
    if (params == null) {
      throw new IllegalArgumentException("unknown curve " + curve);
    }
    return params.getG().multiply(d).normalize().getEncoded(false);
  }

  private static Optional<PrivateKey> pkcs1(byte[] der) {
    try {
      RSAPrivateKey k = RSAPrivateKey.getInstance(der);
      return Optional.of(KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateCrtKeySpec(
          k.getModulus(), k.getPublicExponent(), k.getPrivateExponent(), k.getPrime1(),
          k.getPrime2(), k.getExponent1(), k.getExponent2(), k.getCoefficient())));
    } catch (GeneralSecurityException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<PrivateKey> sec1(byte[] der) {
    try {
      org.bouncycastle.asn1.sec.ECPrivateKey k =
          org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(der);
      if (k.getParametersObject() == null) {
        return Optional.empty();
      }
      PrivateKeyInfo info = new PrivateKeyInfo(
          new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, k.getParametersObject()), k);
      return Optional.of(KeyFactory.getInstance("EC")
          .generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded())));
    } catch (GeneralSecurityException | IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<PrivateKey> pkcs8(byte[] der) {
    for (String algorithm : new String[] {"RSA", "EC"}) {
      try {
        return Optional.of(KeyFactory.getInstance(algorithm)
            .generatePrivate(new PKCS8EncodedKeySpec(der)));
      } catch (GeneralSecurityException | RuntimeException e) {
        // try the next algorithm
      }
    }
    return Optional.empty();
  }

  private static Optional<PublicKey> pkix(byte[] der) {
    for (String algorithm : new String[] {"RSA", "EC"}) {
      try {
        return Optional.of(KeyFactory.getInstance(algorithm)
            .generatePublic(new X509EncodedKeySpec(der)));
      } catch (GeneralSecurityException | RuntimeException e) {
        // try the next algorithm
      }
    }
    return Optional.empty();
  }

  private static Optional<PublicKey> certificateKey(byte[] der) {
    try {
      PublicKey k = CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(der)).getPublicKey();
      return k.getAlgorithm().equals("RSA") || k.getAlgorithm().equals("EC")
          ? Optional.of(k) : Optional.empty();
    } catch (GeneralSecurityException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("open " + file + ": no such file or directory", e);
    } catch (IOException e) {
      throw new IllegalArgumentException("open " + file + ": " + e.getMessage(), e);
    }
  }
}
