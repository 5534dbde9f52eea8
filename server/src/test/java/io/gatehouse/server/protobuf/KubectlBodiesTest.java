package io.gatehouse.server.protobuf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.gatehouse.api.GroupVersionKind;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Request bodies captured from the real kubectl 1.33 ({@code -v=9}) against Gatehouse, each
 * beside the JSON form of the same object ({@code --dry-run=client -o json} of kubectl 1.33, or
 * for commands without a dry run the JSON body kubectl 1.31 sends): decoding the protobuf body
 * must give exactly that JSON, key order included. In {@code certificate-approve} (the object
 * {@code kubectl certificate approve} PUTs to the approval subresource) the condition's {@code
 * lastUpdateTime} of kubectl 1.31's body is set to the second kubectl 1.33's request carried: the
 * two runs were a second apart.
 */
class KubectlBodiesTest {

  private static final String DIR = "kubectl-1.33";
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.USE_LONG_FOR_INTS).build();

  private record Case(String name, Path dir) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() throws Exception {
    Path root = root();
    return Files.list(root).sorted().map(p -> new Case(p.getFileName().toString(), p));
  }

  private static Path root() throws URISyntaxException {
    return Path.of(KubectlBodiesTest.class.getResource(DIR).toURI());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decode_kubectlBody_isTheJsonForm(Case c) throws Exception {
    byte[] body = Files.readAllBytes(c.dir().resolve("body.pb"));
    @SuppressWarnings("unchecked")
    Map<String, Object> expected = JSON.readValue(c.dir().resolve("expected.json").toFile(),
        LinkedHashMap.class);
    GroupVersionKind gvk = gvk((String) expected.get("apiVersion"), (String) expected.get("kind"));

    Map<String, Object> decoded = ProtobufBodies.decode(body, gvk, k -> false);

    assertThat(JSON.writeValueAsString(decoded)).isEqualTo(JSON.writeValueAsString(expected));
  }

  static GroupVersionKind gvk(String apiVersion, String kind) {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? new GroupVersionKind("", apiVersion, kind)
        : new GroupVersionKind(apiVersion.substring(0, slash), apiVersion.substring(slash + 1),
            kind);
  }
}
