package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CustomResourceVersionsTest {

  private static final TestCrds.Crd CRD = TestCrds.cluster("gizmos", "Gizmo")
      .version(TestCrds.Version.of("v1beta1", TestCrds.specSchema("old: {type: string, default: o}"))
          .deprecatedNotStored())
      .v1(TestCrds.specSchema("new: {type: string}")).build();

  private final CrdFixture f = new CrdFixture();

  @BeforeEach
  void createCrd() {
    f.create(CRD);
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
