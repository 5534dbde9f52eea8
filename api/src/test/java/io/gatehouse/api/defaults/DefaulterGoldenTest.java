package io.gatehouse.api.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.Unstructured;
import io.gatehouse.api.codec.ManifestDecoder;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Objects read from {@code src/test/resources/io/gatehouse/api/defaults/<group>/<case>/}: {@code
 * input.yaml} defaulted with Kubernetes 1.33's gates must equal {@code expected.yaml}, and
 * defaulting the expected object again must change nothing. Expected values follow upstream's
 * {@code defaults_test.go} tables of each group.
 */
class DefaulterGoldenTest {

  private record Case(String name, Path dir) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() throws IOException, URISyntaxException {
    Path root = Path.of(Objects.requireNonNull(DefaulterGoldenTest.class.getResource("")).toURI());
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.getFileName().toString().equals("input.yaml"))
          .map(Path::getParent).sorted()
          .map(d -> new Case(root.relativize(d).toString(), d)).toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void apply_goldenCase_matchesExpected(Case c) throws IOException {
    Unstructured input = read(c.dir().resolve("input.yaml"));
    Unstructured expected = read(c.dir().resolve("expected.yaml"));

    Defaulter.kubernetes133().apply(input);

    assertThat(input.object()).isEqualTo(expected.object());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void apply_alreadyDefaulted_changesNothing(Case c) throws IOException {
    Unstructured expected = read(c.dir().resolve("expected.yaml"));
    Unstructured again = expected.deepCopy();

    Defaulter.kubernetes133().apply(again);

    assertThat(again.object()).isEqualTo(expected.object());
  }

  private static Unstructured read(Path file) throws IOException {
    ManifestDecoder.Result r = ManifestDecoder.decode(file.toString(), Files.readAllBytes(file));
    assertThat(r.errors()).isEmpty();
    List<Unstructured> objects = r.manifests().stream().map(m -> m.object()).toList();
    assertThat(objects).hasSize(1);
    return objects.getFirst();
  }
}
