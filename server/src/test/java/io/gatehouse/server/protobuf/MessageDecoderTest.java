package io.gatehouse.server.protobuf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON-form rules on objects built field by field: omitempty, pointers, struct values that
 * are always present, map key order, merging of repeated message fields, last-wins scalars,
 * unknown fields, packed and negative varints, and the apimachinery wrapper types.
 */
class MessageDecoderTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private record Case(String name, String apiVersion, String kind, Proto object, String json) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Proto meta(String name) {
    return Proto.message().message(1, Proto.message().string(1, name));
  }

  private static String header(String apiVersion, String kind) {
    return "{\"kind\":\"" + kind + "\",\"apiVersion\":\"" + apiVersion + "\"";
  }

  static Stream<Case> cases() {
    String cm = header("v1", "ConfigMap") + ",\"metadata\":{\"name\":\"c\",\"creationTimestamp\":null}";
    return Stream.of(
        new Case("zero proto3 scalars are omitted", "v1", "ConfigMap",
            Proto.message().message(1, Proto.message().string(1, "c").string(2, "").string(3, "")
                .varint(7, 0).bytes(8, new byte[0])), cm + "}"),
        new Case("map keys sorted, bytes base64", "v1", "ConfigMap",
            meta("c").entry(2, "z", "1").entry(2, "a", "2").message(3, Proto.message()
                .string(1, "bin").bytes(2, new byte[] {(byte) 0xff, 0})),
            cm + ",\"data\":{\"a\":\"2\",\"z\":\"1\"},\"binaryData\":{\"bin\":\"/wA=\"}}"),
        new Case("pointer false is kept", "v1", "ConfigMap", meta("c").varint(4, 0),
            cm + ",\"immutable\":false}"),
        new Case("repeated message field merges", "v1", "ConfigMap",
            Proto.message().message(1, Proto.message().string(1, "c"))
                .message(1, Proto.message().string(3, "ns")),
            header("v1", "ConfigMap") + ",\"metadata\":{\"name\":\"c\",\"namespace\":\"ns\","
                + "\"creationTimestamp\":null}}"),
        new Case("last scalar wins", "v1", "Secret", meta("c").string(3, "a").string(3, "b"),
            header("v1", "Secret") + ",\"metadata\":{\"name\":\"c\",\"creationTimestamp\":null},"
                + "\"type\":\"b\"}"),
        new Case("unknown fields skipped", "v1", "ConfigMap", meta("c").varint(99, 5)
            .string(98, "x").raw(0xa5, 0x01, 1, 2, 3, 4)
            .raw(0xa9, 0x01, 1, 2, 3, 4, 5, 6, 7, 8).raw(0xb3, 0x01, 0x08, 1, 0xb4, 0x01), cm + "}"),
        new Case("struct values always present", "apps/v1", "Deployment", meta("d"),
            header("apps/v1", "Deployment") + ",\"metadata\":{\"name\":\"d\",\"creationTimestamp\""
                + ":null},\"spec\":{\"selector\":null,\"template\":{\"metadata\":{"
                + "\"creationTimestamp\":null},\"spec\":{\"containers\":null}},\"strategy\":{}},"
                + "\"status\":{}}"),
        new Case("pointer zero replicas kept", "apps/v1", "Deployment", meta("d")
            .message(2, Proto.message().varint(1, 0)),
            header("apps/v1", "Deployment") + ",\"metadata\":{\"name\":\"d\",\"creationTimestamp\""
                + ":null},\"spec\":{\"replicas\":0,\"selector\":null,\"template\":{\"metadata\":{"
                + "\"creationTimestamp\":null},\"spec\":{\"containers\":null}},\"strategy\":{}},"
                + "\"status\":{}}"),
        new Case("int-or-string and zero target port", "v1", "Service", meta("s")
            .message(2, Proto.message()
                .message(1, Proto.message().string(1, "a").varint(3, 80)
                    .message(4, Proto.message().varint(1, 1).string(3, "http")))
                .message(1, Proto.message().string(1, "b").varint(3, 81))),
            header("v1", "Service") + ",\"metadata\":{\"name\":\"s\",\"creationTimestamp\":null},"
                + "\"spec\":{\"ports\":[{\"name\":\"a\",\"port\":80,\"targetPort\":\"http\"},"
                + "{\"name\":\"b\",\"port\":81,\"targetPort\":0}]},\"status\":{\"loadBalancer\":{}}}"),
        new Case("packed and negative varints, inline selector", "v1", "Pod", meta("p")
            .message(2, Proto.message()
                .message(14, Proto.message().bytes(4, packed(1000, 2000)).varint(4, 3000)
                    .varint(2, -1))
                .message(2, Proto.message().string(1, "c").message(7, env()))),
            header("v1", "Pod") + ",\"metadata\":{\"name\":\"p\",\"creationTimestamp\":null},"
                + "\"spec\":{\"containers\":[{\"name\":\"c\",\"env\":[{\"name\":\"E\","
                + "\"valueFrom\":{\"configMapKeyRef\":{\"name\":\"cm\",\"key\":\"k\"}}}],"
                + "\"resources\":{}}],\"securityContext\":{\"runAsUser\":-1,"
                + "\"supplementalGroups\":[1000,2000,3000]}},\"status\":{}}"),
        new Case("quantities canonical, zero divisor", "v1", "ResourceQuota", meta("q")
            .message(2, Proto.message().message(1, Proto.message().string(1, "cpu")
                .message(2, Proto.message().string(1, "1000m")))),
            header("v1", "ResourceQuota") + ",\"metadata\":{\"name\":\"q\",\"creationTimestamp\""
                + ":null},\"spec\":{\"hard\":{\"cpu\":\"1\"}},\"status\":{}}"),
        new Case("times: zero is null, seconds in UTC", "v1", "Namespace",
            Proto.message().message(1, Proto.message().string(1, "n").bytes(8, new byte[0])
                .message(9, Proto.message().varint(1, 1_700_000_000L).varint(2, 999_999_999))),
            header("v1", "Namespace") + ",\"metadata\":{\"name\":\"n\",\"creationTimestamp\":null,"
                + "\"deletionTimestamp\":\"2023-11-14T22:13:20Z\"},\"spec\":{},\"status\":{}}"),
        new Case("time at the Unix epoch is not zero", "v1", "Namespace",
            Proto.message().message(1, Proto.message().string(1, "n")
                .message(8, Proto.message().varint(1, 0))),
            header("v1", "Namespace") + ",\"metadata\":{\"name\":\"n\",\"creationTimestamp\":"
                + "\"1970-01-01T00:00:00Z\"},\"spec\":{},\"status\":{}}"),
        new Case("managed fields raw JSON", "v1", "ConfigMap",
            Proto.message().message(1, Proto.message().string(1, "c").message(17, Proto.message()
                .string(1, "kubectl").message(7, Proto.message().bytes(1,
                    "{\"f:data\":{\".\":{}}}".getBytes(StandardCharsets.UTF_8))))),
            header("v1", "ConfigMap") + ",\"metadata\":{\"name\":\"c\",\"creationTimestamp\":null,"
                + "\"managedFields\":[{\"manager\":\"kubectl\",\"fieldsV1\":{\"f:data\":{\".\":{}}}}"
                + "]}}"),
        new Case("rules without omitempty are null", "rbac.authorization.k8s.io/v1", "ClusterRole",
            meta("r"), header("rbac.authorization.k8s.io/v1", "ClusterRole")
                + ",\"metadata\":{\"name\":\"r\",\"creationTimestamp\":null},\"rules\":null}"),
        new Case("byte map entry without a value is null", "v1", "Secret",
            meta("c").message(2, Proto.message().string(1, "k")).entry(2, "e", ""),
            header("v1", "Secret") + ",\"metadata\":{\"name\":\"c\",\"creationTimestamp\":null},"
                + "\"data\":{\"e\":\"\",\"k\":null}}"),
        new Case("map entry fields read whatever their wire type", "v1", "ConfigMap",
            meta("c").message(2, Proto.message().raw(0x08, 0x01, 'a', 0x10, 0x01, 'b')
                .varint(3, 9)),
            cm + ",\"data\":{\"a\":\"b\"}}"),
        new Case("time drops nanoseconds", "v1", "Namespace",
            Proto.message().message(1, Proto.message().string(1, "n").message(8, Proto.message()
                .varint(1, -62_135_596_800L).varint(2, 5))),
            header("v1", "Namespace") + ",\"metadata\":{\"name\":\"n\",\"creationTimestamp\":null},"
                + "\"spec\":{},\"status\":{}}"),
        new Case("years past 9999 without a sign", "v1", "Namespace",
            Proto.message().message(1, Proto.message().string(1, "n").message(8, Proto.message()
                .varint(1, 253_402_300_800L))),
            header("v1", "Namespace") + ",\"metadata\":{\"name\":\"n\",\"creationTimestamp\":"
                + "\"10000-01-01T00:00:00Z\"},\"spec\":{},\"status\":{}}"),
        new Case("int-or-string occurrences merge", "v1", "Service", meta("s")
            .message(2, Proto.message().message(1, Proto.message().varint(3, 80)
                .message(4, Proto.message().varint(1, 1)).message(4, Proto.message()
                    .string(3, "http")))),
            header("v1", "Service") + ",\"metadata\":{\"name\":\"s\",\"creationTimestamp\":null},"
                + "\"spec\":{\"ports\":[{\"port\":80,\"targetPort\":\"http\"}]},"
                + "\"status\":{\"loadBalancer\":{}}}"),
        new Case("certificate signing request", "certificates.k8s.io/v1",
            "CertificateSigningRequest", meta("csr").message(2, Proto.message()
                .bytes(1, new byte[] {1, 2}).string(7, "kubernetes.io/kube-apiserver-client")
                .string(5, "client auth").string(2, "jane")
                .entry(6, "scopes", Proto.message().string(1, "a"))),
            header("certificates.k8s.io/v1", "CertificateSigningRequest") + ",\"metadata\":{"
                + "\"name\":\"csr\",\"creationTimestamp\":null},\"spec\":{\"request\":\"AQI=\","
                + "\"signerName\":\"kubernetes.io/kube-apiserver-client\",\"usages\":["
                + "\"client auth\"],\"username\":\"jane\",\"extra\":{\"scopes\":[\"a\"]}},"
                + "\"status\":{}}"),
        new Case("time map values", "policy/v1", "PodDisruptionBudget", meta("p")
            .message(3, Proto.message().message(2, Proto.message().string(1, "pod")
                .message(2, Proto.message().varint(1, 60)))),
            header("policy/v1", "PodDisruptionBudget") + ",\"metadata\":{\"name\":\"p\","
                + "\"creationTimestamp\":null},\"spec\":{},\"status\":{\"disruptedPods\":{\"pod\":"
                + "\"1970-01-01T00:01:00Z\"},\"disruptionsAllowed\":0,\"currentHealthy\":0,"
                + "\"desiredHealthy\":0,\"expectedPods\":0}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decode_object_hasGoJsonForm(Case c) throws Exception {
    byte[] body = Proto.envelope(c.apiVersion(), c.kind(), c.object());

    Object decoded = ProtobufBodies.decode(body, KubectlBodiesTest.gvk(c.apiVersion(), c.kind()),
        gvk -> false);

    assertThat(JSON.writeValueAsString(decoded)).isEqualTo(c.json());
  }

  /** EnvVar E from key k of ConfigMap cm (the selector's name is an inline reference). */
  private static Proto env() {
    Proto selector = Proto.message().message(1, Proto.message().string(1, "cm")).string(2, "k");
    return Proto.message().string(1, "E").message(3, Proto.message().message(3, selector));
  }

  private static byte[] packed(long... values) {
    Proto p = Proto.message();
    byte[] out = new byte[0];
    for (long v : values) {
      byte[] one = Proto.message().varint(1, v).bytes();
      byte[] joined = new byte[out.length + one.length - 1];
      System.arraycopy(out, 0, joined, 0, out.length);
      System.arraycopy(one, 1, joined, out.length, one.length - 1);
      out = joined;
    }
    return p.raw(out).bytes();
  }

}
