package io.gatehouse.server.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * PEM encoding of certificates and private keys, and files written atomically (private keys
 * readable by the owner only). Stateless; thread-safe.
 */
public final class Pem {

  private Pem() {}

  /** Returns {@code certificates} as concatenated {@code CERTIFICATE} blocks. */
  public static String certificates(List<X509Certificate> certificates) {
    StringWriter out = new StringWriter();
    try (PemWriter w = new PemWriter(out)) {
      for (X509Certificate c : certificates) {
        w.writeObject(new PemObject("CERTIFICATE", c.getEncoded()));
      }
    } catch (IOException | CertificateException e) {
      throw new IllegalStateException("cannot encode certificate", e);
    }
    return out.toString();
  }

  /** Returns {@code key} as a PKCS#8 {@code PRIVATE KEY} block. */
  public static String privateKey(PrivateKey key) {
    StringWriter out = new StringWriter();
    try (PemWriter w = new PemWriter(out)) {
      w.writeObject(new PemObject("PRIVATE KEY", key.getEncoded()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Reads every certificate of a PEM file.
   *
   * @throws IllegalArgumentException naming the file if it cannot be read or holds none
   */
  public static List<X509Certificate> readCertificates(Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      List<X509Certificate> certs = CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(bytes)).stream()
          .map(X509Certificate.class::cast).toList();
      if (certs.isEmpty()) {
        throw new IllegalArgumentException(file + ": no certificates found");
      }
      return certs;
    } catch (IOException | CertificateException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads the first private key of a PEM file (PKCS#8, PKCS#1 RSA or SEC1 EC).
   *
   * @throws IllegalArgumentException naming the file if it holds no readable key
   */
  public static PrivateKey readPrivateKey(Path file) {
    try (PEMParser parser = new PEMParser(new StringReader(Files.readString(file)))) {
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
        if (o instanceof PrivateKeyInfo info) {
          return converter.getPrivateKey(info);
        }
        if (o instanceof PEMKeyPair pair) {
          return converter.getKeyPair(pair).getPrivate();
        }
      }
      throw new IllegalArgumentException(file + ": no private key found");
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /** Writes {@code text} to {@code file} atomically; {@code secret} files get mode 0600. */
  public static void write(Path file, String text, boolean secret) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
      try {
        if (secret) {
          Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        }
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (UnsupportedOperationException e) {
      throw new IllegalStateException("file permissions unsupported for " + file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
