package io.gatehouse.server.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Decodes the encoding with a generic wire-format reader and checks gnostic's field numbers. */
class SwaggerProtobufTest {

  private static final Map<String, Object> DOC = Map.of(
      "swagger", "2.0",
      "info", Map.of("title", "Kubernetes", "version", "v1.33.0"),
      "paths", Map.of("/api/v1/pods", Map.of("get", new LinkedHashMap<>(Map.of(
          "operationId", "listCoreV1PodForAllNamespaces",
          "parameters", List.of(Map.of("name", "limit", "in", "query", "type", "integer",
              "uniqueItems", true)),
          "x-kubernetes-action", "list")))),
      "definitions", Map.of("io.k8s.api.core.v1.Pod", Map.of("type", "object",
          "required", List.of("spec"),
          "properties", Map.of("spec", Map.of("$ref", "#/definitions/io.k8s.api.core.v1.PodSpec")),
          "x-kubernetes-group-version-kind",
          List.of(new java.util.TreeMap<>(Map.of("group", "", "kind", "Pod", "version", "v1"))))));

  @Test
  void encode_document_usesGnosticFieldNumbers() {
    Map<Integer, List<Object>> doc = decode(SwaggerProtobuf.encode(DOC));
    assertThat(string(doc, 1)).isEqualTo("2.0");
    assertThat(string(message(doc, 2), 2)).isEqualTo("v1.33.0");

    Map<Integer, List<Object>> path = message(message(doc, 8), 2);
    assertThat(string(path, 1)).isEqualTo("/api/v1/pods");
    Map<Integer, List<Object>> get = message(message(path, 2), 2);
    assertThat(string(get, 5)).isEqualTo("listCoreV1PodForAllNamespaces");
    Map<Integer, List<Object>> query = message(message(message(message(get, 8), 1), 2), 3);
    assertThat(string(query, 4)).isEqualTo("limit");
    assertThat(string(query, 6)).isEqualTo("integer");
    Map<Integer, List<Object>> action = message(get, 13);
    assertThat(string(action, 1)).isEqualTo("x-kubernetes-action");
    assertThat(string(message(action, 2), 2)).isEqualTo("\"list\"\n");

    Map<Integer, List<Object>> named = message(message(doc, 9), 1);
    assertThat(string(named, 1)).isEqualTo("io.k8s.api.core.v1.Pod");
    Map<Integer, List<Object>> pod = message(named, 2);
    assertThat(string(message(pod, 22), 1)).isEqualTo("object");
    assertThat(string(pod, 19)).isEqualTo("spec");
    Map<Integer, List<Object>> spec = message(message(message(pod, 25), 1), 2);
    assertThat(string(spec, 1)).isEqualTo("#/definitions/io.k8s.api.core.v1.PodSpec");
    assertThat(string(message(message(pod, 31), 2), 2))
        .isEqualTo("[{\"group\":\"\",\"kind\":\"Pod\",\"version\":\"v1\"}]\n");
  }

  private static String string(Map<Integer, List<Object>> m, int field) {
    return new String((byte[]) m.get(field).get(0), StandardCharsets.UTF_8);
  }

  private static Map<Integer, List<Object>> message(Map<Integer, List<Object>> m, int field) {
    return decode((byte[]) m.get(field).get(0));
  }

  /** Field number → values (byte[] for length-delimited, Long for varints). */
  private static Map<Integer, List<Object>> decode(byte[] b) {
    Map<Integer, List<Object>> out = new LinkedHashMap<>();
    int[] pos = {0};
    while (pos[0] < b.length) {
      long tag = varint(b, pos);
      int field = (int) (tag >>> 3);
      Object value = switch ((int) (tag & 7)) {
        case 0 -> varint(b, pos);
        case 2 -> {
          int len = (int) varint(b, pos);
          byte[] v = java.util.Arrays.copyOfRange(b, pos[0], pos[0] + len);
          pos[0] += len;
          yield v;
        }
        default -> throw new IllegalStateException("unexpected wire type " + (tag & 7));
      };
      out.computeIfAbsent(field, k -> new ArrayList<>()).add(value);
    }
    return out;
  }

  private static long varint(byte[] b, int[] pos) {
    long v = 0;
    for (int shift = 0; ; shift += 7) {
      byte x = b[pos[0]++];
      v |= (long) (x & 0x7f) << shift;
      if ((x & 0x80) == 0) {
        return v;
      }
    }
  }
}
