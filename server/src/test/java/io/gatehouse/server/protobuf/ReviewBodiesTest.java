package io.gatehouse.server.protobuf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The request messages of {@code kubectl create token} (TokenRequest), {@code kubectl auth whoami}
 * (SelfSubjectReview in v1, v1beta1 and v1alpha1, which kubectl tries in turn) and {@code kubectl
 * auth can-i} (SelfSubjectAccessReview, SelfSubjectRulesReview), decoded to the JSON kubectl 1.31
 * sends for the same requests.
 */
class ReviewBodiesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EMPTY_META = "\"metadata\":{\"creationTimestamp\":null}";

  private record Case(String name, String apiVersion, String kind, Proto object, String json) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static String header(String apiVersion, String kind) {
    return "{\"kind\":\"" + kind + "\",\"apiVersion\":\"" + apiVersion + "\"," + EMPTY_META;
  }

  /** An ObjectMeta as kubectl's encoder writes an empty one: every string field, empty. */
  private static Proto emptyMeta() {
    Proto m = Proto.message();
    for (int field = 1; field <= 6; field++) {
      m.string(field, "");
    }
    return m.varint(7, 0).bytes(8, new byte[0]);
  }

  static Stream<Case> cases() {
    String auth = "authentication.k8s.io/";
    String authz = "authorization.k8s.io/v1";
    Stream<Case> whoami = Stream.of("v1", "v1beta1", "v1alpha1").map(v -> new Case(
        "SelfSubjectReview " + v, auth + v, "SelfSubjectReview",
        Proto.message().message(1, emptyMeta()).message(2, Proto.message()
            .message(1, Proto.message().string(1, "").string(2, ""))),
        header(auth + v, "SelfSubjectReview") + ",\"status\":{\"userInfo\":{}}}"));
    Stream<Case> others = Stream.of(
        new Case("TokenRequest plain", auth + "v1", "TokenRequest",
            Proto.message().message(1, emptyMeta()).message(2, Proto.message())
                .message(3, Proto.message().string(1, "").bytes(2, new byte[0])),
            header(auth + "v1", "TokenRequest") + ",\"spec\":{\"audiences\":null,"
                + "\"expirationSeconds\":null,\"boundObjectRef\":null},\"status\":{\"token\":\"\","
                + "\"expirationTimestamp\":null}}"),
        new Case("TokenRequest bound", auth + "v1", "TokenRequest",
            Proto.message().message(1, emptyMeta()).message(2, Proto.message()
                .string(1, "a").string(1, "b").varint(4, 600)
                .message(3, Proto.message().string(1, "Pod").string(2, "v1").string(3, "p")
                    .string(4, "123"))),
            header(auth + "v1", "TokenRequest") + ",\"spec\":{\"audiences\":[\"a\",\"b\"],"
                + "\"expirationSeconds\":600,\"boundObjectRef\":{\"kind\":\"Pod\",\"apiVersion\":"
                + "\"v1\",\"name\":\"p\",\"uid\":\"123\"}},\"status\":{\"token\":\"\","
                + "\"expirationTimestamp\":null}}"),
        new Case("TokenReview with extra", auth + "v1", "TokenReview",
            Proto.message().message(2, Proto.message().string(1, "t"))
                .message(3, Proto.message().message(2, Proto.message().string(1, "u")
                    .entry(4, "scopes", Proto.message().string(1, "x").string(1, "y"))
                    .entry(4, "empty", Proto.message()))),
            header(auth + "v1", "TokenReview") + ",\"spec\":{\"token\":\"t\"},\"status\":{"
                + "\"user\":{\"username\":\"u\",\"extra\":{\"empty\":[],\"scopes\":[\"x\",\"y\"]}}}}"),
        new Case("SelfSubjectAccessReview resource", authz, "SelfSubjectAccessReview",
            Proto.message().message(1, emptyMeta()).message(2, Proto.message().message(1,
                Proto.message().string(1, "cap").string(2, "get").string(3, "").string(4, "")
                    .string(5, "pods").string(6, "log").string(7, "")))
                .message(3, Proto.message().varint(1, 0).varint(4, 0).string(2, "")
                    .string(3, "")),
            header(authz, "SelfSubjectAccessReview") + ",\"spec\":{\"resourceAttributes\":{"
                + "\"namespace\":\"cap\",\"verb\":\"get\",\"resource\":\"pods\",\"subresource\":"
                + "\"log\"}},\"status\":{\"allowed\":false}}"),
        new Case("SelfSubjectAccessReview non-resource", authz, "SelfSubjectAccessReview",
            Proto.message().message(1, emptyMeta()).message(2, Proto.message().message(2,
                Proto.message().string(1, "/healthz").string(2, "get"))),
            header(authz, "SelfSubjectAccessReview") + ",\"spec\":{\"nonResourceAttributes\":{"
                + "\"path\":\"/healthz\",\"verb\":\"get\"}},\"status\":{\"allowed\":false}}"),
        new Case("SelfSubjectRulesReview", authz, "SelfSubjectRulesReview",
            Proto.message().message(1, emptyMeta()).message(2, Proto.message().string(1, "cap"))
                .message(3, Proto.message().varint(3, 0).string(4, "")),
            header(authz, "SelfSubjectRulesReview") + ",\"spec\":{\"namespace\":\"cap\"},"
                + "\"status\":{\"resourceRules\":null,\"nonResourceRules\":null,"
                + "\"incomplete\":false}}"));
    return Stream.concat(whoami, others);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decode_reviewRequest_hasJsonForm(Case c) throws Exception {
    byte[] body = Proto.envelope(c.apiVersion(), c.kind(), c.object());

    Object decoded = ProtobufBodies.decode(body, KubectlBodiesTest.gvk(c.apiVersion(), c.kind()),
        gvk -> false);

    assertThat(JSON.writeValueAsString(decoded)).isEqualTo(c.json());
  }
}
