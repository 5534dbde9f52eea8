package io.gatehouse.api.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ManifestDecoderTest {

  private static final String HEAD = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n";

  private record Case(String name, String yaml, Object expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> scalars() {
    return Stream.of(
        new Case("yaml 1.1 yes is true", "yes", true),
        new Case("yaml 1.1 Off is false", "Off", false),
        new Case("tilde is null", "~", NULL),
        new Case("empty is null", "", NULL),
        new Case("octal", "0755", 493L),
        new Case("0o octal", "0o17", 15L),
        new Case("hex", "0x1F", 31L),
        new Case("binary", "0b101", 5L),
        new Case("underscores", "1_000", 1000L),
        new Case("integral float becomes int", "1.0", 1L),
        new Case("exponent float", "1e3", 1000L),
        new Case("fraction", "1.5", 1.5),
        new Case("infinity", ".inf", Double.POSITIVE_INFINITY),
        new Case("invalid octal falls back to float", "08", 8L),
        new Case("date stays a string", "2024-01-01", "2024-01-01"),
        new Case("quoted yes is a string", "'yes'", "yes"),
        new Case("explicit str tag", "!!str 123", "123"),
        new Case("int beyond int64 becomes double", "18446744073709551615", 1.8446744073709552E19),
        new Case("version-like string", "1.2.3", "1.2.3"),
        new Case("plus sign", "+12", 12L));
  }

  private static final Object NULL = new Object();

  @ParameterizedTest(name = "{0}")
  @MethodSource("scalars")
  void decode_yamlScalar_resolvesAsGoYaml(Case c) {
    ManifestDecoder.Result r =
        ManifestDecoder.decode("f.yaml", (HEAD + "data:\n  v: " + c.yaml() + "\n").getBytes(StandardCharsets.UTF_8));
    assertThat(r.errors()).isEmpty();
    Map<String, Object> data =
        (Map<String, Object>) r.manifests().get(0).object().object().get("data");
    assertThat(data).containsKey("v");
    if (c.expected() == NULL) {
      assertThat(data.get("v")).isNull();
    } else {
      assertThat(data.get("v")).isEqualTo(c.expected());
    }
  }

  static Stream<Case> errors() {
    return Stream.of(
        new Case("duplicate key", HEAD + "data:\n  a: 1\n  a: 2\n", "f.yaml:7: key \"a\" already set in map"),
        new Case("alias", HEAD + "data:\n  a: &x 1\n  b: *x\n", "f.yaml:6: YAML anchors are not supported"),
        new Case("alias only", HEAD + "data:\n  b: *x\n", "f.yaml:6: YAML aliases are not supported"),
        new Case("merge key", HEAD + "data:\n  <<: {a: 1}\n", "f.yaml:6: YAML merge keys (<<) are not supported"),
        new Case("missing apiVersion", "kind: Pod\n", "f.yaml:1: apiVersion not set"),
        new Case("missing both", "metadata: {}\n", "f.yaml:1: apiVersion not set, kind not set"),
        new Case("scalar document", "hello\n", "f.yaml:1: expected an object, got a string"),
        new Case("complex key", HEAD + "data:\n  ? [a]\n  : 1\n", "f.yaml:6: invalid map key: only scalar keys are supported"),
        new Case("json duplicate", "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\n\"kind\":\"Pod\"}", "f.yaml:2: json: Duplicate field 'kind'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void decode_badInput_reportsFileLineReason(Case c) {
    ManifestDecoder.Result r =
        ManifestDecoder.decode("f.yaml", c.yaml().getBytes(StandardCharsets.UTF_8));
    assertThat(r.manifests()).isEmpty();
    assertThat(r.errors()).extracting(ManifestError::toString).containsExactly((String) c.expected());
  }

  @Test
  void decode_multiDocumentWithEmptyDocsAndList_flattensInOrderWithLines() {
    String yaml =
        "---\n---\n" + HEAD + "---\n# only a comment\n---\napiVersion: v1\nkind: List\nitems:\n"
            + "- apiVersion: v1\n  kind: Pod\n  metadata: {name: a}\n"
            + "- apiVersion: v1\n  kind: Pod\n  metadata: {name: b}\n";
    ManifestDecoder.Result r = ManifestDecoder.decode("m.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    assertThat(r.errors()).isEmpty();
    assertThat(r.manifests())
        .extracting(m -> m.object().name() + "@" + m.line())
        .containsExactly("x@3", "a@13", "b@16");
  }

  @Test
  void decode_badDocumentAmongGood_keepsTheOthers() {
    String yaml = HEAD + "---\nkind: Pod\n---\n" + HEAD;
    ManifestDecoder.Result r = ManifestDecoder.decode("m.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    assertThat(r.manifests()).hasSize(2);
    assertThat(r.errors()).extracting(ManifestError::toString).containsExactly("m.yaml:6: apiVersion not set");
  }

  @Test
  void decode_invalidUtf8_reportsLineOfBadByte() {
    byte[] bytes = (HEAD + "data:\n  v: x\n").getBytes(StandardCharsets.UTF_8);
    bytes[bytes.length - 2] = (byte) 0xFF;
    ManifestDecoder.Result r = ManifestDecoder.decode("u.yaml", bytes);
    assertThat(r.errors())
        .extracting(ManifestError::toString)
        .containsExactly("u.yaml:6: invalid UTF-8 (byte 0xFF at offset " + (bytes.length - 2) + ")");
  }

  @Test
  void decode_objectOver3MiB_isRefused() {
    String big = HEAD + "data:\n  v: " + "a".repeat(3 * 1024 * 1024) + "\n";
    ManifestDecoder.Result r = ManifestDecoder.decode("big.yaml", big.getBytes(StandardCharsets.UTF_8));
    assertThat(r.manifests()).isEmpty();
    assertThat(r.errors()).singleElement().asString().startsWith("big.yaml:1: object is ");
  }

  @Test
  void decode_jsonStream_decodesEveryObjectWithLongsAndDoubles() {
    String json = "{\"apiVersion\":\"v1\",\"kind\":\"A\",\"n\":1,\"d\":1.0}\n{\"apiVersion\":\"v1\",\"kind\":\"B\"}";
    ManifestDecoder.Result r = ManifestDecoder.decode("j.json", json.getBytes(StandardCharsets.UTF_8));
    assertThat(r.errors()).isEmpty();
    assertThat(r.manifests()).extracting(m -> m.object().kind()).containsExactly("A", "B");
    assertThat(r.manifests().get(0).object().object()).containsEntry("n", 1L).containsEntry("d", 1.0);
    assertThat(r.manifests().get(1).line()).isEqualTo(2);
  }

  @Test
  void decode_yamlSyntaxError_reportsLineAndKeepsEarlierDocuments() {
    String yaml = HEAD + "---\napiVersion: v1\nkind: Pod\nmetadata: [\n";
    ManifestDecoder.Result r = ManifestDecoder.decode("s.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    assertThat(r.manifests()).hasSize(1);
    assertThat(r.errors()).singleElement().asString().startsWith("s.yaml:");
    assertThat(List.of(r.errors().get(0).reason())).allMatch(s -> s.startsWith("yaml: "));
  }
}
