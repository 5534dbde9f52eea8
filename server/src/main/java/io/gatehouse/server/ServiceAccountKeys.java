package io.gatehouse.server;

import io.gatehouse.auth.serviceaccount.KeyFiles;
import io.gatehouse.auth.serviceaccount.SigningKey;
import io.gatehouse.auth.serviceaccount.VerificationKey;
import io.gatehouse.auth.serviceaccount.VerificationKeys;
import io.gatehouse.server.pki.Pem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service-account signing key and verification keys: {@code
 * --service-account-signing-key-file}, or {@code <data-dir>/pki/service-account.key} (RSA 2048,
 * PKCS#8, mode 0600, generated on first start, as kubeadm's {@code sa.key}); verification keys are
 * every {@code --service-account-key-file} plus the signing key's public half (upstream requires
 * listing it; here it is implied). Immutable.
 *
 * @param signing the key tokens are signed with
 * @param verification the keys tokens are verified with (and the JWKS publishes)
 */
record ServiceAccountKeys(SigningKey signing, VerificationKeys verification) {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceAccountKeys.class);

  /**
   * Loads (or generates) the keys.
   *
   * @throws IllegalArgumentException with upstream's texts for unreadable key files
   */
  static ServiceAccountKeys load(ServiceAccountOptions options, Path dataDir) {
    PrivateKey key;
    if (options.signingKeyFile().isPresent()) {
      try {
        key = KeyFiles.privateKeyFromFile(options.signingKeyFile().get());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("failed to parse service-account-issuer-key-file: "
            + e.getMessage(), e);
      }
    } else {
      key = generated(dataDir.resolve("pki").resolve("service-account.key"));
    }
    SigningKey signing;
    try {
      signing = SigningKey.of(key);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("failed to build token generator: " + e.getMessage(), e);
    }
    List<PublicKey> keys = new ArrayList<>();
    for (Path file : options.keyFiles()) {
      keys.addAll(KeyFiles.publicKeysFromFile(file));
    }
    String signingId = signing.verification().keyId();
    if (keys.stream().noneMatch(k -> VerificationKey.keyId(k).equals(signingId))) {
      keys.add(signing.verification().key());
    }
    return new ServiceAccountKeys(signing, VerificationKeys.of(keys));
  }

  private static PrivateKey generated(Path file) {
    if (Files.exists(file)) {
      return KeyFiles.privateKeyFromFile(file);
    }
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      PrivateKey key = g.generateKeyPair().getPrivate();
      Pem.write(file, KeyFiles.privateKeyPem(key), true);
      Pem.write(file.resolveSibling("service-account.pub"),
          KeyFiles.publicKeyPem(KeyFiles.publicKeyOf(key)), false);
      LOG.atInfo().setMessage("Generated service account signing key").addKeyValue("file", file)
          .log();
      return key;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate an RSA key", e);
    }
  }
}
