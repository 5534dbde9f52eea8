package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.protobuf.Proto;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Protobuf request bodies through the REST handlers: creates, updates and DeleteOptions as
 * kubectl 1.32+ sends them, answered in JSON, and upstream's 415 and 400 for media types and
 * bodies that cannot be taken.
 */
class ProtobufRequestsTest {

  private static final String PROTOBUF = "application/vnd.kubernetes.protobuf";
  private static final String KUBECTL_ACCEPT = "application/vnd.kubernetes.protobuf,application/json";
  private static final String CM = "/api/v1/namespaces/default/configmaps";
  private static final String ACCEPTED_BUILTIN = "the body of the request was in an unknown "
      + "format - accepted media types include: application/json, application/yaml, "
      + "application/vnd.kubernetes.protobuf";

  private final RestFixture api = new RestFixture();

  private ApiResponse protobuf(String method, String uri, byte[] body) {
    return api.send(method, uri, body, "Content-Type", PROTOBUF, "Accept", KUBECTL_ACCEPT);
  }

  private static byte[] golden(String name) throws IOException {
    try (InputStream in = ProtobufRequestsTest.class.getResourceAsStream(
        "/io/gatehouse/server/protobuf/kubectl-1.33/" + name + "/body.pb")) {
      return in.readAllBytes();
    }
  }

  /** A ConfigMap named {@code name} in the default namespace with {@code a: value}. */
  private static byte[] configMap(String name, String value, String resourceVersion) {
    Proto meta = Proto.message().string(1, name).string(3, "default");
    if (!resourceVersion.isEmpty()) {
      meta.string(6, resourceVersion);
    }
    return Proto.envelope("v1", "ConfigMap",
        Proto.message().message(1, meta).entry(2, "a", value));
  }

  @Test
  void create_kubectlConfigMapBody_storesTheJsonFormAndAnswersJson() throws IOException {
    api.json("POST", "/api/v1/namespaces", "{\"metadata\":{\"name\":\"cap\"}}");

    ApiResponse r = protobuf("POST", "/api/v1/namespaces/cap/configmaps?fieldValidation=Strict",
        golden("configmap"));

    assertThat(r.status()).as(r.bodyText()).isEqualTo(201);
    assertThat(r.headers()).containsEntry("Content-Type", "application/json");
    assertThat(api.json("GET", "/api/v1/namespaces/cap/configmaps/cm", "").bodyText())
        .contains("\"data\":{\"a\":\"b\",\"c\":\"d\"}", "\"namespace\":\"cap\"");
  }

  @Test
  void update_protobufBody_replacesTheObject() {
    ApiResponse created = protobuf("POST", CM, configMap("u", "1", ""));
    Matcher rv = Pattern.compile("\"resourceVersion\":\"(\\d+)\"")
        .matcher(created.bodyText());
    assertThat(rv.find()).isTrue();

    ApiResponse r = protobuf("PUT", CM + "/u", configMap("u", "2", rv.group(1)));

    assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
    assertThat(api.json("GET", CM + "/u", "").bodyText()).contains("\"data\":{\"a\":\"2\"}");
  }

  @Test
  void delete_kubectlDeleteOptionsBody_deletes() {
    protobuf("POST", CM, configMap("d", "1", ""));
    byte[] options = Proto.prefixed(Proto.message().message(1, Proto.message().string(1, "v1")
        .string(2, "DeleteOptions")).bytes(2, new byte[0]).string(3, "").string(4, "").bytes());

    ApiResponse r = protobuf("DELETE", CM + "/d", options);

    assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
    assertThat(api.json("GET", CM + "/d", "").status()).isEqualTo(404);
  }

  @Test
  void delete_protobufDryRunOptions_keepsTheObject() {
    protobuf("POST", CM, configMap("k", "1", ""));
    byte[] options = Proto.envelope("v1", "DeleteOptions", Proto.message().string(5, "All"));

    ApiResponse r = protobuf("DELETE", CM + "/k", options);

    assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
    assertThat(api.json("GET", CM + "/k", "").status()).isEqualTo(200);
  }

  private record Case(String name, String method, String uri, String contentType, byte[] body,
      int code, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> failures() {
    byte[] json = "{\"metadata\":{\"name\":\"x\"}}".getBytes(StandardCharsets.UTF_8);
    byte[] node = Proto.envelope("v1", "Node", Proto.message()
        .message(1, Proto.message().string(1, "n")));
    return Stream.of(
        new Case("text body to a built-in kind", "POST", CM, "text/plain", json, 415,
            ACCEPTED_BUILTIN),
        new Case("wildcard content type", "POST", CM, "*/*", json, 415, ACCEPTED_BUILTIN),
        new Case("unparsable content type", "POST", CM, "application/json; =x", json, 415,
            ACCEPTED_BUILTIN),
        new Case("protobuf for a kind without a table", "POST", "/api/v1/nodes", PROTOBUF, node,
            415, "the body of the request was in an unknown format - accepted media types "
                + "include: application/json, application/yaml\""),
        new Case("JSON sent as protobuf", "POST", CM, PROTOBUF, json, 400,
            "the object provided is unrecognized (must be of type ConfigMap): provided data does "
                + "not appear to be a protobuf message, expected prefix [107 56 115 0] "
                + "({\\\"metadata\\\":{\\\"name\\\":\\\"x\\\"}})"),
        new Case("truncated object", "POST", CM, PROTOBUF, Proto.envelope("v1", "ConfigMap",
            Proto.message().raw(0x0a, 0x09, 0x0a)), 400,
            "ConfigMap in version \\\"v1\\\" cannot be handled as a ConfigMap: unexpected EOF"),
        new Case("another registered kind", "POST", CM, PROTOBUF, node, 400,
            "Node in version \\\"v1\\\" cannot be handled as a ConfigMap: converting (v1.Node) to "
                + "(core.ConfigMap): unknown conversion"),
        new Case("protobuf patch", "PATCH", CM + "/c", PROTOBUF, node, 415,
            "the body of the request was in an unknown format - accepted media types include: "
                + "application/json-patch+json"),
        new Case("garbage DeleteOptions", "DELETE", CM + "/c", PROTOBUF, new byte[] {1, 2}, 400,
            "provided data does not appear to be a protobuf message, expected prefix "
                + "[107 56 115 0]"),
        new Case("DeleteOptions in another type", "DELETE", CM + "/c", "text/plain", json, 415,
            ACCEPTED_BUILTIN));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void request_unacceptableBody_returnsUpstreamStatus(Case c) {
    api.json("POST", CM, "{\"metadata\":{\"name\":\"c\"}}");

    ApiResponse r = api.send(c.method(), c.uri(), c.body(), "Content-Type", c.contentType(),
        "Accept", KUBECTL_ACCEPT);

    assertThat(r.status()).as(r.bodyText()).isEqualTo(c.code());
    assertThat(r.headers()).containsEntry("Content-Type", "application/json");
    assertThat(r.bodyText()).contains("\"message\":\"" + c.message());
    assertThat(api.json("GET", CM + "/c", "").status()).isEqualTo(200);
  }
}
