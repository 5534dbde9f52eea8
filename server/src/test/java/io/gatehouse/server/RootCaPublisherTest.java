package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.api.StatusException;
import io.gatehouse.api.Unstructured;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RootCaPublisherTest {

  private static final String BUNDLE =
      "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

  private final RestFixture rest = new RestFixture();
  private final RootCaPublisher publisher = new RootCaPublisher(rest.registry, rest.table, BUNDLE);

  private void send(String method, String uri, String body, int status) {
    ApiResponse r = rest.json(method, uri, body);
    assertThat(r.status()).as(r.bodyText()).isEqualTo(status);
  }

  private void patch(String uri, String body) {
    ApiResponse r = rest.send("PATCH", uri, body, "Content-Type", "application/merge-patch+json");
    assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
  }

  private Unstructured configMap(String ns) {
    return rest.registry.get(StoredObjects.core(rest.table, "configmaps"), ns, "kube-root-ca.crt");
  }

  @Test
  void sync_everyActiveNamespace_getsTheBundleAndDescription() {
    send("POST", "/api/v1/namespaces", "{\"metadata\":{\"name\":\"team\"}}", 201);

    publisher.sync();

    for (String ns : new String[] {"default", "kube-system", "team"}) {
      Unstructured cm = configMap(ns);
      assertThat(cm.object().get("data")).isEqualTo(Map.of("ca.crt", BUNDLE));
      assertThat(cm.annotations()).containsExactly(Map.entry("kubernetes.io/description",
          "Contains a CA bundle that can be used to verify the kube-apiserver when using internal "
              + "endpoints such as the internal service IP or kubernetes.default.svc. No other "
              + "usage is guaranteed across distributions of Kubernetes clusters."));
    }
  }

  @Test
  void sync_changedData_isSetBackKeepingOtherAnnotations() {
    publisher.sync();
    patch("/api/v1/namespaces/default/configmaps/kube-root-ca.crt",
        "{\"data\":{\"ca.crt\":\"tampered\",\"extra\":\"x\"},\"metadata\":{\"annotations\":"
            + "{\"kubernetes.io/description\":null,\"mine\":\"kept\"}}}");

    publisher.sync();

    Unstructured cm = configMap("default");
    assertThat(cm.object().get("data")).isEqualTo(Map.of("ca.crt", BUNDLE));
    assertThat(cm.annotations()).containsEntry("mine", "kept")
        .containsKey("kubernetes.io/description");
  }

  @Test
  void sync_terminatingNamespace_isSkipped() {
    send("POST", "/api/v1/namespaces", "{\"metadata\":{\"name\":\"going\"}}", 201);
    rest.send("DELETE", "/api/v1/namespaces/going", "");

    publisher.sync();

    assertThatThrownBy(() -> configMap("going")).isInstanceOf(StatusException.class)
        .hasMessageContaining("not found");
  }

  @Test
  void systemPriorityClasses_createdOnceAndLeftAlone() {
    assertThat(SystemPriorityClassBootstrap.ensure(rest.registry, rest.table)).isEqualTo(2);
    patch("/apis/scheduling.k8s.io/v1/priorityclasses/system-node-critical",
        "{\"metadata\":{\"labels\":{\"touched\":\"yes\"}}}");

    assertThat(SystemPriorityClassBootstrap.ensure(rest.registry, rest.table)).isZero();
    Unstructured node = rest.registry.get(rest.table.forKind(new io.gatehouse.api.GroupVersionKind(
        "scheduling.k8s.io", "v1", "PriorityClass")).orElseThrow(), "", "system-node-critical");
    assertThat(node.labels()).containsEntry("touched", "yes");
    assertThat(node.object()).containsEntry("value", 2000001000L)
        .containsEntry("preemptionPolicy", "PreemptLowerPriority");
  }
}
