package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Server-side apply of custom resources through the REST handlers: the CRD's list, map and
 * embedded-resource semantics decide what managers own and merge, and a changed CRD is used from
 * the next request on.
 */
class CustomResourceApplyTest {

  private static final String APPLY = "application/apply-patch+yaml";
  private static final String GADGETS = "/apis/example.com/v1/namespaces/default/gadgets";

  private static TestCrds.Crd crd(String portsListType) {
    return TestCrds.namespaced("gadgets", "Gadget").v1(TestCrds.specSchema("""
        ports:
          type: array
          %s
          items:
            type: object
            required: [name]
            properties:
              name: {type: string}
              port: {type: integer}
              protocol: {type: string, default: TCP}
        tags: {type: array, x-kubernetes-list-type: set, items: {type: string}}
        selector:
          type: object
          x-kubernetes-map-type: atomic
          additionalProperties: {type: string}
        template:
          type: object
          x-kubernetes-embedded-resource: true
          x-kubernetes-preserve-unknown-fields: true
        """.formatted(portsListType))).build();
  }

  private static final String LIST_MAP =
      "x-kubernetes-list-type: map\n  x-kubernetes-list-map-keys: [name]";

  private final CrdFixture f = new CrdFixture();

  private void createCrd(String listType) {
    f.create(crd(listType));
  }

  private ApiResponse apply(String manager, String spec) {
    return f.api.send("PATCH", GADGETS + "/g?fieldManager=" + manager,
        "---\n{apiVersion: example.com/v1, kind: Gadget, metadata: {name: g}, spec: " + spec + "}",
        "Content-Type", APPLY);
  }

  @Test
  void apply_twoManagersDifferentListMapEntries_bothKeptEachOwnsItsEntry() {
    createCrd(LIST_MAP);

    assertThat(apply("a", "{ports: [{name: http, port: 80}]}").status()).isEqualTo(201);
    ApiResponse r = apply("b", "{ports: [{name: https, port: 443}]}");

    assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
    assertThat(r.bodyText()).contains("\"ports\":[{\"name\":\"http\",\"port\":80,\"protocol\":"
        + "\"TCP\"},{\"name\":\"https\",\"port\":443,\"protocol\":\"TCP\"}]")
        .contains("{\"apiVersion\":\"example.com/v1\",\"fieldsType\":\"FieldsV1\",\"fieldsV1\":"
            + "{\"f:spec\":{\"f:ports\":{\"k:{\\\"name\\\":\\\"http\\\"}\":{\".\":{},"
            + "\"f:name\":{},\"f:port\":{}}}}},\"manager\":\"a\",\"operation\":\"Apply\","
            + "\"time\":\"2025-01-01T00:00:00Z\"}")
        .contains("{\"apiVersion\":\"example.com/v1\",\"fieldsType\":\"FieldsV1\",\"fieldsV1\":"
            + "{\"f:spec\":{\"f:ports\":{\"k:{\\\"name\\\":\\\"https\\\"}\":{\".\":{},"
            + "\"f:name\":{},\"f:port\":{}}}}},\"manager\":\"b\",\"operation\":\"Apply\","
            + "\"time\":\"2025-01-01T00:00:00Z\"}");
  }

  @Test
  void apply_changeOfAnotherManagersEntry_upstreamConflict() {
    createCrd(LIST_MAP);
    apply("a", "{ports: [{name: http, port: 80}]}");

    ApiResponse r = apply("b", "{ports: [{name: http, port: 8080}]}");

    assertThat(r.status()).isEqualTo(409);
    assertThat(r.bodyText()).isEqualTo("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":"
        + "{},\"status\":\"Failure\",\"message\":\"Apply failed with 1 conflict: conflict with "
        + "\\\"a\\\": .spec.ports[name=\\\"http\\\"].port\",\"reason\":\"Conflict\",\"details\":"
        + "{\"causes\":[{\"reason\":\"FieldManagerConflict\",\"message\":\"conflict with "
        + "\\\"a\\\"\",\"field\":\".spec.ports[name=\\\"http\\\"].port\"}]},\"code\":409}\n");
  }

  @Test
  void apply_listWithoutListType_atomicConflict() {
    createCrd("");
    apply("a", "{ports: [{name: http, port: 80}]}");

    ApiResponse r = apply("b", "{ports: [{name: https, port: 443}]}");

    assertThat(r.status()).isEqualTo(409);
    assertThat(r.bodyText()).contains("\"message\":\"Apply failed with 1 conflict: conflict "
        + "with \\\"a\\\": .spec.ports\"");
  }

  @Test
  void apply_setsAndAtomicMaps_mergedOrOwnedWhole() {
    createCrd(LIST_MAP);
    apply("a", "{tags: [alpha], selector: {app: one}}");

    ApiResponse merged = apply("b", "{tags: [beta]}");
    ApiResponse conflict = apply("b", "{selector: {tier: two}}");

    assertThat(merged.bodyText()).contains("\"tags\":[\"alpha\",\"beta\"]",
        "\"fieldsV1\":{\"f:spec\":{\"f:tags\":{\"v:\\\"beta\\\"\":{}}}}");
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.bodyText()).contains("conflict with \\\"a\\\": .spec.selector\"");
  }

  @Test
  void apply_embeddedResource_metadataTypedAsObjectMeta() {
    createCrd(LIST_MAP);

    ApiResponse r = apply("a", "{template: {apiVersion: v1, kind: Pod, metadata: "
        + "{labels: {app: web}}, spec: {x: 1}}}");

    assertThat(r.status()).as(r.bodyText()).isEqualTo(201);
    assertThat(r.bodyText()).contains("\"fieldsV1\":{\"f:spec\":{\"f:template\":{\"f:apiVersion\""
        + ":{},\"f:kind\":{},\"f:metadata\":{\"f:labels\":{\"f:app\":{}}},\"f:spec\":{\".\":{},"
        + "\"f:x\":{}}}}}");
  }

  @Test
  void apply_crdChangedToListMap_nextApplyMerges() {
    createCrd("");
    apply("a", "{ports: [{name: http, port: 80}]}");
    String crd = f.api.send("GET", CrdFixture.CRDS + "/gadgets.example.com", "").bodyText();
    String rv = crd.replaceAll("(?s).*\"resourceVersion\":\"(\\d+)\".*", "$1");
    ApiResponse updated = f.yaml("PUT", CrdFixture.CRDS + "/gadgets.example.com",
        crd(LIST_MAP).yaml().replace("metadata: {name: gadgets.example.com}",
            "metadata: {name: gadgets.example.com, resourceVersion: \"" + rv + "\"}"));
    assertThat(updated.status()).as(updated.bodyText()).isEqualTo(200);
    f.settle();
    f.api.send("DELETE", GADGETS + "/g", "");

    apply("a", "{ports: [{name: http, port: 80}]}");
    ApiResponse r = apply("b", "{ports: [{name: https, port: 443}]}");

    assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
    assertThat(r.bodyText()).contains("\"name\":\"http\"", "\"name\":\"https\"");
  }
}
