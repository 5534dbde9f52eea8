package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.api.GroupVersionResource;
import io.gatehouse.api.StatusException;
import io.gatehouse.api.Unstructured;
import io.gatehouse.api.catalog.ResourceCatalog;
import io.gatehouse.storage.InMemoryKeyValueStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class RegistryGenerateNameTest {

  private final InMemoryKeyValueStore store = InMemoryKeyValueStore.create();
  private final StoredResource configMaps = new ResourceTable(ResourceCatalog.builtin())
      .resource(new GroupVersionResource("", "v1", "configmaps")).orElseThrow();
  private final List<String> admitted = new ArrayList<>();
  private final WriteAdmission admission = request -> {
    admitted.add(request.name());
    return List.of();
  };

  private Registry registry(String... names) {
    Iterator<String> it = List.of(names).iterator();
    UnaryOperator<String> generator = base -> base + it.next();
    return new Registry(store, Clock.systemUTC(), (r, ns, n) -> { }, generator);
  }

  private static Unstructured generated(String base) {
    return Unstructured.copyOf(Map.of("apiVersion", "v1", "kind", "ConfigMap",
        "metadata", Map.of("namespace", "default", "generateName", base)));
  }

  @Test
  void create_generatedNameTaken_retriesWithFreshNameAndAdmitsEachAttempt() {
    registry("aaaaa").create(configMaps, generated("web-"), false, admission);
    admitted.clear();

    Registry.Written w = registry("aaaaa", "aaaaa", "bbbbb")
        .create(configMaps, generated("web-"), false, admission);

    assertThat(w.object().name()).isEqualTo("web-bbbbb");
    assertThat(admitted).containsExactly("web-aaaaa", "web-aaaaa", "web-bbbbb");
  }

  @Test
  void create_eightGeneratedNamesTaken_generateNameConflict() {
    registry("aaaaa").create(configMaps, generated("web-"), false, admission);

    assertThatThrownBy(() -> registry("aaaaa", "aaaaa", "aaaaa", "aaaaa", "aaaaa", "aaaaa",
        "aaaaa", "aaaaa", "zzzzz").create(configMaps, generated("web-"), false, admission))
        .isInstanceOfSatisfying(StatusException.class, e -> {
          assertThat(e.status().code()).isEqualTo(409);
          assertThat(e.status().toMap()).containsEntry("reason", "AlreadyExists")
              .containsEntry("message", "configmaps \"web-aaaaa\" already exists, the server was "
                  + "not able to generate a unique name for the object")
              .containsEntry("details", Map.of("name", "web-aaaaa", "kind", "configmaps",
                  "retryAfterSeconds", 1));
        });
  }

  @Test
  void create_explicitNameTaken_plainAlreadyExistsWithoutRetry() {
    Unstructured named = Unstructured.copyOf(Map.of("apiVersion", "v1", "kind", "ConfigMap",
        "metadata", Map.of("namespace", "default", "name", "web")));
    registry().create(configMaps, named.deepCopy(), false, admission);

    assertThatThrownBy(() -> registry().create(configMaps, named, false, admission))
        .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.status().message())
            .isEqualTo("configmaps \"web\" already exists"));
  }
}
