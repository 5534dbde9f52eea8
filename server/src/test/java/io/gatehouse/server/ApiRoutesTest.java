package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.api.catalog.ResourceCatalog;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ApiRoutesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ResourceCatalog CATALOG = ResourceCatalog.builtin();
  private static final String AGGREGATED_ACCEPT =
      "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,"
          + "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json";
  private static final ApiRoutes ROUTES = new ApiRoutes(VersionInfo.document("0.1.0"),
      new Discovery(CATALOG, "127.0.0.1:6443"), new AggregatedDiscovery(CATALOG),
      List.of(new HealthEndpoint("healthz", List.of(HealthCheck.ping()))));

  private static ApiResponse get(String uri, String accept) {
    return ROUTES.handle(ApiRequest.of("GET", uri, accept.isEmpty() ? Headers.EMPTY : Headers.of("Accept", accept)));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(ApiResponse r) throws Exception {
    return JSON.readValue(r.body(), Map.class);
  }

  @Test
  void handle_version_reports133() throws Exception {
    Map<String, Object> v = json(get("/version", ""));
    assertThat(v).containsEntry("major", "1").containsEntry("minor", "33")
        .containsEntry("gitVersion", "v1.33.0-gatehouse.0.1.0");
  }

  @Test
  void handle_api_legacyApiVersionsWithoutApiVersionField() {
    ApiResponse r = get("/api", "application/json");
    assertThat(r.headers()).containsEntry("Content-Type", "application/json");
    assertThat(r.bodyText()).isEqualTo("{\"kind\":\"APIVersions\",\"versions\":[\"v1\"],"
        + "\"serverAddressByClientCIDRs\":[{\"clientCIDR\":\"0.0.0.0/0\",\"serverAddress\":\"127.0.0.1:6443\"}]}\n");
  }

  @Test
  void handle_apiV1_resourceListInUpstreamShape() throws Exception {
    Map<String, Object> list = json(get("/api/v1", ""));
    assertThat(list.keySet()).containsExactly("kind", "groupVersion", "resources");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> resources = (List<Map<String, Object>>) list.get("resources");
    assertThat(resources).contains(
        Map.of("name", "nodes", "singularName", "node", "namespaced", false, "kind", "Node",
            "verbs", List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"),
            "shortNames", List.of("no")),
        Map.of("name", "pods/eviction", "singularName", "", "namespaced", true, "group", "policy",
            "version", "v1", "kind", "Eviction", "verbs", List.of("create")),
        Map.of("name", "pods/status", "singularName", "", "namespaced", true, "kind", "Pod",
            "verbs", List.of("get", "patch", "update")));
    List<Object> names = resources.stream().map(m -> m.get("name")).toList();
    assertThat(names.indexOf("namespaces")).isLessThan(names.indexOf("namespaces/finalize"));
  }

  @Test
  void handle_apisGroupVersion_hasApiVersionField() throws Exception {
    Map<String, Object> list = json(get("/apis/apps/v1", ""));
    assertThat(list).containsEntry("kind", "APIResourceList").containsEntry("apiVersion", "v1")
        .containsEntry("groupVersion", "apps/v1");
  }

  @Test
  void handle_apisGroup_apiGroupWithPreferredVersion() throws Exception {
    Map<String, Object> g = json(get("/apis/admissionregistration.k8s.io", ""));
    assertThat(g).containsEntry("kind", "APIGroup").containsEntry("name", "admissionregistration.k8s.io")
        .containsEntry("preferredVersion", Map.of("groupVersion", "admissionregistration.k8s.io/v1", "version", "v1"));
  }

  @Test
  void handle_apisLegacy_groupListWithoutCore() throws Exception {
    Map<String, Object> list = json(get("/apis", "application/json"));
    assertThat(list).containsEntry("kind", "APIGroupList").containsEntry("apiVersion", "v1");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> groups = (List<Map<String, Object>>) list.get("groups");
    assertThat(groups).extracting(m -> m.get("name")).doesNotContain("").contains("apps", "rbac.authorization.k8s.io");
  }

  @Test
  void handle_apisAggregatedAccept_v2ListWithContentType() throws Exception {
    ApiResponse r = get("/apis", AGGREGATED_ACCEPT);
    assertThat(r.headers()).containsEntry("Content-Type",
        "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList");
    Map<String, Object> list = json(r);
    assertThat(list).containsEntry("apiVersion", "apidiscovery.k8s.io/v2").containsEntry("kind", "APIGroupDiscoveryList");
    assertThat(r.bodyText()).contains("{\"metadata\":{\"name\":\"apps\",\"creationTimestamp\":null},\"versions\":[{\"version\":\"v1\",\"resources\":[");
    assertThat(r.bodyText()).contains("{\"resource\":\"deployments\",\"responseKind\":{\"group\":\"apps\",\"version\":\"v1\",\"kind\":\"Deployment\"},\"scope\":\"Namespaced\",\"singularResource\":\"deployment\"");
  }

  @Test
  void handle_apiAggregated_coreItemOnly() throws Exception {
    ApiResponse r = get("/api", AGGREGATED_ACCEPT);
    assertThat(r.bodyText()).startsWith("{\"kind\":\"APIGroupDiscoveryList\",\"apiVersion\":\"apidiscovery.k8s.io/v2\",\"metadata\":{},\"items\":[{\"metadata\":{\"creationTimestamp\":null},\"versions\":[{\"version\":\"v1\"");
    assertThat(r.bodyText()).contains("{\"subresource\":\"eviction\",\"responseKind\":{\"group\":\"policy\",\"version\":\"v1\",\"kind\":\"Eviction\"},\"verbs\":[\"create\"]}");
  }

  private record NotFoundCase(String method, String uri, int code, String body) {
    @Override
    public String toString() {
      return method + " " + uri;
    }
  }

  static Stream<NotFoundCase> errors() {
    String notFound = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
        + "\"message\":\"the server could not find the requested resource\",\"reason\":\"NotFound\",\"code\":404}\n";
    String routeNotFound = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
        + "\"message\":\"the server could not find the requested resource\",\"reason\":\"NotFound\",\"details\":{},\"code\":404}\n";
    String methodNotAllowed = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
        + "\"message\":\"the server does not allow this method on the requested resource\",\"reason\":\"MethodNotAllowed\",\"details\":{},\"code\":405}\n";
    return Stream.of(
        new NotFoundCase("GET", "/foo", 404, notFound),
        new NotFoundCase("GET", "/apis/nope.example.com", 404, notFound),
        new NotFoundCase("GET", "/apis/nope.example.com/v1", 404, notFound),
        new NotFoundCase("GET", "/api/v2", 404, notFound),
        new NotFoundCase("GET", "/healthz/nope", 404, notFound),
        new NotFoundCase("GET", "/api/v1/nosuchresource", 404, routeNotFound),
        new NotFoundCase("GET", "/apis/apps/v1/namespaces/default/deployments", 404, routeNotFound),
        new NotFoundCase("POST", "/version", 405, methodNotAllowed),
        new NotFoundCase("DELETE", "/api", 405, methodNotAllowed),
        new NotFoundCase("PUT", "/apis/apps/v1", 405, methodNotAllowed));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void handle_unservedPathOrMethod_upstreamStatus(NotFoundCase c) {
    ApiResponse r = ROUTES.handle(ApiRequest.of(c.method(), c.uri(), Headers.EMPTY));
    assertThat(r.status()).isEqualTo(c.code());
    assertThat(r.bodyText()).isEqualTo(c.body());
  }

  @Test
  void handle_healthzCheck_ok() {
    assertThat(Optional.of(get("/healthz/ping", "")).map(ApiResponse::bodyText)).contains("ok");
  }
}
