package io.gatehouse.server;

import static io.gatehouse.server.ServiceAllocationTest.SERVICES;
import static io.gatehouse.server.ServiceAllocationTest.body;
import static io.gatehouse.server.ServiceAllocationTest.service;
import static io.gatehouse.server.ServiceAllocationTest.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.Unstructured;
import java.time.Clock;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The start-up repair over a store whose allocations diverged from its Services (as a crash
 * between reserving and storing leaves it), and allocations surviving a restart.
 */
class ServiceAllocationRepairTest {

  private static final String IPS = "/apis/networking.k8s.io/v1/ipaddresses";

  private final RestFixture api = new RestFixture();

  private void open() {
    ServiceNetwork.open(api.registry, api.table, ServiceNetworkOptions.DEFAULT,
        Clock.systemUTC(), new Random(3));
  }

  private void ipAddress(String ip, String labels) {
    assertThat(api.json("POST", IPS, "{\"metadata\":{\"name\":\"" + ip + "\",\"labels\":"
        + labels + "},\"spec\":{\"parentRef\":{\"resource\":\"services\",\"namespace\":"
        + "\"default\",\"name\":\"gone\"}}}").status()).isEqualTo(201);
  }

  @Test
  void open_divergedStore_recreatesMissingAndDeletesLeakedAllocations() {
    // Stored before allocation was wired in: Services without IPAddresses or a port bitmap.
    assertThat(api.json("POST", SERVICES, service("kept", "{\"type\":\"NodePort\","
        + "\"clusterIP\":\"10.0.0.40\",\"ports\":[{\"port\":80,\"nodePort\":30040}]}")).status())
        .isEqualTo(201);
    ipAddress("10.0.0.41", "{\"ipaddress.kubernetes.io/managed-by\":\"ipallocator.k8s.io\"}");
    ipAddress("10.0.0.42", "{}");

    open();

    Unstructured repaired = body(api.json("GET", IPS + "/10.0.0.40", ""), 200);
    assertThat(repaired.get("spec", "parentRef")).contains(Map.of("resource", "services",
        "namespace", "default", "name", "kept"));
    assertThat(api.json("GET", IPS + "/10.0.0.41", "").status()).isEqualTo(404);
    assertThat(api.json("GET", IPS + "/10.0.0.42", "").status()).isEqualTo(200);
    ApiResponse taken = api.json("POST", SERVICES, service("other", "{\"type\":\"NodePort\","
        + "\"ports\":[{\"port\":80,\"nodePort\":30040}]}"));
    assertThat(status(taken).message()).isEqualTo("Service \"other\" is invalid: "
        + "spec.ports[0].nodePort: Invalid value: 30040: provided port is already allocated");
  }

  @Test
  void open_again_keepsAllocations() {
    open();
    Unstructured svc = body(api.json("POST", SERVICES, service("web", "{\"type\":\"NodePort\","
        + "\"ports\":[{\"port\":80}]}")), 201);
    String ip = svc.get("spec", "clusterIP").map(String::valueOf).orElseThrow();

    open();

    ApiResponse dup = api.json("POST", SERVICES, service("dup", "{\"clusterIP\":\"" + ip
        + "\",\"ports\":[{\"port\":80}]}"));
    assertThat(status(dup).message()).endsWith(
        "failed to allocate IP " + ip + ": provided IP is already allocated");
    long nodePort = (Long) ((Map<?, ?>) ((java.util.List<?>) svc.get("spec", "ports")
        .orElseThrow()).getFirst()).get("nodePort");
    ApiResponse port = api.json("POST", SERVICES, service("port", "{\"type\":\"NodePort\","
        + "\"ports\":[{\"port\":80,\"nodePort\":" + nodePort + "}]}"));
    assertThat(port.status()).isEqualTo(422);
  }
}
