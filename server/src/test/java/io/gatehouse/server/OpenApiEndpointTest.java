package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.catalog.ResourceCatalog;
import io.gatehouse.server.openapi.OpenApiService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class OpenApiEndpointTest {

  private static final ResourceCatalog CATALOG = ResourceCatalog.builtin();
  private static final OpenApiService SERVICE = BuiltinOpenApi.service(CATALOG,
      new ResourceTable(CATALOG), "v1.33.0");
  private static final OpenApiEndpoint ENDPOINT = new OpenApiEndpoint(() -> SERVICE,
      Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));

  private record Case(String name, String uri, String accept, int status, String contentType,
      String vary) {
    Case(String name, String uri, String accept, int status, String contentType) {
      this(name, uri, accept, status, contentType, "Accept");
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> negotiation() {
    String proto = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";
    return Stream.of(
        new Case("v2 as kubectl asks", "/openapi/v2",
            "application/com.github.proto-openapi.spec.v2@v1.0+protobuf", 200, proto),
        new Case("v2 current protobuf name", "/openapi/v2", proto, 200, proto),
        new Case("v2 json", "/openapi/v2", "application/json", 200, "application/json"),
        new Case("v2 anything is json", "/openapi/v2", "", 200, "application/json"),
        new Case("v2 quality order", "/openapi/v2",
            "application/json;q=0.5, application/com.github.proto-openapi.spec.v2@v1.0+protobuf",
            200, proto),
        new Case("v2 unacceptable", "/openapi/v2", "text/html", 406, null),
        new Case("v3 root", "/openapi/v3", "application/json", 200, "application/json", null),
        new Case("v3 document", "/openapi/v3/apis/apps/v1", "application/json", 200,
            "application/json"),
        new Case("v3 protobuf only", "/openapi/v3/api/v1",
            "application/com.github.proto-openapi.spec.v3.v1.0+protobuf", 406, null),
        new Case("v3 unknown group version", "/openapi/v3/apis/example.com/v1",
            "application/json", 200, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("negotiation")
  void handle_accept_negotiatesAsUpstream(Case c) {
    ApiResponse r = get(c.uri(), "Accept", c.accept());
    assertThat(r.status()).isEqualTo(c.status());
    assertThat(r.headers().get("Content-Type")).isEqualTo(c.contentType());
    assertThat(r.headers().get("Vary")).isEqualTo(c.vary());
  }

  @Test
  void handle_matchingIfNoneMatch_answersNotModified() {
    String etag = get("/openapi/v3", "Accept", "application/json").headers().get("Etag");
    assertThat(etag).matches("\"[0-9A-F]{128}\"");
    ApiResponse r = get("/openapi/v3", "Accept", "application/json", "If-None-Match", etag);
    assertThat(r.status()).isEqualTo(304);
    assertThat(r.body()).isEmpty();
  }

  @Test
  void handle_currentHash_isCachedForAYear() {
    String hash = SERVICE.groupVersion("api/v1").orElseThrow().etag();
    ApiResponse r = get("/openapi/v3/api/v1?hash=" + hash, "Accept", "application/json");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.headers()).containsEntry("Cache-Control", "public, immutable")
        .containsEntry("Expires", "Thu, 01 Jan 2026 00:00:00 GMT")
        .containsEntry("Etag", "\"" + hash + "\"");
  }

  @Test
  void handle_staleHash_redirectsToTheCurrentOne() {
    String hash = SERVICE.groupVersion("api/v1").orElseThrow().etag();
    ApiResponse r = get("/openapi/v3/api/v1?hash=0123", "Accept", "application/json");
    assertThat(r.status()).isEqualTo(301);
    assertThat(r.headers()).containsEntry("Location", "/openapi/v3/api/v1?hash=" + hash);
  }

  @Test
  void handle_otherPath_isNotOpenApi() {
    assertThat(ENDPOINT.handle(ApiRequest.of("GET", "/openapi", Headers.EMPTY))).isEmpty();
  }

  private static ApiResponse get(String uri, String... headers) {
    return ENDPOINT.handle(ApiRequest.of("GET", uri, Headers.of(headers))).orElseThrow();
  }
}
