package io.gatehouse.server;

import static io.gatehouse.server.ServiceAllocationTest.SERVICES;
import static io.gatehouse.server.ServiceAllocationTest.body;
import static io.gatehouse.server.ServiceAllocationTest.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.GroupVersionResource;
import io.gatehouse.api.Unstructured;
import io.gatehouse.storage.DeleteResult;
import io.gatehouse.storage.KeyValueStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The repair passes that run while requests are served: allocations whose Service is gone are
 * released only after upstream's waits (60 s for an IPAddress, three passes for a node port),
 * missing allocations are restored, the events carry upstream's texts, and the periodic loop runs
 * on its interval and stops on close.
 */
class ServiceAllocationPeriodicRepairTest {

  private static final String IPS = "/apis/networking.k8s.io/v1/ipaddresses";
  /** The fixture's registry stamps every object with this creation time. */
  private static final Instant CREATED = Instant.parse("2025-01-01T00:00:00Z");
  private static final String MANAGED = "{\"ipaddress.kubernetes.io/managed-by\":"
      + "\"ipallocator.k8s.io\",\"ipaddress.kubernetes.io/ip-family\":\"IPv4\"}";

  private final RestFixture api = new RestFixture();
  private final FakeClock clock = new FakeClock(CREATED.plusSeconds(10));
  private final List<RepairEvent> events = new ArrayList<>();
  private final ServiceNetwork network = ServiceNetwork.open(api.registry, api.table,
      ServiceNetworkOptions.DEFAULT, clock, new Random(5), Duration.ofHours(1));
  private final StoredResource services =
      api.table.resource(new GroupVersionResource("", "v1", "services")).orElseThrow();
  private final NodePortAllocator nodePorts = new NodePortAllocator(api.registry.store(),
      ServiceNetworkOptions.DEFAULT.nodePortRange(), new Random(1));
  private final ServiceAllocationRepair repair = new ServiceAllocationRepair(api.registry,
      services, new ClusterIpAllocator(api.registry, api.table, new Random(1)), nodePorts, clock,
      events::add);

  @AfterEach
  void stop() {
    network.close();
  }

  private static void ipAddress(RestFixture fixture, String ip, String parent) {
    assertThat(fixture.json("POST", IPS, "{\"metadata\":{\"name\":\"" + ip + "\",\"labels\":"
        + MANAGED + "},\"spec\":{\"parentRef\":{\"resource\":\"services\",\"namespace\":"
        + "\"default\",\"name\":\"" + parent + "\"}}}").status()).isEqualTo(201);
  }

  private void createService(String name, String spec) {
    body(api.json("POST", SERVICES, service(name, spec)), 201);
  }

  private Object parentName(String ip) {
    Unstructured address = body(api.json("GET", IPS + "/" + ip, ""), 200);
    return ((Map<?, ?>) address.get("spec", "parentRef").orElseThrow()).get("name");
  }

  @Test
  void runOnce_ipAddressWithoutService_deletedOnlyAfterGracePeriod() {
    ipAddress(api, "10.0.0.41", "gone");

    repair.runOnce();
    assertThat(api.json("GET", IPS + "/10.0.0.41", "").status()).isEqualTo(200);
    assertThat(events).isEmpty();

    clock.set(CREATED.plusSeconds(61));
    repair.runOnce();

    assertThat(api.json("GET", IPS + "/10.0.0.41", "").status()).isEqualTo(404);
    assertThat(events).containsExactly(new RepairEvent("IPAddressNotAllocated",
        "ipaddresses 10.0.0.41",
        "IPAddress: 10.0.0.41 for Service default/gone appears to have leaked: cleaning up"));
    createService("reuse", "{\"clusterIP\":\"10.0.0.41\",\"ports\":[{\"port\":80}]}");
  }

  @Test
  void runOnce_nodePortOfServiceDeletedBehindAllocator_releasedOnThirdPass() {
    createService("np", "{\"type\":\"NodePort\",\"clusterIP\":\"10.0.0.44\","
        + "\"ports\":[{\"port\":80,\"nodePort\":30040}]}");
    KeyValueStore store = api.registry.store();
    String key = services.key("default", "np");
    assertThat(store.delete(key, store.get(key).kv().orElseThrow().modRevision()))
        .isInstanceOf(DeleteResult.Deleted.class);

    repair.runOnce();
    repair.runOnce();
    assertThat(nodePorts.has(30040)).isTrue();
    repair.runOnce();

    assertThat(nodePorts.has(30040)).isFalse();
    assertThat(events).containsExactly(
        RepairEvent.error("the node port 30040 may have leaked: flagging for later clean up"),
        RepairEvent.error("the node port 30040 appears to have leaked: cleaning up"));
    createService("again", "{\"type\":\"NodePort\",\"ports\":[{\"port\":80,\"nodePort\":30040}]}");
  }

