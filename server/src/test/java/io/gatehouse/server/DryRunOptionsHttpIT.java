package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An unsupported {@code dryRun} value sent over HTTPS to {@code gatehouse server}, without
 * kubectl (which only sends {@code All}): every write verb answers kube-apiserver 1.33's 422 for
 * its options kind, and nothing is deleted.
 */
class DryRunOptionsHttpIT {

  private static final String CMS = "/api/v1/namespaces/default/configmaps";
  private static final String JSON = "application/json";

  @RegisterExtension
  static final KubectlServer server = KubectlServer.builder().build();

  private static HttpResponse<String> send(String method, String path, String body)
      throws Exception {
    return send(method, path, body, "application/json");
  }

  private static HttpResponse<String> send(String method, String path, String body,
      String contentType) throws Exception {
    try (HttpClient client = server.adminHttp().build()) {
      return client.send(HttpRequest.newBuilder(URI.create(server.url() + path))
          .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body))
          .header("Content-Type", contentType).header("Accept", "application/json")
          .build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  @BeforeAll
  static void configMap() throws Exception {
    HttpResponse<String> r = send("POST", CMS, "{\"metadata\":{\"name\":\"kept\"}}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }

  private record Case(String name, String method, String path, String body, String contentType,
      String options) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> writes() {
    return Stream.of(
        new Case("delete", "DELETE", CMS + "/kept?dryRun=Bogus", "", JSON, "DeleteOptions"),
        new Case("deletecollection", "DELETE", CMS + "?dryRun=Bogus", "", JSON,
            "DeleteOptions"),
        new Case("create", "POST", CMS + "?dryRun=Bogus", "{\"metadata\":{\"name\":\"new\"}}",
            JSON, "CreateOptions"),
        new Case("merge patch", "PATCH", CMS + "/kept?dryRun=Bogus", "{}",
            "application/merge-patch+json", "PatchOptions"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("writes")
  void write_bogusDryRun_422ForItsOptions(Case c) throws Exception {
    HttpResponse<String> r = send(c.method(), c.path(), c.body(), c.contentType());

    assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
    assertThat(r.body()).isEqualTo("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},"
        + "\"status\":\"Failure\",\"message\":\"" + c.options() + ".meta.k8s.io \\\"\\\" is "
        + "invalid: dryRun: Unsupported value: []string{\\\"Bogus\\\"}: supported values: "
        + "\\\"All\\\"\",\"reason\":\"Invalid\",\"details\":{\"group\":\"meta.k8s.io\","
        + "\"kind\":\"" + c.options() + "\",\"causes\":[{\"reason\":\"FieldValueNotSupported\","
        + "\"message\":\"Unsupported value: []string{\\\"Bogus\\\"}: supported values: "
        + "\\\"All\\\"\",\"field\":\"dryRun\"}]},\"code\":422}\n");
    assertThat(send("GET", CMS + "/kept", "").statusCode()).isEqualTo(200);
  }
}
