package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.Unstructured;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Owners and dependents that are custom resources. */
class GarbageCollectorCustomResourceTest {

  private static final TestCrds.Crd CRD = TestCrds.namespaced("widgets", "Widget")
      .v1(TestCrds.specSchema("size: {type: integer}")).build();
  private static final String WIDGETS = "/apis/example.com/v1/namespaces/default/widgets";
  private static final String CMS = "/api/v1/namespaces/default/configmaps";

  private final CrdFixture f = new CrdFixture();
  private final GarbageCollector gc = new GarbageCollector(f.api.registry, f.api.table);

  @BeforeEach
  void createCrd() {
    f.create(CRD);
  }

  private String uid(ApiResponse r) {
    assertThat(r.status()).as(r.bodyText()).isEqualTo(201);
    return Unstructured.wrap(BodyDecoder.object(BodyDecoder.decode(r.body(), "application/json")))
        .uid();
  }

  private Optional<Unstructured> stored(String key) {
    return f.api.store.get(key).kv().map(ObjectBytes::read);
  }

  @Test
  void deleteOwner_customResourceOwner_configMapCollected() throws Exception {
    String widget = uid(f.yaml("POST", WIDGETS,
        "{apiVersion: example.com/v1, kind: Widget, metadata: {name: w1}, spec: {size: 1}}"));
    uid(f.api.json("POST", CMS, "{\"metadata\":{\"name\":\"made-by-w1\",\"ownerReferences\":["
        + "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Widget\",\"name\":\"w1\",\"uid\":\""
        + widget + "\"}]}}"));
    gc.runUntilQuiet();
    assertThat(stored("/registry/configmaps/default/made-by-w1")).isPresent();

    assertThat(f.api.send("DELETE", WIDGETS + "/w1", "").status()).isEqualTo(200);
    gc.runUntilQuiet();

    assertThat(stored("/registry/configmaps/default/made-by-w1")).isEmpty();
  }

  @Test
  void deleteOwner_orphanWithCustomResourceDependent_referenceRemovedSpecKept() throws Exception {
    String owner = uid(f.api.json("POST", CMS, "{\"metadata\":{\"name\":\"owner\"}}"));
    uid(f.yaml("POST", WIDGETS, "{apiVersion: example.com/v1, kind: Widget, metadata: {name: w2,"
        + " ownerReferences: [{apiVersion: v1, kind: ConfigMap, name: owner, uid: " + owner
        + "}]}, spec: {size: 3}}"));
    gc.runUntilQuiet();

    assertThat(f.api.send("DELETE", CMS + "/owner?propagationPolicy=Orphan", "").status())
        .isEqualTo(200);
    gc.runUntilQuiet();

    Unstructured w2 = stored("/registry/example.com/widgets/default/w2").orElseThrow();
    assertThat(w2.metadata()).doesNotContainKey("ownerReferences");
    assertThat(w2.get("spec", "size")).contains(3L);
    assertThat(stored("/registry/configmaps/default/owner")).isEmpty();
  }
}
