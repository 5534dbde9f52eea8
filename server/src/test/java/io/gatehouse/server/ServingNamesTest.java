package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.pki.CertificateAuthority;
import io.gatehouse.server.pki.KeyAndCertificate;
import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The serving certificate's names for the bind address, {@code --advertise-address} and {@code
 * --service-cluster-ip-range}, and the certificate issued for them.
 */
class ServingNamesTest {

  private static final List<String> DNS = List.of("localhost", "kubernetes", "kubernetes.default",
      "kubernetes.default.svc", "kubernetes.default.svc.cluster.local");

  private record Case(String name, String bind, Optional<String> range, Optional<String> advertise,
      List<String> ips) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Stream<Case> cases() {
    return Stream.of(
        new Case("defaults: loopback bind, 10.0.0.0/24", "127.0.0.1", Optional.empty(),
            Optional.empty(), List.of("127.0.0.1", "10.0.0.1")),
        new Case("wildcard bind adds no address", "0.0.0.0", Optional.empty(), Optional.empty(),
            List.of("127.0.0.1", "10.0.0.1")),
        new Case("specific bind address", "192.168.5.4", Optional.empty(), Optional.empty(),
            List.of("127.0.0.1", "192.168.5.4", "10.0.0.1")),
        new Case("advertise address", "0.0.0.0", Optional.empty(), Optional.of("172.16.0.9"),
            List.of("127.0.0.1", "172.16.0.9", "10.0.0.1")),
        new Case("advertise address equal to the bind address", "172.16.0.9", Optional.empty(),
            Optional.of("172.16.0.9"), List.of("127.0.0.1", "172.16.0.9", "10.0.0.1")),
        new Case("other range: its first address", "127.0.0.1", Optional.of("10.96.0.0/12"),
            Optional.empty(), List.of("127.0.0.1", "10.96.0.1")),
        new Case("range given with host bits", "127.0.0.1", Optional.of("10.200.3.77/16"),
            Optional.empty(), List.of("127.0.0.1", "10.200.0.1")));
  }

  private static ServingNames names(Case c) throws Exception {
    ServiceNetworkOptions network = new ServiceNetworkOptions(c.range(),
        ServiceNetworkOptions.DEFAULT_NODE_PORT_RANGE, c.advertise());
    return ServingNames.of(InetAddress.getByName(c.bind()), network);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void of_options_namesKubernetesServiceAndAddresses(Case c) throws Exception {
    ServingNames names = names(c);

    assertThat(names.ips()).extracting(InetAddress::getHostAddress)
        .containsExactlyElementsOf(c.ips());
    assertThat(names.dnsNames()).containsExactlyElementsOf(DNS);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void issueServing_names_certificateCarriesEverySan(Case c) throws Exception {
    ServingNames names = names(c);
    Instant now = Instant.parse("2026-11-22T12:00:00Z");
    CertificateAuthority ca = CertificateAuthority.generate("test-ca", now, Duration.ofDays(1));

    KeyAndCertificate serving = ca.issueServing("gatehouse-apiserver", names.ips(),
        names.dnsNames(), now, Duration.ofDays(1));

    List<String> expected = new ArrayList<>(DNS);
    expected.addAll(c.ips());
    assertThat(sans(serving.certificate())).containsExactlyInAnyOrderElementsOf(expected);
  }

  private static List<String> sans(X509Certificate cert) throws Exception {
    List<String> out = new ArrayList<>();
    Collection<List<?>> all = cert.getSubjectAlternativeNames();
    for (List<?> san : all) {
      out.add(String.valueOf(san.get(1)));
    }
    return out;
  }
}
