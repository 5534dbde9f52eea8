package io.gatehouse.auth.serviceaccount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KeyFilesTest {

  private static final String RSA_KID = "JHJehTTTZlsspKHT-GaJxK7Kd1NQgZJu3fyK6K_QDYU";
  private static final String EC_KID = "SoABiieYuNx4UdqYvZRVeuC6SihxgLrhLy9peHMHpTc";

  private record Case(String name, String pem, List<String> keyIds) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Stream<Case> publicKeyFiles() throws Exception {
    String rsaPriv = text("rsa-private.pem");
    String ecPriv = text("ec-private.pem");
    String rsaPub = text("rsa-public.pem");
    String ecPub = text("ec-public.pem");
    return Stream.of(
        new Case("PKIX RSA public key", rsaPub, List.of(RSA_KID)),
        new Case("PKIX EC public key", ecPub, List.of(EC_KID)),
        new Case("PKCS#1 RSA private key", rsaPriv, List.of(RSA_KID)),
        new Case("SEC 1 EC private key", ecPriv, List.of(EC_KID)),
        new Case("several blocks with text between", ecPub + "\nnoise\n" + rsaPriv,
            List.of(EC_KID, RSA_KID)),
        new Case("unknown block skipped", "-----BEGIN FOO-----\nAAAA\n-----END FOO-----\n" + rsaPub,
            List.of(RSA_KID)),
        new Case("certificate", certificatePem(), List.of(RSA_KID)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("publicKeyFiles")
  void parsePublicKeysPem_keyBlocks_upstreamKeyIds(Case c) {
    List<PublicKey> keys = KeyFiles.parsePublicKeysPem(c.pem().getBytes(StandardCharsets.UTF_8));

    assertThat(keys.stream().map(VerificationKey::keyId)).containsExactlyElementsOf(c.keyIds());
  }

  @Test
  void parsePrivateKeyPem_upstreamKeys_signWithUpstreamKeyIds() {
    assertThat(TestKeys.upstreamRsa().verification().keyId()).isEqualTo(RSA_KID);
    assertThat(TestKeys.upstreamRsa().verification().algorithm()).isEqualTo(JwsAlgorithm.RS256);
    assertThat(TestKeys.upstreamEc().verification().keyId()).isEqualTo(EC_KID);
    assertThat(TestKeys.upstreamEc().verification().algorithm()).isEqualTo(JwsAlgorithm.ES256);
  }

  @Test
  void parsePrivateKeyPem_pkcs8AfterEcParameters_readsKey() {
    PrivateKey key = TestKeys.ec("secp384r1");
    String pem = "-----BEGIN EC PARAMETERS-----\nBgUrgQQAIg==\n-----END EC PARAMETERS-----\n"
        + KeyFiles.privateKeyPem(key);

    PrivateKey read = KeyFiles.parsePrivateKeyPem(pem.getBytes(StandardCharsets.UTF_8));

    assertThat(read.getEncoded()).isEqualTo(key.getEncoded());
    assertThat(SigningKey.of(read).verification().algorithm()).isEqualTo(JwsAlgorithm.ES384);
  }

  @Test
  void parsePublicKeysPem_sec1WithoutPublicKey_derivesPublicKey() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(521);
    KeyPair pair = g.generateKeyPair();
    BigInteger d = ((ECPrivateKey) pair.getPrivate()).getS();
    PrivateKeyInfo info = PrivateKeyInfo.getInstance(pair.getPrivate().getEncoded());
    org.bouncycastle.asn1.sec.ECPrivateKey bare = new org.bouncycastle.asn1.sec.ECPrivateKey(521,
        d, info.getPrivateKeyAlgorithm().getParameters());
    String pem = "-----BEGIN EC PRIVATE KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(bare.getEncoded()) + "\n-----END EC PRIVATE KEY-----\n";

    List<PublicKey> keys = KeyFiles.parsePublicKeysPem(pem.getBytes(StandardCharsets.UTF_8));

    assertThat(keys).hasSize(1);
    assertThat(keys.get(0).getEncoded()).isEqualTo(pair.getPublic().getEncoded());
  }

  @Test
  void privateKeyFromFile_noKey_upstreamError(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("sa.pub"), text("rsa-public.pem"));

    assertThatThrownBy(() -> KeyFiles.privateKeyFromFile(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("error reading private key file " + file
            + ": data does not contain a valid RSA or ECDSA private key");
  }

  @Test
  void publicKeysFromFile_noKey_upstreamError(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("garbage"), "not a key");

    assertThatThrownBy(() -> KeyFiles.publicKeysFromFile(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("error reading public key file " + file
            + ": data does not contain any valid RSA or ECDSA public keys");
  }

  @Test
  void publicKeysFromFile_missingFile_openError(@TempDir Path dir) {
    Path file = dir.resolve("absent.pem");

    assertThatThrownBy(() -> KeyFiles.publicKeysFromFile(file))
        .hasMessage("open " + file + ": no such file or directory");
  }

  private static String text(String resource) {
    return new String(TestKeys.resource(resource), StandardCharsets.UTF_8);
  }

  private static String certificatePem() throws Exception {
    PrivateKey key = TestKeys.upstreamRsa().privateKey();
    PublicKey pub = TestKeys.upstreamRsa().verification().key();
    X500Name name = new X500Name("CN=test");
    Instant now = Instant.parse("2025-01-01T00:00:00Z");
    byte[] der = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, Date.from(now),
        Date.from(now.plusSeconds(3600)), name, pub)
        .build(new JcaContentSignerBuilder("SHA256withRSA").build(key)).getEncoded();
    return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(der)
        + "\n-----END CERTIFICATE-----\n";
  }
}
