package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ResourceHandlerTest {

  private static final String CM = "/api/v1/namespaces/default/configmaps";
  private static final String CM_BODY =
      "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c1\"},\"data\":{\"a\":\"b\"}}";

  private final RestFixture api = new RestFixture();

  @Test
  void create_configMap_setsServerFields() {
    ApiResponse r = api.json("POST", CM, CM_BODY);
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.bodyText()).contains("\"namespace\":\"default\"", "\"uid\":\"",
        "\"creationTimestamp\":\"2025-01-01T00:00:00Z\"", "\"resourceVersion\":\"")
        .doesNotContain("generation");
  }

  private record Case(String name, String method, String uri, String body, int code,
      String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> failures() {
    return Stream.of(
        new Case("duplicate create", "POST", CM, CM_BODY, 409,
            "configmaps \\\"c1\\\" already exists"),
        new Case("missing object", "GET", CM + "/nope", "", 404,
            "configmaps \\\"nope\\\" not found"),
        new Case("stale update", "PUT", CM + "/c1",
            "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c1\","
                + "\"resourceVersion\":\"1\"}}", 409,
            "Operation cannot be fulfilled on configmaps \\\"c1\\\": the object has been modified; "
                + "please apply your changes to the latest version and try again"),
        new Case("name mismatch", "PUT", CM + "/c1",
            "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c2\"}}", 400,
            "the name of the object (c2) does not match the name on the URL (c1)"),
        new Case("namespace mismatch", "POST", CM,
            "{\"metadata\":{\"name\":\"x\",\"namespace\":\"other\"}}", 400,
            "the namespace of the provided object does not match the namespace sent on the request"),
        new Case("invalid name", "POST", CM, "{\"metadata\":{\"name\":\"Bad_Name\"}}", 422,
            "ConfigMap \\\"Bad_Name\\\" is invalid: metadata.name: Invalid value: \\\"Bad_Name\\\": "
                + "a lowercase RFC 1123 subdomain must consist of"),
        new Case("no name", "POST", CM, "{\"metadata\":{}}", 422,
            "metadata.name: Required value: name or generateName is required"),
        new Case("wrong version", "POST", CM, "{\"apiVersion\":\"apps/v1\",\"kind\":\"ConfigMap\"}",
            400, "the API version in the data (apps/v1) does not match the expected API version (v1)"),
        new Case("missing namespace", "POST", "/api/v1/namespaces/ghost/configmaps",
            "{\"metadata\":{\"name\":\"x\"}}", 404, "namespaces \\\"ghost\\\" not found"),
        new Case("malformed body", "POST", CM, "{\"metadata\":", 400, "json parse error"),
        new Case("apply patch without field manager", "PATCH", CM + "/c1", "{}", 422,
            "PatchOptions.meta.k8s.io \\\"\\\" is invalid: fieldManager: Required value: is "
                + "required for apply patch"),
        new Case("bad dry run", "POST", CM + "?dryRun=Some", CM_BODY, 422,
            "CreateOptions.meta.k8s.io \\\"\\\" is invalid: dryRun: Unsupported value: "
                + "[]string{\\\"Some\\\"}: supported values: \\\"All\\\""),
        new Case("strict duplicate", "POST", CM + "?fieldValidation=Strict",
            "{\"metadata\":{\"name\":\"d\",\"name\":\"d\"}}", 400,
            "strict decoding error: duplicate field \\\"metadata.name\\\""),
        new Case("strict unknown", "POST", CM + "?fieldValidation=Strict",
            "{\"metadata\":{\"name\":\"u\",\"labelz\":{}},\"data\":{\"k\":\"v\"},"
                + "\"spec\":{\"x\":1}}", 400,
            "ConfigMap in version \\\"v1\\\" cannot be handled as a ConfigMap: strict decoding "
                + "error: unknown field \\\"metadata.labelz\\\", unknown field \\\"spec\\\""),
        new Case("strict unknown in a list item", "POST",
            "/api/v1/namespaces/default/pods?fieldValidation=Strict",
            "{\"metadata\":{\"name\":\"p\"},\"spec\":{\"containers\":[{\"name\":\"c\","
                + "\"image\":\"i\",\"imagePolicy\":\"x\"}]}}", 400,
            "strict decoding error: unknown field \\\"spec.containers[0].imagePolicy\\\""),
        new Case("expired continue", "GET", CM + "?limit=1&continue=eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6MSwic3RhcnQiOiJhXHUwMDAwIn0",
            "", 410, RegistryReader.INCONSISTENT_CONTINUE),
        new Case("delete immortal", "DELETE", "/api/v1/namespaces/default", "", 403,
            "namespaces \\\"default\\\" is forbidden: this namespace may not be deleted"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void request_failure_returnsUpstreamStatus(Case c) {
    api.json("POST", CM, CM_BODY);
    api.store.compact(api.store.currentRevision());
    ApiResponse r = c.method().equals("PATCH")
        ? api.send("PATCH", c.uri(), c.body(), "Content-Type", "application/apply-patch+yaml")
        : api.json(c.method(), c.uri(), c.body());
    assertThat(r.status()).as(r.bodyText()).isEqualTo(c.code());
    assertThat(r.bodyText()).contains(c.message());
  }

  @Test
  void create_unknownFieldUnderWarn_dropsItAndWarns() {
    ApiResponse r = api.json("POST", CM, "{\"metadata\":{\"name\":\"w\",\"extra2\":1},\"extra\":true}");
    assertThat(r.status()).as(r.bodyText()).isEqualTo(201);
    assertThat(r.headers().get("Warning"))
        .isEqualTo("299 - \"unknown field \\\"metadata.extra2\\\"\", "
            + "299 - \"unknown field \\\"extra\\\"\"");
    assertThat(r.bodyText()).doesNotContain("extra");
    assertThat(api.json("GET", CM + "/w", "").bodyText()).doesNotContain("extra");
  }

  @Test
  void create_unknownFieldUnderIgnore_isAccepted() {
    ApiResponse r = api.json("POST", CM + "?fieldValidation=Ignore",
        "{\"metadata\":{\"name\":\"i\"},\"extra\":true}");
    assertThat(r.status()).as(r.bodyText()).isEqualTo(201);
    assertThat(r.headers()).doesNotContainKey("Warning");
    assertThat(api.json("GET", CM + "/i", "").bodyText()).doesNotContain("extra");
  }

  @Test
  void patch_strategicUnknownFieldUnderStrict_isInvalidWithGoPrintedPatch() throws Exception {
    api.json("POST", CM, CM_BODY);
    ApiResponse r = api.send("PATCH", CM + "/c1?fieldValidation=Strict",
        "{\"data\":{\"k\":\"v\"},\"spek\":{\"b\":[1,2.5,true,null],\"a\":\"x y\"}}",
        "Content-Type", "application/strategic-merge-patch+json");
    assertThat(r.status()).as(r.bodyText()).isEqualTo(422);
    com.fasterxml.jackson.databind.JsonNode status =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
    assertThat(status.get("message").asText()).isEqualTo(" \"\" is invalid: patch: Invalid value: "
        + "\"map[data:map[k:v] spek:map[a:x y b:[1 2.5 true <nil>]]]\": strict decoding error: "
        + "unknown field \"spek\"");
    assertThat(status.at("/details/causes/0/field").asText()).isEqualTo("patch");
    assertThat(api.json("GET", CM + "/c1", "").bodyText()).doesNotContain("spek");
  }

  @Test
  void patch_mergeUnknownFieldUnderWarn_appliesAndWarns() {
    api.json("POST", CM, CM_BODY);
    ApiResponse r = api.send("PATCH", CM + "/c1", "{\"data\":{\"k\":\"v\"},\"spek\":1}",
        "Content-Type", "application/merge-patch+json");
    assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
    assertThat(r.headers().get("Warning")).isEqualTo("299 - \"unknown field \\\"spek\\\"\"");
    assertThat(api.json("GET", CM + "/c1", "").bodyText()).contains("\"k\":\"v\"")
        .doesNotContain("spek");
  }

  @Test
  void list_limitAndContinue_pagesThroughEverything() {
    for (int i = 0; i < 5; i++) {
      api.json("POST", CM, "{\"metadata\":{\"name\":\"c" + i + "\",\"labels\":{\"i\":\"" + i + "\"}}}");
    }
    ApiResponse first = api.json("GET", CM + "?limit=2", "");
    assertThat(first.bodyText()).contains("\"remainingItemCount\":3", "\"name\":\"c0\"",
        "\"name\":\"c1\"", "\"kind\":\"ConfigMapList\"");
    String token = first.bodyText().replaceAll(".*\"continue\":\"([^\"]+)\".*\\s*", "$1");
    ApiResponse second = api.json("GET", CM + "?limit=2&continue=" + token, "");
    assertThat(second.bodyText()).contains("\"name\":\"c2\"", "\"name\":\"c3\"")
        .doesNotContain("\"name\":\"c1\"");
    ApiResponse selected = api.json("GET", CM + "?labelSelector=i+in+(1,4)", "");
    assertThat(selected.bodyText()).contains("\"name\":\"c1\"", "\"name\":\"c4\"")
        .doesNotContain("\"name\":\"c2\"");
    ApiResponse byName = api.json("GET", "/api/v1/configmaps?fieldSelector=metadata.name%3Dc3", "");
    assertThat(byName.bodyText()).contains("\"name\":\"c3\"").doesNotContain("\"name\":\"c2\"");
  }

  @Test
  void list_asTable_hasUpstreamColumns() {
    api.json("POST", CM, CM_BODY);
    ApiResponse r = api.send("GET", CM, "", "Accept",
        "application/json;as=Table;v=v1;g=meta.k8s.io,application/json");
    assertThat(r.bodyText()).contains("\"kind\":\"Table\"", "\"name\":\"Data\"",
        "\"cells\":[\"c1\",1,", "\"kind\":\"PartialObjectMetadata\"");
  }

  @Test
  void patch_strategicLabel_mergesMetadata() {
    api.json("POST", CM, CM_BODY);
    ApiResponse r = api.send("PATCH", CM + "/c1", "{\"metadata\":{\"labels\":{\"x\":\"y\"}}}",
        "Content-Type", "application/strategic-merge-patch+json");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.bodyText()).contains("\"labels\":{\"x\":\"y\"}", "\"a\":\"b\"");
  }

  @Test
  void create_dryRun_persistsNothing() {
    ApiResponse r = api.json("POST", CM + "?dryRun=All", CM_BODY);
    assertThat(r.status()).isEqualTo(201);
    assertThat(api.json("GET", CM + "/c1", "").status()).isEqualTo(404);
  }

  @Test
  void delete_withFinalizer_keepsObjectUntilFinalizerRemoved() {
    api.json("POST", CM, "{\"metadata\":{\"name\":\"f\",\"finalizers\":[\"x/y\"]}}");
    ApiResponse d = api.json("DELETE", CM + "/f", "");
    assertThat(d.bodyText()).contains("\"deletionTimestamp\"");
    assertThat(api.json("GET", CM + "/f", "").status()).isEqualTo(200);
    api.send("PATCH", CM + "/f", "{\"metadata\":{\"finalizers\":null}}", "Content-Type",
        "application/merge-patch+json");
    assertThat(api.json("GET", CM + "/f", "").status()).isEqualTo(404);
  }

  @Test
  void delete_uidPrecondition_conflicts() {
    api.json("POST", CM, CM_BODY);
    ApiResponse r = api.json("DELETE", CM + "/c1", "{\"preconditions\":{\"uid\":\"other\"}}");
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.bodyText()).contains("Operation cannot be fulfilled on ConfigMap \\\"c1\\\": the "
        + "UID in the precondition (other) does not match the UID in record (");
  }

  @Test
  void namespace_delete_terminatesAndRemovesContents() throws Exception {
    api.json("POST", "/api/v1/namespaces", "{\"metadata\":{\"name\":\"tmp\"}}");
    api.json("POST", "/api/v1/namespaces/tmp/configmaps", CM_BODY);
    ApiResponse d = api.json("DELETE", "/api/v1/namespaces/tmp", "");
    assertThat(d.bodyText()).contains("\"phase\":\"Terminating\"",
        "\"kubernetes.io/metadata.name\":\"tmp\"");
    ApiResponse late = api.json("POST", "/api/v1/namespaces/tmp/configmaps",
        "{\"metadata\":{\"name\":\"late\"}}");
    assertThat(late.bodyText()).contains("configmaps \\\"late\\\" is forbidden: unable to create "
        + "new content in namespace tmp because it is being terminated", "NamespaceTerminating");
    api.namespaces.syncOnce();
    api.namespaces.syncOnce();
    assertThat(api.json("GET", "/api/v1/namespaces/tmp", "").status()).isEqualTo(404);
  }

  @Test
  void watch_fromList_seesAddedModifiedDeleted() throws Exception {
    api.json("POST", CM, CM_BODY);
    ApiResponse w = api.json("GET", CM + "?watch=true&allowWatchBookmarks=true", "");
    CompletableFuture<List<String>> events =
        CompletableFuture.supplyAsync(() -> {
          try {
            return RestFixture.stream(w, 4);
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        });
    Thread.sleep(200);
    api.send("PATCH", CM + "/c1", "{\"data\":{\"a\":\"c\"}}", "Content-Type",
        "application/merge-patch+json");
    api.json("DELETE", CM + "/c1", "");
    List<String> lines = events.get(10, TimeUnit.SECONDS);
    assertThat(lines).extracting(l -> l.substring(0, 20))
        .containsSubsequence("{\"type\":\"ADDED\",\"obj", "{\"type\":\"MODIFIED\",\"",
            "{\"type\":\"DELETED\",\"o");
  }

  @Test
  void watch_twoWatchesOfOneChange_shareTheObjectButEachItsSelection() throws Exception {
    api.json("POST", CM, "{\"metadata\":{\"name\":\"s\",\"labels\":{\"app\":\"x\"}}}");
    String rv = api.json("GET", CM, "").bodyText().replaceAll(
        "(?s).*\"resourceVersion\":\"(\\d+)\".*", "$1");
    ApiResponse selected = api.json("GET", CM + "?watch=true&labelSelector=app%3Dx&resourceVersion="
        + rv, "");
    ApiResponse all = api.json("GET", CM + "?watch=true&resourceVersion=" + rv, "");
    CompletableFuture<List<String>> selectedEvents = events(selected, 1);
    CompletableFuture<List<String>> allEvents = events(all, 1);
    Thread.sleep(200);
    api.send("PATCH", CM + "/s", "{\"metadata\":{\"labels\":{\"app\":\"y\"}}}",
        "Content-Type", "application/merge-patch+json");

    String left = selectedEvents.get(10, TimeUnit.SECONDS).get(0);
    String modified = allEvents.get(10, TimeUnit.SECONDS).get(0);
    assertThat(left).startsWith("{\"type\":\"DELETED\",\"object\":");
    assertThat(modified).startsWith("{\"type\":\"MODIFIED\",\"object\":");
    assertThat(left.substring(left.indexOf("\"object\"")))
        .isEqualTo(modified.substring(modified.indexOf("\"object\"")))
        .contains("\"app\":\"y\"");
  }

  private static CompletableFuture<List<String>> events(ApiResponse watch, int n) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return RestFixture.stream(watch, n);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  @Test
  void watch_compactedVersion_endsWithExpiredError() throws Exception {
    api.json("POST", CM, CM_BODY);
    api.json("POST", CM, "{\"metadata\":{\"name\":\"c2\"}}");
    api.store.compact(api.store.currentRevision());
    ApiResponse w = api.json("GET", CM + "?watch=1&resourceVersion=1", "");
    List<String> lines = RestFixture.stream(w, 1);
    assertThat(lines.get(0)).startsWith("{\"type\":\"ERROR\"")
        .contains("too old resource version: 1 (", "\"code\":410", "\"reason\":\"Expired\"");
  }
}
