package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CustomResourceVersionsTest {

  private static final String CRD = """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata: {name: gizmos.example.com}
      spec:
        group: example.com
        scope: Cluster
        names: {plural: gizmos, kind: Gizmo}
        versions:
        - name: v1beta1
          served: true
          storage: false
          deprecated: true
          schema:
            openAPIV3Schema:
              type: object
              properties:
                spec: {type: object, properties: {old: {type: string, default: o}}}
        - name: v1
          served: true
          storage: true
          schema:
            openAPIV3Schema:
              type: object
              properties:
                spec: {type: object, properties: {new: {type: string}}}
      """;

  private final CrdFixture f = new CrdFixture();

  @BeforeEach
  void createCrd() {
    assertThat(f.yaml("POST", CrdFixture.CRDS, CRD).status()).isEqualTo(201);
    f.settle();
  }

  @Test
  void create_deprecatedVersion_warnsAndStoresAtStorageVersion() {
    // as upstream with conversion None: the object is stored as v1 and read back through v1's
    // schema, so a field only v1beta1 knows (here a defaulted one) does not survive
    ApiResponse r = f.yaml("POST", "/apis/example.com/v1beta1/gizmos",
        "{apiVersion: example.com/v1beta1, kind: Gizmo, metadata: {name: g1}, spec: {}}");
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.headers().get("Warning")).isEqualTo("299 - \"example.com/v1beta1 Gizmo is "
        + "deprecated; use example.com/v1 Gizmo\"");
    assertThat(r.bodyText()).contains("\"apiVersion\":\"example.com/v1beta1\"",
        "\"spec\":{}");
    assertThat(new String(f.api.store.get("/registry/example.com/gizmos/g1").kv().orElseThrow()
        .value(), java.nio.charset.StandardCharsets.UTF_8))
        .contains("\"apiVersion\":\"example.com/v1\"");
  }

  @Test
  void get_otherVersion_relabelsAndDecodesWithStoredVersionSchema() {
    f.yaml("POST", "/apis/example.com/v1beta1/gizmos",
        "{apiVersion: example.com/v1beta1, kind: Gizmo, metadata: {name: g1}, spec: {}}");
    ApiResponse r = f.api.send("GET", "/apis/example.com/v1/gizmos/g1", "");
    assertThat(r.bodyText()).contains("\"apiVersion\":\"example.com/v1\"", "\"kind\":\"Gizmo\"")
        .doesNotContain("Warning");
    assertThat(r.headers()).doesNotContainKey("Warning");
  }

  @Test
  void list_withoutPrinterColumns_showsAgeColumn() {
    f.yaml("POST", "/apis/example.com/v1/gizmos",
        "{apiVersion: example.com/v1, kind: Gizmo, metadata: {name: g1}, spec: {}}");
    ApiResponse r = f.api.send("GET", "/apis/example.com/v1/gizmos", "",
        "Accept", "application/json;as=Table;v=v1;g=meta.k8s.io");
    assertThat(r.bodyText()).contains("{\"name\":\"Age\",\"type\":\"date\",\"format\":\"\","
        + "\"description\":\"Custom resource definition column (in JSONPath format): "
        + ".metadata.creationTimestamp\",\"priority\":0}");
  }
}
