package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.Status;
import io.gatehouse.api.StatusException;
import io.gatehouse.api.Unstructured;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cluster IP and node port allocation through the REST handlers, with kube-apiserver 1.33's
 * results and messages: dynamic and requested IPs and ports, headless and ExternalName Services,
 * release on delete, immutability on update, type changes, dry runs, and nothing left reserved
 * when a write fails.
 */
class ServiceAllocationTest {

  static final String SERVICES = "/api/v1/namespaces/default/services";
  private static final String IPS = "/apis/networking.k8s.io/v1/ipaddresses";
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"),
      ZoneOffset.UTC);

  private final RestFixture api = new RestFixture(user -> request -> {
    if (request.name().equals("denied")) {
      throw StatusException.badRequest("denied by test admission");
    }
    return List.of();
  });

  ServiceAllocationTest() {
    ServiceNetwork.open(api.registry, api.table, ServiceNetworkOptions.DEFAULT, CLOCK,
        new Random(7));
  }

  static String service(String name, String spec) {
    return "{\"metadata\":{\"name\":\"" + name + "\"},\"spec\":" + spec + "}";
  }

  private Unstructured create(String name, String spec) {
    return body(api.json("POST", SERVICES, service(name, spec)), 201);
  }

  @Test
  void create_clusterIpService_allocatesFromUpperSubrangeWithIpAddress() {
    Unstructured svc = create("web", "{\"selector\":{\"app\":\"web\"},\"ports\":[{\"port\":80}]}");

    String ip = svc.get("spec", "clusterIP").map(String::valueOf).orElseThrow();
    long value = Ipv4Prefix.parseAddress(ip).orElseThrow();
    assertThat(value).isBetween(Ipv4Prefix.parseAddress("10.0.0.17").orElseThrow(),
        Ipv4Prefix.parseAddress("10.0.0.254").orElseThrow());
    assertThat(svc.get("spec", "clusterIPs")).contains(List.of(ip));
    Unstructured address = body(api.json("GET", IPS + "/" + ip, ""), 200);
    assertThat(address.labels()).isEqualTo(Map.of(
        "ipaddress.kubernetes.io/ip-family", "IPv4",
        "ipaddress.kubernetes.io/managed-by", "ipallocator.k8s.io"));
    assertThat(address.get("spec", "parentRef")).contains(Map.of("resource", "services",
        "namespace", "default", "name", "web"));
  }

  @Test
  void create_requestedClusterIp_isHonoured() {
    Unstructured svc = create("db", "{\"clusterIP\":\"10.0.0.5\",\"ports\":[{\"port\":5432}]}");

    assertThat(svc.get("spec", "clusterIPs")).contains(List.of("10.0.0.5"));
    assertThat(api.json("GET", IPS + "/10.0.0.5", "").status()).isEqualTo(200);
  }

  @Test
  void create_headlessAndExternalName_allocateNothing() {
    Unstructured headless = create("h", "{\"clusterIP\":\"None\",\"selector\":{\"a\":\"b\"},"
        + "\"ports\":[{\"port\":80}]}");
    Unstructured external = create("x", "{\"type\":\"ExternalName\",\"externalName\":\"a.io\"}");

    assertThat(headless.get("spec", "clusterIPs")).contains(List.of("None"));
    assertThat(external.has("spec", "clusterIP")).isFalse();
    assertThat(items(api.json("GET", IPS, ""))).isEmpty();
  }

  private record Case(String name, List<String> existing, String request, int code,
      String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Stream<Case> rejected() {
    String p80 = "\"ports\":[{\"port\":80}]";
    return Stream.of(
        new Case("requested IP already allocated",
            List.of(service("a", "{\"clusterIP\":\"10.0.0.5\"," + p80 + "}")),
            service("b", "{\"clusterIP\":\"10.0.0.5\"," + p80 + "}"), 422,
            "Service \"b\" is invalid: spec.clusterIPs: Invalid value: []string{\"10.0.0.5\"}: "
                + "failed to allocate IP 10.0.0.5: provided IP is already allocated"),
        new Case("requested IP outside every ServiceCIDR", List.of(),
            service("b", "{\"clusterIP\":\"192.168.1.1\"," + p80 + "}"), 422,
            "Service \"b\" is invalid: spec.clusterIPs: Invalid value: []string{\"192.168.1.1\"}: "
                + "failed to allocate IP 192.168.1.1: the provided network does not match the "
                + "current range"),
        new Case("network address", List.of(),
            service("b", "{\"clusterIP\":\"10.0.0.0\"," + p80 + "}"), 422,
            "Service \"b\" is invalid: spec.clusterIPs: Invalid value: []string{\"10.0.0.0\"}: "
                + "failed to allocate IP 10.0.0.0: the provided network does not match the "
                + "current range"),
        new Case("not an IP", List.of(),
            service("b", "{\"clusterIP\":\"10.0.0.x\"," + p80 + "}"), 422,
            "Service \"b\" is invalid: spec.clusterIPs[0]: Invalid value: \"10.0.0.x\": must be a "
                + "valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"),
        new Case("IPv6 on an IPv4 cluster", List.of(),
            service("b", "{\"clusterIP\":\"fd00::1\"," + p80 + "}"), 422,
            "Service \"b\" is invalid: spec.clusterIPs[0]: Invalid value: []string{\"fd00::1\"}: "
                + "IPv6 is not configured on this cluster"),
        new Case("RequireDualStack on an IPv4 cluster", List.of(),
            service("b", "{\"ipFamilyPolicy\":\"RequireDualStack\",\"selector\":{\"a\":\"b\"},"
                + p80 + "}"), 422,
            "Service \"b\" is invalid: spec.ipFamilyPolicy: Invalid value: \"RequireDualStack\": "
                + "this cluster is not configured for dual-stack services"),
        new Case("requested node port already allocated",
            List.of(service("a", "{\"type\":\"NodePort\",\"ports\":[{\"port\":80,"
                + "\"nodePort\":30080}]}")),
            service("b", "{\"type\":\"NodePort\",\"ports\":[{\"port\":80,\"nodePort\":30080}]}"),
            422, "Service \"b\" is invalid: spec.ports[0].nodePort: Invalid value: 30080: "
                + "provided port is already allocated"),
        new Case("requested node port outside the range", List.of(),
            service("b", "{\"type\":\"NodePort\",\"ports\":[{\"port\":80,\"nodePort\":80}]}"),
            422, "Service \"b\" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided "
                + "port is not in the valid range. The range of valid ports is 30000-32767"),
        new Case("two ports asking for one node port", List.of(),
            service("b", "{\"type\":\"NodePort\",\"ports\":[{\"name\":\"a\",\"port\":80,"
                + "\"nodePort\":30080},{\"name\":\"b\",\"port\":81,\"nodePort\":30080}]}"),
            422, "Service \"b\" is invalid: spec.ports[1].nodePort: Invalid value: 30080: "
                + "provided port is already allocated"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejected")
  void create_invalidRequest_failsWithUpstreamMessage(Case c) {
    c.existing().forEach(e -> assertThat(api.json("POST", SERVICES, e).status()).isEqualTo(201));
    int before = items(api.json("GET", IPS, "")).size();

    ApiResponse r = api.json("POST", SERVICES, c.request());

    assertThat(r.status()).as(r.bodyText()).isEqualTo(c.code());
    assertThat(status(r).message()).isEqualTo(c.message());
    assertThat(items(api.json("GET", IPS, ""))).hasSize(before);
  }

  @Test
  void create_fullRange_isInternalError() {
    RestFixture small = new RestFixture();
    ServiceNetwork.open(small.registry, small.table, new ServiceNetworkOptions(
        Optional.of("10.1.0.0/29"), "30000-32767", Optional.empty()), CLOCK, new Random(1));
    for (int i = 0; i < 6; i++) {
      assertThat(small.json("POST", SERVICES, service("s" + i, "{\"ports\":[{\"port\":80}]}"))
          .status()).isEqualTo(201);
    }

    ApiResponse r = small.json("POST", SERVICES, service("s6", "{\"ports\":[{\"port\":80}]}"));

    assertThat(r.status()).isEqualTo(500);
    assertThat(status(r).message())
        .isEqualTo("Internal error occurred: failed to allocate a serviceIP: range is full");
  }

  @Test
  void delete_service_releasesIpAndNodePortAndEndpoints() {
    create("np", "{\"type\":\"NodePort\",\"clusterIP\":\"10.0.0.9\",\"ports\":[{\"port\":80,"
        + "\"nodePort\":30009}]}");
    assertThat(api.json("POST", "/api/v1/namespaces/default/endpoints",
        "{\"metadata\":{\"name\":\"np\"}}").status()).isEqualTo(201);

    assertThat(api.json("DELETE", SERVICES + "/np", "").status()).isEqualTo(200);

    assertThat(api.json("GET", IPS + "/10.0.0.9", "").status()).isEqualTo(404);
    assertThat(api.json("GET", "/api/v1/namespaces/default/endpoints/np", "").status())
        .isEqualTo(404);
    create("again", "{\"type\":\"NodePort\",\"clusterIP\":\"10.0.0.9\",\"ports\":[{\"port\":80,"
        + "\"nodePort\":30009}]}");
  }

  @Test
  void create_deniedByAdmission_leavesNothingReserved() {
    ApiResponse r = api.json("POST", SERVICES, service("denied", "{\"type\":\"NodePort\","
        + "\"clusterIP\":\"10.0.0.7\",\"ports\":[{\"port\":80,\"nodePort\":30007}]}"));

    assertThat(r.status()).isEqualTo(400);
    assertThat(api.json("GET", IPS + "/10.0.0.7", "").status()).isEqualTo(404);
    create("next", "{\"type\":\"NodePort\",\"clusterIP\":\"10.0.0.7\",\"ports\":[{\"port\":80,"
        + "\"nodePort\":30007}]}");
  }

  @Test
  void create_dryRun_reservesNothingAndShowsUpstreamPlaceholders() {
    Unstructured svc = body(api.json("POST", SERVICES + "?dryRun=All", service("dry",
        "{\"type\":\"NodePort\",\"ports\":[{\"port\":80}]}")), 201);

    assertThat(svc.get("spec", "clusterIP")).contains("10.0.0.0");
    assertThat(svc.get("spec", "ports")).get().asString().contains("nodePort=32769");
    assertThat(items(api.json("GET", IPS, ""))).isEmpty();
    assertThat(api.json("GET", SERVICES + "/dry", "").status()).isEqualTo(404);
  }

  @Test
  void update_withoutAllocatedValues_keepsThem() {
    Unstructured created = create("keep", "{\"type\":\"NodePort\",\"ports\":[{\"name\":\"http\","
        + "\"port\":80}]}");

    Unstructured updated = body(api.json("PUT", SERVICES + "/keep", service("keep",
        "{\"type\":\"NodePort\",\"ports\":[{\"name\":\"http\",\"port\":80}],"
            + "\"selector\":{\"app\":\"x\"}}")), 200);

    assertThat(updated.get("spec", "clusterIPs")).isEqualTo(created.get("spec", "clusterIPs"));
    assertThat(updated.get("spec", "ports")).isEqualTo(created.get("spec", "ports"));
  }

  @Test
  void update_changedClusterIp_isImmutable() {
    create("fixed", "{\"clusterIP\":\"10.0.0.5\",\"ports\":[{\"port\":80}]}");

    ApiResponse r = api.json("PUT", SERVICES + "/fixed", service("fixed",
        "{\"clusterIP\":\"10.0.0.6\",\"ports\":[{\"port\":80}]}"));

    assertThat(r.status()).isEqualTo(422);
    assertThat(status(r).message()).isEqualTo("Service \"fixed\" is invalid: spec.clusterIPs[0]: "
        + "Invalid value: []string{\"10.0.0.6\"}: may not change once set");
    assertThat(api.json("GET", IPS + "/10.0.0.6", "").status()).isEqualTo(404);
  }

  @Test
  void update_toExternalNameAndBack_releasesThenAllocates() {
    create("flip", "{\"type\":\"NodePort\",\"clusterIP\":\"10.0.0.8\",\"ports\":[{\"port\":80,"
        + "\"nodePort\":30008}]}");

    Unstructured external = body(api.send("PATCH", SERVICES + "/flip",
        "{\"spec\":{\"type\":\"ExternalName\",\"externalName\":\"example.com\"}}",
        "Content-Type", "application/merge-patch+json"), 200);

    assertThat(external.has("spec", "clusterIP")).isFalse();
    assertThat(external.has("spec", "ipFamilies")).isFalse();
    assertThat(external.get("spec", "ports")).contains(List.of(Map.of("port", 80L,
        "protocol", "TCP", "targetPort", 80L)));
    assertThat(api.json("GET", IPS + "/10.0.0.8", "").status()).isEqualTo(404);
    create("taker", "{\"type\":\"NodePort\",\"clusterIP\":\"10.0.0.8\",\"ports\":[{\"port\":80,"
        + "\"nodePort\":30008}]}");

    Unstructured back = body(api.send("PATCH", SERVICES + "/flip",
        "{\"spec\":{\"type\":\"ClusterIP\",\"externalName\":null}}",
        "Content-Type", "application/merge-patch+json"), 200);

    String ip = back.get("spec", "clusterIP").map(String::valueOf).orElseThrow();
    assertThat(ip).isNotEqualTo("10.0.0.8");
    assertThat(back.get("spec", "ipFamilies")).contains(List.of("IPv4"));
    assertThat(api.json("GET", IPS + "/" + ip, "").status()).isEqualTo(200);
  }

  @Test
  void update_nodePortToClusterIp_releasesNodePorts() {
    create("ports", "{\"type\":\"NodePort\",\"ports\":[{\"port\":80,\"nodePort\":30010}]}");

    Unstructured updated = body(api.send("PATCH", SERVICES + "/ports",
        "{\"spec\":{\"type\":\"ClusterIP\"}}", "Content-Type", "application/merge-patch+json"),
        200);

    assertThat(updated.get("spec", "ports")).get().asString().doesNotContain("nodePort");
    assertThat(updated.has("spec", "externalTrafficPolicy")).isFalse();
    create("reuse", "{\"type\":\"NodePort\",\"ports\":[{\"port\":80,\"nodePort\":30010}]}");
  }

  @Test
  void update_loadBalancerToClusterIp_resetsLoadBalancerStatus() {
    create("lbs", "{\"type\":\"LoadBalancer\",\"ports\":[{\"port\":80}]}");
    Unstructured withIngress = body(api.send("PATCH", SERVICES + "/lbs/status",
        "{\"status\":{\"loadBalancer\":{\"ingress\":[{\"ip\":\"192.0.2.7\"}]}}}",
        "Content-Type", "application/merge-patch+json"), 200);
    assertThat(withIngress.get("status", "loadBalancer", "ingress")).isPresent();

    Unstructured updated = body(api.send("PATCH", SERVICES + "/lbs",
        "{\"spec\":{\"type\":\"ClusterIP\"}}", "Content-Type",
        "application/merge-patch+json"), 200);

    assertThat(updated.get("status", "loadBalancer")).contains(Map.of());
    assertThat(body(api.json("GET", SERVICES + "/lbs", ""), 200).get("status", "loadBalancer"))
        .contains(Map.of());
  }

  @Test
  void update_loadBalancerKeepsType_keepsLoadBalancerStatus() {
    create("lbk", "{\"type\":\"LoadBalancer\",\"ports\":[{\"port\":80}]}");
    body(api.send("PATCH", SERVICES + "/lbk/status",
        "{\"status\":{\"loadBalancer\":{\"ingress\":[{\"ip\":\"192.0.2.8\"}]}}}",
        "Content-Type", "application/merge-patch+json"), 200);

    Unstructured updated = body(api.send("PATCH", SERVICES + "/lbk",
        "{\"spec\":{\"selector\":{\"app\":\"x\"}}}", "Content-Type",
        "application/merge-patch+json"), 200);

    assertThat(updated.get("status", "loadBalancer", "ingress")).get().asString()
        .contains("192.0.2.8");
  }

  @Test
  void create_loadBalancerWithLocalPolicy_getsHealthCheckNodePort() {
    Unstructured lb = create("lb", "{\"type\":\"LoadBalancer\",\"externalTrafficPolicy\":"
        + "\"Local\",\"ports\":[{\"port\":443}]}");

    long hc = lb.get("spec", "healthCheckNodePort").map(v -> (Long) v).orElseThrow();
    long np = lb.get("spec", "ports").map(p -> (Long) ((Map<?, ?>) ((List<?>) p).getFirst())
        .get("nodePort")).orElseThrow();
    assertThat(List.of(hc, np)).allSatisfy(p -> assertThat(p).isBetween(30086L, 32767L));
    assertThat(hc).isNotEqualTo(np);
  }

  static List<?> items(ApiResponse r) {
    return (List<?>) Unstructured.wrap(json(r)).object().get("items");
  }

  static Status status(ApiResponse r) {
    Map<String, Object> m = json(r);
    return new Status((String) m.get("message"), io.gatehouse.api.StatusReason.fromWire(
        String.valueOf(m.getOrDefault("reason", ""))), null, ((Long) m.get("code")).intValue());
  }

  private static Map<String, Object> json(ApiResponse r) {
    return new java.util.LinkedHashMap<>(BodyDecoder.object(BodyDecoder.decode(
        r.bodyText().getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json")));
  }

  static Unstructured body(ApiResponse r, int status) {
    assertThat(r.status()).as(r.bodyText()).isEqualTo(status);
    return Unstructured.wrap(json(r));
  }
}
