package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CustomResourceServingTest {

  private static final TestCrds.Crd CRD = TestCrds.namespaced("widgets", "Widget")
      .shortNames("wd").categories("all")
      .version(TestCrds.Version.of("v1", """
          type: object
          properties:
            spec:
              type: object
              required: [size]
              properties:
                size: {type: integer, minimum: 1}
                color: {type: string, enum: [red, blue], default: red}
            status:
              type: object
              properties:
                ready: {type: boolean}
                replicas: {type: integer}
          """)
          .subresources("{status: {}, scale: {specReplicasPath: .spec.size, "
              + "statusReplicasPath: .status.replicas}}")
          .printerColumns("{name: Size, type: integer, jsonPath: .spec.size}",
              "{name: Color, type: string, jsonPath: .spec.color, priority: 1}"))
      .build();

  private static final String WIDGETS = "/apis/example.com/v1/namespaces/default/widgets";

  private final CrdFixture f = new CrdFixture();

  @BeforeEach
  void createCrd() {
    f.create(CRD);
  }

  @Test
  void settle_freeNames_acceptsAndEstablishes() {
    String crd = f.api.send("GET", CrdFixture.CRDS + "/widgets.example.com", "").bodyText();
    assertThat(crd).contains("\"acceptedNames\":{\"plural\":\"widgets\",\"singular\":\"widget\","
        + "\"shortNames\":[\"wd\"],\"kind\":\"Widget\",\"listKind\":\"WidgetList\","
        + "\"categories\":[\"all\"]}")
        .contains("{\"type\":\"NamesAccepted\",\"status\":\"True\",\"lastTransitionTime\":"
            + "\"2025-01-01T00:00:00Z\",\"reason\":\"NoConflicts\",\"message\":\"no conflicts found\"}")
        .contains("{\"type\":\"Established\",\"status\":\"True\",\"lastTransitionTime\":"
            + "\"2025-01-01T00:00:00Z\",\"reason\":\"InitialNamesAccepted\",\"message\":"
            + "\"the initial names have been accepted\"}")
        .contains("\"storedVersions\":[\"v1\"]");
  }

  @Test
  void create_validWidget_defaultsAndTracksGeneration() {
    ApiResponse r = f.yaml("POST", WIDGETS,
        "{apiVersion: example.com/v1, kind: Widget, metadata: {name: w1}, spec: {size: 2}}");
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.bodyText()).contains("\"spec\":{\"color\":\"red\",\"size\":2}")
        .contains("\"generation\":1");
  }

  @Test
  void create_unknownField_prunedWithWarning() {
    ApiResponse r = f.yaml("POST", WIDGETS,
        "{apiVersion: example.com/v1, kind: Widget, metadata: {name: w1, foo: x},"
            + " spec: {size: 2, shape: round}}");
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.bodyText()).doesNotContain("shape").doesNotContain("foo");
    assertThat(r.headers().get("Warning"))
        .isEqualTo("299 - \"unknown field \\\"spec.shape\\\"\", 299 - \"unknown field "
            + "\\\"metadata.foo\\\"\"");
  }

  @Test
  void create_unknownFieldStrict_isBadRequest() {
    ApiResponse r = f.yaml("POST", WIDGETS + "?fieldValidation=Strict",
        "{apiVersion: example.com/v1, kind: Widget, metadata: {name: w1}, spec: {size: 2, "
            + "shape: round, edges: 3}}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.bodyText()).contains("\"message\":\"Widget in version \\\"v1\\\" cannot be "
        + "handled as a Widget: strict decoding error: unknown field \\\"spec.edges\\\", unknown "
        + "field \\\"spec.shape\\\"\"");
  }

  @Test
  void create_invalidWidget_isInvalidWithSchemaMessages() {
    ApiResponse r = f.yaml("POST", WIDGETS,
        "{apiVersion: example.com/v1, kind: Widget, metadata: {name: w1}, spec: {size: 0, "
            + "color: green}}");
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.bodyText()).contains("\"message\":\"Widget.example.com \\\"w1\\\" is invalid: "
        + "[spec.color: Unsupported value: \\\"green\\\": supported values: \\\"red\\\", "
        + "\\\"blue\\\", spec.size: Invalid value: 0: spec.size in body should be greater than or "
        + "equal to 1]\"");
  }

  @Test
  void create_missingRequired_isRequiredValue() {
    ApiResponse r = f.yaml("POST", WIDGETS,
        "{apiVersion: example.com/v1, kind: Widget, metadata: {name: w1}, spec: {}}");
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.bodyText()).contains("\"message\":\"Widget.example.com \\\"w1\\\" is invalid: "
        + "spec.size: Required value\"", "\"causes\":[{\"reason\":\"FieldValueRequired\","
        + "\"message\":\"Required value\",\"field\":\"spec.size\"}]");
  }

  @Test
  void update_statusIgnoredOnMainResourceAndSpecOnStatus() {
    f.yaml("POST", WIDGETS,
        "{apiVersion: example.com/v1, kind: Widget, metadata: {name: w1}, spec: {size: 2}}");
    ApiResponse main = f.api.send("PATCH", WIDGETS + "/w1",
        "{\"spec\":{\"size\":3},\"status\":{\"ready\":true}}",
        "Content-Type", "application/merge-patch+json");
    assertThat(main.bodyText()).contains("\"generation\":2").doesNotContain("ready");
    ApiResponse status = f.api.send("PATCH", WIDGETS + "/w1/status",
        "{\"spec\":{\"size\":9},\"status\":{\"ready\":true}}",
        "Content-Type", "application/merge-patch+json");
    assertThat(status.bodyText()).contains("\"generation\":2", "\"size\":3",
        "\"status\":{\"ready\":true}");
  }

  @Test
  void patch_strategicMerge_isUnsupportedForCustomResources() {
    f.yaml("POST", WIDGETS,
        "{apiVersion: example.com/v1, kind: Widget, metadata: {name: w1}, spec: {size: 2}}");
    ApiResponse r = f.api.send("PATCH", WIDGETS + "/w1", "{}",
        "Content-Type", "application/strategic-merge-patch+json");
    assertThat(r.status()).isEqualTo(415);
    assertThat(r.bodyText()).contains("the body of the request was in an unknown format - "
        + "accepted media types include: application/json-patch+json, "
        + "application/merge-patch+json, application/apply-patch+yaml");
  }

  @Test
  void update_withoutResourceVersion_isInvalid() {
    f.yaml("POST", WIDGETS,
        "{apiVersion: example.com/v1, kind: Widget, metadata: {name: w1}, spec: {size: 2}}");
    ApiResponse r = f.yaml("PUT", WIDGETS + "/w1",
        "{apiVersion: example.com/v1, kind: Widget, metadata: {name: w1}, spec: {size: 3}}");
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.bodyText()).contains("\"message\":\"widgets.example.com \\\"w1\\\" is invalid: "
        + "metadata.resourceVersion: Invalid value: 0: must be specified for an update\"");
  }

  @Test
  void get_asTable_showsPrinterColumns() {
    f.yaml("POST", WIDGETS,
        "{apiVersion: example.com/v1, kind: Widget, metadata: {name: w1}, spec: {size: 2}}");
    ApiResponse r = f.api.send("GET", WIDGETS, "",
        "Accept", "application/json;as=Table;v=v1;g=meta.k8s.io");
    assertThat(r.bodyText()).contains("{\"name\":\"Size\",\"type\":\"integer\",\"format\":\"\","
        + "\"description\":\"Custom resource definition column (in JSONPath format): .spec.size\","
        + "\"priority\":0}")
        .contains("\"cells\":[\"w1\",2,\"red\"]");
  }

  @Test
  void delete_crd_removesObjectsThenDefinition() {
    f.yaml("POST", WIDGETS,
        "{apiVersion: example.com/v1, kind: Widget, metadata: {name: w1}, spec: {size: 2}}");
    ApiResponse r = f.api.send("DELETE", CrdFixture.CRDS + "/widgets.example.com", "");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.bodyText()).contains("\"finalizers\":[\"customresourcecleanup.apiextensions.k8s"
        + ".io\"]", "\"type\":\"Terminating\",\"status\":\"True\"",
        "\"reason\":\"InstanceDeletionPending\"");
    f.settle();
    assertThat(f.api.send("GET", CrdFixture.CRDS + "/widgets.example.com", "").status())
        .isEqualTo(404);
    assertThat(f.api.store.get("/registry/example.com/widgets/default/w1").kv()).isEmpty();
    assertThat(f.api.send("GET", WIDGETS, "").status()).isEqualTo(404);
  }

  @Test
  void create_conflictingShortName_isNotAccepted() {
    String other = CRD.yaml().replace("widgets.example.com", "gizmos.example.com")
        .replace("plural: widgets, kind: Widget", "plural: gizmos, kind: Gizmo");
    assertThat(f.yaml("POST", CrdFixture.CRDS, other).status()).isEqualTo(201);
    f.settle();
    String crd = f.api.send("GET", CrdFixture.CRDS + "/gizmos.example.com", "").bodyText();
    assertThat(crd).contains("{\"type\":\"NamesAccepted\",\"status\":\"False\","
        + "\"lastTransitionTime\":\"2025-01-01T00:00:00Z\",\"reason\":\"ShortNamesConflict\","
        + "\"message\":\"\\\"wd\\\" is already in use\"}")
        .contains("{\"type\":\"Established\",\"status\":\"False\",\"lastTransitionTime\":"
            + "\"2025-01-01T00:00:00Z\",\"reason\":\"NotAccepted\",\"message\":"
            + "\"not all names are accepted\"}");
  }

  @Test
  void scale_getAndPatch_readAndWriteTheReplicaFields() {
    f.yaml("POST", WIDGETS,
        "{apiVersion: example.com/v1, kind: Widget, metadata: {name: w1}, spec: {size: 2}}");
    ApiResponse get = f.api.send("GET", WIDGETS + "/w1/scale", "");
    assertThat(get.bodyText().strip()).startsWith("{\"kind\":\"Scale\",\"apiVersion\":\"autoscaling/v1\","
        + "\"metadata\":{\"name\":\"w1\",\"namespace\":\"default\",\"uid\":")
        .endsWith("\"spec\":{\"replicas\":2},\"status\":{\"replicas\":0}}");
    ApiResponse patched = f.api.send("PATCH", WIDGETS + "/w1/scale",
        "{\"spec\":{\"replicas\":4}}", "Content-Type", "application/merge-patch+json");
    assertThat(patched.bodyText()).contains("\"spec\":{\"replicas\":4}");
    assertThat(f.api.send("GET", WIDGETS + "/w1", "").bodyText())
        .contains("\"size\":4", "\"generation\":2");
    ApiResponse negative = f.api.send("PATCH", WIDGETS + "/w1/scale",
        "{\"spec\":{\"replicas\":-1}}", "Content-Type", "application/merge-patch+json");
    assertThat(negative.status()).isEqualTo(422);
    assertThat(negative.bodyText()).contains("\"message\":\"Scale.autoscaling \\\"w1\\\" is "
        + "invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\"");
  }

  @Test
  void discovery_establishedCrd_listsResourceWithNamesAndSubresources() {
    AggregatedDiscovery discovery = new AggregatedDiscovery(f.controller.catalog());
    String groups = new String(GoJson.encode(discovery.groups()), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(groups).contains("{\"resource\":\"widgets\",\"responseKind\":{\"group\":"
        + "\"example.com\",\"version\":\"v1\",\"kind\":\"Widget\"},\"scope\":\"Namespaced\","
        + "\"singularResource\":\"widget\",\"verbs\":[\"delete\",\"deletecollection\",\"get\","
        + "\"list\",\"patch\",\"create\",\"update\",\"watch\"],\"shortNames\":[\"wd\"],"
        + "\"categories\":[\"all\"],\"subresources\":[{\"subresource\":\"status\"");
    Discovery legacy = new Discovery(f.controller.catalog(), "127.0.0.1:6443");
    assertThat(legacy.resourceList(new io.gatehouse.api.GroupVersion("example.com", "v1")))
        .isPresent();
  }

  @Test
  void list_crdsAsTable_showsCreatedAt() {
    ApiResponse r = f.api.send("GET", CrdFixture.CRDS, "",
        "Accept", "application/json;as=Table;v=v1;g=meta.k8s.io");
    assertThat(r.bodyText()).contains("{\"name\":\"Created At\",\"type\":\"date\"")
        .contains("\"cells\":[\"widgets.example.com\",\"2025-01-01T00:00:00Z\"]");
  }

  @Test
  void settle_protectedGroupWithApproval_recordsConformance() {
    String approved = CRD.yaml().replace("widgets.example.com", "gadgets.x.k8s.io")
        .replace("group: example.com", "group: x.k8s.io")
        .replace("metadata: {name: gadgets.x.k8s.io}", "metadata: {name: gadgets.x.k8s.io, "
            + "annotations: {api-approved.kubernetes.io: \"https://github.com/kubernetes/"
            + "enhancements/pull/1111\"}}")
        .replace("plural: widgets, kind: Widget, shortNames: [wd]", "plural: gadgets, kind: Gadget");
    ApiResponse created = f.yaml("POST", CrdFixture.CRDS, approved);
    assertThat(created.status()).as(created.bodyText()).isEqualTo(201);
    f.settle();
    assertThat(f.api.send("GET", CrdFixture.CRDS + "/gadgets.x.k8s.io", "").bodyText())
        .contains("{\"type\":\"KubernetesAPIApprovalPolicyConformant\",\"status\":\"True\","
            + "\"lastTransitionTime\":\"2025-01-01T00:00:00Z\",\"reason\":\"ApprovedAnnotation\","
            + "\"message\":\"approved in https://github.com/kubernetes/enhancements/pull/1111\"}");
  }

  @Test
  void apply_newWidget_isCreatedPrunedAndDefaulted() {
    ApiResponse r = f.api.send("PATCH", WIDGETS + "/w9?fieldManager=test",
        "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w9\nspec:\n  size: 3\n"
            + "  shape: round\n", "Content-Type", "application/apply-patch+yaml");
    assertThat(r.status()).as(r.bodyText()).isEqualTo(201);
    assertThat(r.bodyText()).contains("\"spec\":{\"color\":\"red\",\"size\":3}")
        .doesNotContain("shape");
  }
}