  @Test
  void runOnce_nodePortMissingFromBitmap_takenAgain() {
    createService("np", "{\"type\":\"NodePort\",\"ports\":[{\"port\":80,\"nodePort\":30041}]}");
    nodePorts.release(30041);

    repair.runOnce();

    assertThat(nodePorts.has(30041)).isTrue();
    assertThat(events).containsExactly(new RepairEvent("PortNotAllocated",
        "services default/np", "Port 30041 is not allocated; repairing"));
  }

  @Test
  void runOnce_ipAddressDeletedByHand_recreatedForItsService() {
    createService("web", "{\"clusterIP\":\"10.0.0.50\",\"ports\":[{\"port\":80}]}");
    assertThat(api.json("DELETE", IPS + "/10.0.0.50", "").status()).isEqualTo(200);

    repair.runOnce();

    assertThat(parentName("10.0.0.50")).isEqualTo("web");
    assertThat(events).containsExactly(new RepairEvent("ClusterIPNotAllocated",
        "services default/web", "Cluster IP [IPv4]: 10.0.0.50 is not allocated; repairing"));
  }

  @Test
  void runOnce_ipAddressNamingMissingService_reassignedToTheServiceHoldingIt() {
    createService("web", "{\"clusterIP\":\"10.0.0.60\",\"ports\":[{\"port\":80}]}");
    assertThat(api.json("DELETE", IPS + "/10.0.0.60", "").status()).isEqualTo(200);
    ipAddress(api, "10.0.0.60", "ghost");

    repair.runOnce();

    assertThat(parentName("10.0.0.60")).isEqualTo("web");
    assertThat(events).containsExactly(new RepairEvent("ClusterIPNotAllocated",
        "services default/web", "the ClusterIP [IPv4]: 10.0.0.60 for Service default/web has "
            + "a wrong reference; repairing"));
  }

  @Test
  void runOnce_twoServicesWithOneIp_reportedAsDuplicate() {
    createService("first", "{\"clusterIP\":\"10.0.0.70\",\"ports\":[{\"port\":80}]}");
    // A copy stored behind the allocator's back, holding the same IP.
    KeyValueStore store = api.registry.store();
    Unstructured copy = ObjectBytes.read(
        store.get(services.key("default", "first")).kv().orElseThrow());
    copy.metadataForWrite().put("name", "second");
    copy.metadataForWrite().remove("uid");
    store.create(services.key("default", "second"), ObjectBytes.write(copy));

    repair.runOnce();

    assertThat(parentName("10.0.0.70")).isEqualTo("first");
    assertThat(events).containsExactly(new RepairEvent("ClusterIPAlreadyAllocated",
        "services default/second", "Cluster IP [IPv4]:10.0.0.70 was assigned to multiple "
            + "services; please recreate service"));
  }

  @Test
  void start_leakedIpAddress_releasedByPeriodicPassUntilClosed() throws Exception {
    RestFixture fixture = new RestFixture();
    ServiceNetwork periodic = ServiceNetwork.open(fixture.registry, fixture.table,
        ServiceNetworkOptions.DEFAULT, clock, new Random(5), Duration.ofMillis(20));
    try {
      ipAddress(fixture, "10.0.0.41", "gone");
      Thread.sleep(150);
      assertThat(fixture.json("GET", IPS + "/10.0.0.41", "").status()).isEqualTo(200);

      clock.set(CREATED.plusSeconds(61));
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (fixture.json("GET", IPS + "/10.0.0.41", "").status() != 404
          && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(fixture.json("GET", IPS + "/10.0.0.41", "").status()).isEqualTo(404);
    } finally {
      periodic.close();
    }
    ipAddress(fixture, "10.0.0.42", "gone");
    Thread.sleep(150);
    assertThat(fixture.json("GET", IPS + "/10.0.0.42", "").status()).isEqualTo(200);
  }
}
