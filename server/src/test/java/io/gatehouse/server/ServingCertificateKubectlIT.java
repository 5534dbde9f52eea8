package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.server.pki.Pem;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated serving certificate answers to the names in-cluster clients use for the API
 * server — the {@code kubernetes} Service's IP (10.0.0.1 for the default range) and {@code
 * kubernetes.default.svc} and its relatives — checked by kubectl 1.33 and 1.30 through {@code
 * --tls-server-name} (the connection still goes to 127.0.0.1) and by the JDK's HTTPS endpoint
 * identification over a socket connected to 127.0.0.1.
 */
class ServingCertificateKubectlIT {

  private static final String DNS_NAMES = "localhost, kubernetes, kubernetes.default, "
      + "kubernetes.default.svc, kubernetes.default.svc.cluster.local";

  @RegisterExtension
  static final KubectlServer server = KubectlServer.builder().build();

  private static Stream<String> names() {
    return Stream.of("kubernetes", "kubernetes.default", "kubernetes.default.svc",
        "kubernetes.default.svc.cluster.local", "10.0.0.1");
  }

  @ParameterizedTest(name = "{0}")
  @KubectlVersions
  void getNamespace_tlsServerNameOfKubernetesService_verifies(Kubectl k) {
    for (String name : names().toList()) {
      Kubectl.Result r = server.admin(k, "--tls-server-name=" + name, "get", "ns", "default",
          "-o", "name");

      assertThat(r.exitCode()).as(name + ": " + r.stderr()).isZero();
      assertThat(r.stdout()).isEqualTo("namespace/default\n");
    }
  }

  @ParameterizedTest(name = "{0}")
  @KubectlVersions
  void getNamespace_tlsServerNameNotOnCertificate_failsVerification(Kubectl k) {
    Kubectl.Result r = server.admin(k, "--tls-server-name=apiserver.example", "get", "ns");

    assertThat(r.exitCode()).isNotZero();
    assertThat(r.stderr()).contains("x509: certificate is valid for " + DNS_NAMES
        + ", not apiserver.example");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void handshake_peerHostOfKubernetesService_passesHostnameVerification(String name)
      throws Exception {
    try (SSLSocket socket = connect(name)) {
      socket.startHandshake();

      X509Certificate leaf = (X509Certificate) socket.getSession().getPeerCertificates()[0];
      assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("CN=gatehouse-apiserver");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("otherNames")
  void handshake_peerHostNotOnCertificate_fails(String name) throws Exception {
    try (SSLSocket socket = connect(name)) {
      assertThatThrownBy(socket::startHandshake).isInstanceOf(SSLHandshakeException.class)
          .hasMessageContaining("No subject alternative");
    }
  }

  private static Stream<String> otherNames() {
    return Stream.of("kubernetes.default.svc.example", "10.0.0.2");
  }

  /**
   * A TLS socket to 127.0.0.1 whose peer host (for endpoint identification, and SNI for a DNS
   * name) is {@code name}, trusting only the server's CA.
   */
  private static SSLSocket connect(String name) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", Pem.readCertificates(server.ca()).getFirst());
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, tmf.getTrustManagers(), null);
    Socket plain = new Socket();
    plain.connect(new InetSocketAddress("127.0.0.1", server.server().port()), 5000);
    SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, name,
        server.server().port(), true);
    SSLParameters params = socket.getSSLParameters();
    params.setEndpointIdentificationAlgorithm("HTTPS");
    if (!Character.isDigit(name.charAt(0))) {
      params.setServerNames(List.of(new SNIHostName(name)));
    }
    socket.setSSLParameters(params);
    socket.setSoTimeout(5000);
    return socket;
  }
}
