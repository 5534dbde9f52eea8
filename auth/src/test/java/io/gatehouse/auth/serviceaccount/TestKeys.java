package io.gatehouse.auth.serviceaccount;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;

/** The upstream test keys (resources) and freshly generated ones. */
final class TestKeys {

  private TestKeys() {}

  static byte[] resource(String name) {
    try (InputStream in = TestKeys.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SigningKey upstreamRsa() {
    return SigningKey.of(KeyFiles.parsePrivateKeyPem(resource("rsa-private.pem")));
  }

  static SigningKey upstreamEc() {
    return SigningKey.of(KeyFiles.parsePrivateKeyPem(resource("ec-private.pem")));
  }

  static PrivateKey ec(String curve) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec(curve));
      return g.generateKeyPair().getPrivate();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static PrivateKey rsa(int bits) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(bits);
      return g.generateKeyPair().getPrivate();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
