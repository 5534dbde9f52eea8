package io.gatehouse.server;

import static io.gatehouse.server.ServiceAllocationTest.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.Unstructured;
import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The {@code kubernetes} Service, its Endpoints and EndpointSlice, and the default ServiceCIDR. */
class KubernetesServiceControllerTest {

  private static final String SVC = "/api/v1/namespaces/default/services/kubernetes";
  private static final String EP = "/api/v1/namespaces/default/endpoints/kubernetes";
  private static final String SLICE =
      "/apis/discovery.k8s.io/v1/namespaces/default/endpointslices/kubernetes";

  private final RestFixture api = new RestFixture();
  private final ServiceNetwork network = ServiceNetwork.open(api.registry, api.table,
      ServiceNetworkOptions.DEFAULT, Clock.systemUTC(), new Random(5));

  private KubernetesServiceController controller(int port) {
    return network.controller(InetAddress.getLoopbackAddress(), port);
  }

  @Test
  void syncOnce_createsServiceEndpointsAndSlice() {
    controller(6443).syncOnce();

    Unstructured svc = body(api.json("GET", SVC, ""), 200);
    assertThat(svc.labels()).isEqualTo(Map.of("component", "apiserver", "provider", "kubernetes"));
    assertThat(svc.get("spec", "clusterIP")).contains("10.0.0.1");
    assertThat(svc.get("spec", "clusterIPs")).contains(List.of("10.0.0.1"));
    assertThat(svc.get("spec", "ports")).contains(List.of(Map.of("name", "https",
        "protocol", "TCP", "port", 443L, "targetPort", 6443L)));
    assertThat(svc.get("spec", "ipFamilyPolicy")).contains("SingleStack");
    assertThat(svc.get("spec", "type")).contains("ClusterIP");
    assertThat(api.json("GET", "/apis/networking.k8s.io/v1/ipaddresses/10.0.0.1", "").status())
        .isEqualTo(200);
    Unstructured ep = body(api.json("GET", EP, ""), 200);
    assertThat(ep.labels()).isEqualTo(Map.of("endpointslice.kubernetes.io/skip-mirror", "true"));
    assertThat(ep.object().get("subsets")).isEqualTo(List.of(Map.of(
        "addresses", List.of(Map.of("ip", "127.0.0.1")),
        "ports", List.of(Map.of("name", "https", "port", 6443L, "protocol", "TCP")))));
    Unstructured slice = body(api.json("GET", SLICE, ""), 200);
    assertThat(slice.labels()).isEqualTo(Map.of("kubernetes.io/service-name", "kubernetes"));
    assertThat(slice.object().get("addressType")).isEqualTo("IPv4");
    assertThat(slice.object().get("endpoints")).isEqualTo(List.of(Map.of(
        "addresses", List.of("127.0.0.1"), "conditions", Map.of("ready", true))));
    assertThat(slice.object().get("ports")).isEqualTo(List.of(Map.of("name", "https",
        "port", 6443L, "protocol", "TCP")));
  }

  @Test
  void syncOnce_unchanged_writesNothing() {
    controller(6443).syncOnce();
    List<Object> before = List.of(rv(SVC), rv(EP), rv(SLICE));

    controller(6443).syncOnce();

    assertThat(List.of(rv(SVC), rv(EP), rv(SLICE))).isEqualTo(before);
  }

  private Object rv(String uri) {
    return body(api.json("GET", uri, ""), 200).metadata().get("resourceVersion");
  }

  @Test
  void syncOnce_newPortAndDeletedService_reconciles() {
    controller(6443).syncOnce();
    String rv = body(api.json("GET", SVC, ""), 200).metadata().get("resourceVersion").toString();
    assertThat(api.json("DELETE", SVC, "").status()).isEqualTo(200);

    controller(7443).syncOnce();

    Unstructured svc = body(api.json("GET", SVC, ""), 200);
    assertThat(svc.metadata().get("resourceVersion")).isNotEqualTo(rv);
    assertThat(svc.get("spec", "clusterIP")).contains("10.0.0.1");
    assertThat(body(api.json("GET", EP, ""), 200).object().get("subsets").toString())
        .contains("port=7443");
    assertThat(body(api.json("GET", SLICE, ""), 200).object().get("ports").toString())
        .contains("port=7443");
  }

  @Test
  void open_createsReadyDefaultServiceCidr() {
    Unstructured cidr = body(api.json("GET",
        "/apis/networking.k8s.io/v1/servicecidrs/kubernetes", ""), 200);

    assertThat(cidr.get("spec", "cidrs")).contains(List.of("10.0.0.0/24"));
    Map<?, ?> ready = (Map<?, ?>) ((List<?>) cidr.get("status", "conditions").orElseThrow())
        .getFirst();
    assertThat(ready.get("type")).isEqualTo("Ready");
    assertThat(ready.get("status")).isEqualTo("True");
    assertThat(ready.get("reason")).isEqualTo("");
    assertThat(ready.get("message")).isEqualTo("Kubernetes default Service CIDR is ready");
  }
}
