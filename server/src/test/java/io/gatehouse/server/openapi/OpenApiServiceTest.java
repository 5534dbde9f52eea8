package io.gatehouse.server.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.GroupVersionResource;
import io.gatehouse.api.catalog.ApiResource;
import io.gatehouse.api.catalog.ResourceCatalog;
import io.gatehouse.api.catalog.Scope;
import io.gatehouse.api.catalog.Subresource;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class OpenApiServiceTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ResourceCatalog CATALOG = ResourceCatalog.builtin();

  private static OpenApiService service() {
    List<PublishedResource> resources = new ArrayList<>();
    for (String[] r : new String[][] {{"", "v1", "pods"}, {"", "v1", "configmaps"},
        {"apps", "v1", "deployments"}}) {
      ApiResource res = resource(new GroupVersionResource(r[0], r[1], r[2]));
      Definitions d = Definitions.builtin();
      resources.add(new PublishedResource(res, d.nameOf(res.kind()).orElseThrow(),
          d.nameOf(new GroupVersionKind(r[0], r[1], res.listKind())).orElseThrow(),
          res.subresource("status").isPresent()
              ? Map.of("status", d.nameOf(res.kind()).orElseThrow()) : Map.of(),
          PublishedResource.BUILTIN_PATCH_TYPES, Map.of()));
    }
    return OpenApiService.create("v1.33.0", Definitions.builtin(), resources);
  }

  @Test
  void root_listsGroupVersionsWithTheirDocumentHashes() throws Exception {
    OpenApiService s = service();
    JsonNode root = JSON.readTree(s.root().body());
    assertThat(root.get("paths").fieldNames()).toIterable()
        .containsExactly("api/v1", "apis/apps/v1");
    String etag = s.groupVersion("apis/apps/v1").orElseThrow().etag();
    assertThat(root.at("/paths/apis~1apps~1v1/serverRelativeURL").asText())
        .isEqualTo("/openapi/v3/apis/apps/v1?hash=" + etag);
    assertThat(s.root().etag()).isEqualTo(sha512(s.root().body()));
  }

  @Test
  void groupVersion_etag_isUpperCaseSha512OfTheJson() throws Exception {
    OpenApiService.Rendered doc = service().groupVersion("api/v1").orElseThrow();
    assertThat(doc.etag()).isEqualTo(sha512(doc.body())).matches("[0-9A-F]{128}");
  }

  @Test
  void groupVersion_patchOperation_isWhatKubectlLooksFor() throws Exception {
    JsonNode doc = JSON.readTree(service().groupVersion("api/v1").orElseThrow().body());
    assertThat(doc.get("openapi").asText()).isEqualTo("3.0.0");
    JsonNode patch = doc.at("/paths/~1api~1v1~1namespaces~1{namespace}~1pods~1{name}/patch");
    assertThat(patch.get("operationId").asText()).isEqualTo("patchCoreV1NamespacedPod");
    assertThat(patch.get("x-kubernetes-group-version-kind")).isEqualTo(
        JSON.readTree("{\"group\":\"\",\"kind\":\"Pod\",\"version\":\"v1\"}"));
    List<String> params = new ArrayList<>();
    patch.get("parameters").forEach(p -> params.add(p.get("in").asText() + ":"
        + p.get("name").asText()));
    assertThat(params).contains("query:fieldValidation", "query:fieldManager", "query:dryRun",
        "query:force");
    assertThat(patch.at("/requestBody/content").fieldNames()).toIterable()
        .contains("application/strategic-merge-patch+json", "application/apply-patch+yaml");
  }

  @Test
  void groupVersion_components_carryKindsAndResolveEveryReference() throws Exception {
    JsonNode doc = JSON.readTree(service().groupVersion("apis/apps/v1").orElseThrow().body());
    JsonNode schemas = doc.at("/components/schemas");
    assertThat(schemas.at("/io.k8s.api.apps.v1.Deployment/x-kubernetes-group-version-kind/0/kind")
        .asText()).isEqualTo("Deployment");
    JsonNode spec = schemas.at("/io.k8s.api.apps.v1.DeploymentSpec/properties/strategy");
    assertThat(spec.at("/allOf/0/$ref").asText())
        .isEqualTo("#/components/schemas/io.k8s.api.apps.v1.DeploymentStrategy");
    assertThat(spec.get("x-kubernetes-patch-strategy").asText()).isEqualTo("retainKeys");
    Set<String> refs = new TreeSet<>();
    collectRefs(doc, refs);
    for (String ref : refs) {
      assertThat(schemas.has(ref.substring("#/components/schemas/".length()))).as(ref).isTrue();
    }
    assertThat(schemas.at("/io.k8s.apimachinery.pkg.util.intstr.IntOrString/oneOf")).hasSize(2);
  }

  @Test
  void publish_customResource_addsItsGroupVersionWithoutStrategicMergePatch() throws Exception {
    OpenApiService s = service();
    String rootBefore = s.root().etag();
    GroupVersionKind kind = new GroupVersionKind("stable.example.com", "v1", "CronTab");
    ApiResource crontabs = new ApiResource(
        new GroupVersionResource("stable.example.com", "v1", "crontabs"), "crontab", kind,
        "CronTabList", Scope.NAMESPACED, List.of("get", "list", "patch", "create", "update"),
        List.of("ct"), List.of(), List.of(new Subresource("status", kind, List.of("get", "patch",
            "update"))));
    Map<String, Object> schema = Map.of("type", "object", "properties",
        Map.of("spec", Map.of("type", "object", "properties", Map.of("cron",
            Map.of("type", "string")))));
    s.publish("crd/crontabs.stable.example.com", List.of(CustomResourceSchemas.published(
        crontabs, schema, List.of("status"))));

    assertThat(s.root().etag()).isNotEqualTo(rootBefore);
    JsonNode doc = JSON.readTree(s.groupVersion("apis/stable.example.com/v1").orElseThrow()
        .body());
    JsonNode patch = doc.at(
        "/paths/~1apis~1stable.example.com~1v1~1namespaces~1{namespace}~1crontabs~1{name}/patch");
    assertThat(patch.at("/requestBody/content").fieldNames()).toIterable()
        .doesNotContain("application/strategic-merge-patch+json");
    JsonNode crontab = doc.at("/components/schemas/com.example.stable.v1.CronTab");
    assertThat(crontab.at("/properties/spec/type").asText()).isEqualTo("object");
    assertThat(crontab.at("/properties/metadata/allOf/0/$ref").asText())
        .isEqualTo("#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta");
    assertThat(doc.at("/components/schemas/com.example.stable.v1.CronTabList/properties/items"
        + "/items/$ref").asText()).isEqualTo("#/components/schemas/com.example.stable.v1.CronTab");
    assertThat(doc.at("/paths/~1apis~1stable.example.com~1v1~1namespaces~1{namespace}~1crontabs"
        + "~1{name}~1status/patch/operationId").asText())
        .isEqualTo("patchStableExampleComV1NamespacedCronTabStatus");
    assertThat(s.definitions().nameOf(kind)).contains("com.example.stable.v1.CronTab");

    s.unpublish("crd/crontabs.stable.example.com");
    assertThat(s.groupVersion("apis/stable.example.com/v1")).isEmpty();
    assertThat(s.root().etag()).isEqualTo(rootBefore);
  }

  @Test
  void v2Json_isSwaggerWithDefinitionsAndOperations() throws Exception {
    JsonNode doc = JSON.readTree(service().v2Json().body());
    assertThat(doc.get("swagger").asText()).isEqualTo("2.0");
    JsonNode patch = doc.at("/paths/~1apis~1apps~1v1~1namespaces~1{namespace}~1deployments~1{name}"
        + "/patch");
    assertThat(patch.get("consumes")).hasSize(4);
    assertThat(patch.at("/parameters/0/in").asText()).isEqualTo("body");
    assertThat(doc.at("/definitions/io.k8s.api.core.v1.PodSpec/properties/containers/items/$ref")
        .asText()).isEqualTo("#/definitions/io.k8s.api.core.v1.Container");
  }

  private static void collectRefs(JsonNode node, Set<String> refs) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> {
        if (e.getKey().equals("$ref")) {
          refs.add(e.getValue().asText());
        } else {
          collectRefs(e.getValue(), refs);
        }
      });
    } else if (node.isArray()) {
      node.forEach(n -> collectRefs(n, refs));
    }
  }

  private static ApiResource resource(GroupVersionResource gvr) {
    return CATALOG.groups().stream().flatMap(g -> g.versions().stream())
        .flatMap(v -> v.resources().stream())
        .filter(r -> r.groupVersionResource().equals(gvr)).findFirst().orElseThrow();
  }

  private static String sha512(byte[] data) throws Exception {
    return HexFormat.of().withUpperCase().formatHex(
        MessageDigest.getInstance("SHA-512").digest(data));
  }
}
