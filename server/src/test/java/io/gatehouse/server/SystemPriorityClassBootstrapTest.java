package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.Unstructured;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SystemPriorityClassBootstrapTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RestFixture rest = new RestFixture();
  private final StoredResource classes = rest.table.forKind(
      new GroupVersionKind("scheduling.k8s.io", "v1", "PriorityClass")).orElseThrow();

  private Unstructured get(String name) {
    return rest.registry.get(classes, "", name);
  }

  @Test
  void ensure_emptyStore_createsBothAsTheLoopbackClientWould() throws Exception {
    assertThat(SystemPriorityClassBootstrap.ensure(rest.registry, rest.table)).isEqualTo(2);

    Unstructured node = get("system-node-critical");
    assertThat(node.object()).containsEntry("value", 2000001000L)
        .containsEntry("description", "Used for system critical pods that must not be moved "
            + "from their current node.")
        .containsEntry("preemptionPolicy", "PreemptLowerPriority")
        .doesNotContainKey("globalDefault");
    assertThat(get("system-cluster-critical").object()).containsEntry("value", 2000000000L)
        .containsEntry("description", "Used for system critical pods that must run in the "
            + "cluster, but can be moved to another node if necessary.");
    assertThat(JSON.writeValueAsString(node.metadata().get("managedFields"))).isEqualTo(
        "[{\"manager\":\"kube-apiserver\",\"operation\":\"Update\",\"apiVersion\":"
            + "\"scheduling.k8s.io/v1\",\"time\":\"2025-01-01T00:00:00Z\",\"fieldsType\":"
            + "\"FieldsV1\",\"fieldsV1\":{\"f:description\":{},\"f:preemptionPolicy\":{},"
            + "\"f:value\":{}}}]");
  }

  @Test
  void ensure_storedWithOtherValues_leavesItAsItIs() {
    Unstructured changed = Unstructured.wrap(new java.util.LinkedHashMap<>(Map.of(
        "apiVersion", "scheduling.k8s.io/v1", "kind", "PriorityClass",
        "metadata", new java.util.LinkedHashMap<>(Map.of("name", "system-cluster-critical")),
        "value", 2000000000L, "description", "ours", "preemptionPolicy", "Never")));
    rest.registry.create(classes, changed, false, WriteAdmission.NONE);

    assertThat(SystemPriorityClassBootstrap.ensure(rest.registry, rest.table)).isEqualTo(1);

    assertThat(get("system-cluster-critical").object()).containsEntry("description", "ours")
        .containsEntry("preemptionPolicy", "Never");
    assertThat(get("system-node-critical").object()).containsEntry("value", 2000001000L);
  }
}
