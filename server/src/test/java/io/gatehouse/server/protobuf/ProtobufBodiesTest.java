package io.gatehouse.server.protobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.api.GroupVersionKind;
import io.gatehouse.api.StatusException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProtobufBodiesTest {

  private static final GroupVersionKind CONFIG_MAP = new GroupVersionKind("", "v1", "ConfigMap");
  private static final GroupVersionKind DEPLOYMENT =
      new GroupVersionKind("apps", "v1", "Deployment");

  private record Case(String name, byte[] body, GroupVersionKind expected, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> failures() {
    byte[] json = "{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\",\"metadata\":{}}"
        .getBytes(StandardCharsets.UTF_8);
    String unrecognized = "the object provided is unrecognized (must be of type ConfigMap): ";
    return Stream.of(
        new Case("empty body", new byte[0], CONFIG_MAP, unrecognized + "empty data (<empty>)"),
        new Case("json body", json, CONFIG_MAP, unrecognized + "provided data does not appear "
            + "to be a protobuf message, expected prefix [107 56 115 0] "
            + "({\"kind\":\"ConfigMap\",\"apiVersio ...)"),
        new Case("prefix only", Proto.prefixed(new byte[0]), CONFIG_MAP,
            unrecognized + "empty body (6b387300)"),
        new Case("truncated envelope", Proto.prefixed(new byte[] {0x0a, 0x05, 'v'}), CONFIG_MAP,
            unrecognized + "unexpected EOF (6b3873000a0576)"),
        new Case("envelope varint type meta", Proto.prefixed(new byte[] {0x08, 0x01}), CONFIG_MAP,
            unrecognized + "proto: wrong wireType = 0 for field TypeMeta (6b3873000801)"),
        new Case("envelope tag zero", Proto.prefixed(new byte[] {0x00}), CONFIG_MAP,
            unrecognized + "proto: Unknown: illegal tag 0 (wire type 0) (6b38730000)"),
        new Case("envelope end group", Proto.prefixed(new byte[] {0x0c}), CONFIG_MAP,
            unrecognized + "proto: Unknown: wiretype end group for non-group (6b3873000c)"),
        new Case("envelope varint overflow", Proto.prefixed(new byte[] {(byte) 0x80, (byte) 0x80,
            (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80,
            (byte) 0x80, (byte) 0x80, 0x01}), CONFIG_MAP,
            unrecognized + "proto: integer overflow (6b3873008080808080808080808001)"),
        new Case("unregistered kind", Proto.envelope("v1", "Foo", named()), CONFIG_MAP,
            "Foo in version \"v1\" cannot be handled as a ConfigMap: no kind \"Foo\" is registered "
                + "for version \"v1\" in scheme \"pkg/api/legacyscheme/scheme.go:30\""),
        new Case("unregistered group kind", Proto.envelope("apps/v1", "Deploy", named()), DEPLOYMENT,
            "Deploy in version \"v1\" cannot be handled as a Deployment: no kind \"Deploy\" is "
                + "registered for version \"apps/v1\" in scheme "
                + "\"pkg/api/legacyscheme/scheme.go:30\""),
        new Case("truncated object", Proto.envelope("v1", "ConfigMap",
            Proto.message().raw((byte) 0x0a, (byte) 0x09, (byte) 0x0a)), CONFIG_MAP,
            "ConfigMap in version \"v1\" cannot be handled as a ConfigMap: unexpected EOF"),
        new Case("varint name", Proto.envelope("v1", "ConfigMap",
            Proto.message().message(1, Proto.message().varint(1, 7))), CONFIG_MAP,
            "ConfigMap in version \"v1\" cannot be handled as a ConfigMap: "
                + "proto: wrong wireType = 0 for field Name"),
        new Case("object tag zero", Proto.envelope("v1", "ConfigMap",
            Proto.message().raw((byte) 0x00)), CONFIG_MAP,
            "ConfigMap in version \"v1\" cannot be handled as a ConfigMap: "
                + "proto: ConfigMap: illegal tag 0 (wire type 0)"),
        new Case("negative length", Proto.envelope("v1", "ConfigMap", Proto.message().raw(
            (byte) 0x12, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff,
            (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0x01)), CONFIG_MAP,
            "ConfigMap in version \"v1\" cannot be handled as a ConfigMap: "
                + "proto: negative length found during unmarshaling"),
        new Case("truncated varint", Proto.envelope("v1", "ConfigMap",
            Proto.message().raw(0x20, 0x80)), CONFIG_MAP,
            "ConfigMap in version \"v1\" cannot be handled as a ConfigMap: unexpected EOF"),
        new Case("nested wrong wire type", Proto.envelope("apps/v1", "Deployment", Proto.message()
            .message(2, Proto.message().string(1, "3"))), DEPLOYMENT,
            "Deployment in version \"v1\" cannot be handled as a Deployment: "
                + "proto: wrong wireType = 2 for field Replicas"),
        new Case("first defect in the stream wins", Proto.envelope("v1", "ConfigMap",
            Proto.message().message(1, Proto.message().varint(1, 7)).string(4, "x")), CONFIG_MAP,
            "ConfigMap in version \"v1\" cannot be handled as a ConfigMap: "
                + "proto: wrong wireType = 0 for field Name"),
        new Case("illegal tag prints the whole key", Proto.envelope("v1", "ConfigMap",
            Proto.message().raw(0x80, 0x80, 0x80, 0x80, 0x40)), CONFIG_MAP,
            "ConfigMap in version \"v1\" cannot be handled as a ConfigMap: "
                + "proto: ConfigMap: illegal tag -2147483648 (wire type 17179869184)"),
        new Case("unknown field of wire type 6", Proto.envelope("v1", "ConfigMap",
            Proto.message().raw(0xfe, 0x07)), CONFIG_MAP,
            "ConfigMap in version \"v1\" cannot be handled as a ConfigMap: "
                + "proto: illegal wireType 6"),
        new Case("unknown field past the end", Proto.envelope("v1", "ConfigMap",
            Proto.message().raw(0xf9, 0x07, 1, 2)), CONFIG_MAP,
            "ConfigMap in version \"v1\" cannot be handled as a ConfigMap: unexpected EOF"),
        new Case("quantity wire type", Proto.envelope("v1", "ResourceQuota", Proto.message()
            .message(2, Proto.message().message(1, Proto.message().string(1, "cpu")
                .message(2, Proto.message().varint(1, 1))))),
            new GroupVersionKind("", "v1", "ResourceQuota"),
            "ResourceQuota in version \"v1\" cannot be handled as a ResourceQuota: "
                + "proto: wrong wireType = 0 for field String_"),
        new Case("impossible int-or-string", Proto.envelope("v1", "Service", Proto.message()
            .message(2, Proto.message().message(1, Proto.message().varint(3, 80)
                .message(4, Proto.message().varint(1, 2))))),
            new GroupVersionKind("", "v1", "Service"),
            "Service in version \"v1\" cannot be handled as a Service: "
                + "impossible IntOrString.Type"),
        new Case("time out of range", Proto.envelope("v1", "ConfigMap", Proto.message()
            .message(1, Proto.message().message(8, Proto.message().varint(1, Long.MAX_VALUE)))),
            CONFIG_MAP, "ConfigMap in version \"v1\" cannot be handled as a ConfigMap: "
                + "proto: Timestamp: seconds out of range"),
        new Case("bad quantity", Proto.envelope("v1", "ResourceQuota", Proto.message()
            .message(2, Proto.message().message(1, Proto.message().string(1, "pods")
                .message(2, Proto.message().string(1, "ten"))))),
            new GroupVersionKind("", "v1", "ResourceQuota"),
            "ResourceQuota in version \"v1\" cannot be handled as a ResourceQuota: quantities "
                + "must match the regular expression "
                + "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void decode_malformed_failsWithUpstreamText(Case c) {
    assertThatThrownBy(() -> ProtobufBodies.decode(c.body(), c.expected(), gvk -> false))
        .isInstanceOf(StatusException.class)
        .satisfies(e -> {
          StatusException s = (StatusException) e;
          assertThat(s.status().code()).isEqualTo(400);
          assertThat(s.status().message()).isEqualTo(c.message());
        });
  }

  @Test
  void decode_noTypeMeta_defaultsToTheResourceKind() {
    byte[] body = Proto.prefixed(Proto.message().bytes(2, named().bytes()).bytes());

    Map<String, Object> decoded = ProtobufBodies.decode(body, CONFIG_MAP, gvk -> false);

    assertThat(decoded).containsExactly(Map.entry("kind", "ConfigMap"),
        Map.entry("apiVersion", "v1"), Map.entry("metadata", metadata("c")));
  }

  @Test
  void decode_unparsableApiVersion_defaultsToTheResourceVersion() {
    Map<String, Object> decoded = ProtobufBodies.decode(
        Proto.envelope("a/b/c", "ConfigMap", named()), CONFIG_MAP, gvk -> false);

    assertThat(decoded.get("apiVersion")).isEqualTo("v1");
  }

  @Test
  void decode_otherRegisteredKind_returnsOnlyItsTypeMeta() {
    Map<String, Object> decoded = ProtobufBodies.decode(Proto.envelope("v1", "Node", named()),
        CONFIG_MAP, gvk -> gvk.kind().equals("Node"));

    assertThat(decoded).containsExactly(Map.entry("kind", "Node"), Map.entry("apiVersion", "v1"));
  }

  @Test
  void decode_otherKindWithMessage_decodesThatKind() {
    Map<String, Object> decoded = ProtobufBodies.decode(
        Proto.envelope("v1", "Secret", named().string(3, "Opaque")), CONFIG_MAP, gvk -> false);

    assertThat(decoded).containsEntry("kind", "Secret").containsEntry("type", "Opaque");
  }

  @Test
  void decode_resourceWithoutMessage_isRejected() {
    GroupVersionKind node = new GroupVersionKind("", "v1", "Node");

    assertThatThrownBy(() -> ProtobufBodies.decode(Proto.envelope("v1", "Node", named()), node,
        gvk -> true)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void decodeDeleteOptions_kubectlDrainBody_hasTypeMetaOnly() {
    // the DeleteOptions body kubectl 1.33 drain --disable-eviction sends (captured with -v=9)
    byte[] body = Proto.prefixed(Proto.message().message(1, Proto.message().string(1, "v1")
        .string(2, "DeleteOptions")).bytes(2, new byte[0]).string(3, "").string(4, "").bytes());

    Map<String, Object> decoded = ProtobufBodies.decodeDeleteOptions(body);

    assertThat(decoded).containsExactly(Map.entry("kind", "DeleteOptions"),
        Map.entry("apiVersion", "v1"));
  }

  @Test
  void decodeDeleteOptions_everyField_hasGoJsonForm() throws Exception {
    Proto options = Proto.message().varint(1, 0)
        .message(2, Proto.message().string(1, "u-1").string(2, "7"))
        .varint(3, 0).string(4, "Foreground").string(5, "All").varint(6, 1);

    Map<String, Object> decoded = ProtobufBodies.decodeDeleteOptions(
        Proto.prefixed(Proto.message().bytes(2, options.bytes()).bytes()));

    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(decoded))
        .isEqualTo("{\"kind\":\"DeleteOptions\",\"apiVersion\":\"meta.k8s.io/v1\","
            + "\"gracePeriodSeconds\":0,\"preconditions\":{\"uid\":\"u-1\",\"resourceVersion\":"
            + "\"7\"},\"orphanDependents\":false,\"propagationPolicy\":\"Foreground\",\"dryRun\":"
            + "[\"All\"],\"ignoreStoreReadErrorWithClusterBreakingPotential\":true}");
  }

  @Test
  void decodeDeleteOptions_notProtobuf_isBadRequest() {
    assertThatThrownBy(() -> ProtobufBodies.decodeDeleteOptions("{}".getBytes(
        StandardCharsets.UTF_8)))
        .isInstanceOf(StatusException.class)
        .hasMessage("provided data does not appear to be a protobuf message, expected prefix "
            + "[107 56 115 0]");
  }

  @Test
  void hasMessage_builtinKinds_onlyThoseWithTables() {
    assertThat(ProtobufBodies.hasMessage(DEPLOYMENT)).isTrue();
    assertThat(ProtobufBodies.hasMessage(new GroupVersionKind("", "v1", "Node"))).isFalse();
    assertThat(ProtobufBodies.hasMessage(new GroupVersionKind("apps", "v1beta1", "Deployment")))
        .isFalse();
  }

  private static Proto named() {
    return Proto.message().message(1, Proto.message().string(1, "c"));
  }

  static Map<String, Object> metadata(String name) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("creationTimestamp", null);
    return m;
  }
}
