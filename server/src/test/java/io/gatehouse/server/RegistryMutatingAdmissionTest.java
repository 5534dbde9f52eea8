package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.Unstructured;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryMutatingAdmissionTest {

  /** Labels every object it admits and records what each phase saw. */
  private static final class Labeller implements WriteAdmission {
    final List<String> seen = new ArrayList<>();

    @Override
    public List<String> admit(WriteRequest request) {
      seen.add("admit " + request.operation() + " " + request.name());
      request.object().metadataForWrite().put("labels",
          new java.util.LinkedHashMap<>(java.util.Map.of("admitted", "yes")));
      return List.of("mutated");
    }

    @Override
    public List<String> validate(WriteRequest request) {
      seen.add("validate " + request.operation() + " " + request.object().labels());
      return List.of();
    }
  }

  private final Labeller labeller = new Labeller();
  private final RestFixture rest = new RestFixture(user -> labeller);

  @Test
  void create_mutatingPhase_runsBeforeNameGenerationAndValidation() {
    ApiResponse r = rest.json("POST", "/api/v1/namespaces/default/configmaps",
        "{\"metadata\":{\"generateName\":\"cm-\"}}");

    assertThat(r.status()).as(r.bodyText()).isEqualTo(201);
    assertThat(r.headers().get("Warning")).isEqualTo("299 - \"mutated\"");
    Unstructured stored = StoredObjects.list(rest.registry,
        StoredObjects.core(rest.table, "configmaps"), "default").get(0);
    assertThat(stored.labels()).containsEntry("admitted", "yes");
    assertThat(labeller.seen).containsExactly("admit CREATE ", "validate CREATE {admitted=yes}");
  }

  @Test
  void update_mutatingPhase_seesTheUpdatedObject() {
    rest.json("POST", "/api/v1/namespaces/default/configmaps", "{\"metadata\":{\"name\":\"c\"}}");
    labeller.seen.clear();

    ApiResponse r = rest.json("PUT", "/api/v1/namespaces/default/configmaps/c",
        "{\"metadata\":{\"name\":\"c\"},\"data\":{\"k\":\"v\"}}");

    assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
    assertThat(labeller.seen).containsExactly("admit UPDATE c", "validate UPDATE {admitted=yes}");
  }

  @Test
  void create_missingNamespace_notFoundBeforeAdmission() {
    ApiResponse r = rest.json("POST", "/api/v1/namespaces/nowhere/configmaps",
        "{\"metadata\":{\"name\":\"c\"}}");

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.bodyText()).contains("namespaces \\\"nowhere\\\" not found");
    assertThat(labeller.seen).isEmpty();
  }
}
