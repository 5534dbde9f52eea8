package io.gatehouse.api.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pull policies from image references, with the cases of upstream's {@code
 * TestSetDefaultImagePullPolicy}-style tables and {@code parsers.ParseImageName}'s tests: no tag or
 * {@code latest} means Always; a tag, a digest or an unparsable reference means IfNotPresent.
 */
class ImageReferenceTest {

  private static final String SHA =
      "sha256:7031c1b283388d2c2e09b57badb803c05ebed362dc88d84b480cc47f72a21097";

  private record Case(String image, String tag, String pullPolicy) {
    @Override
    public String toString() {
      return image.isEmpty() ? "(empty)" : image;
    }
  }

  static List<Case> cases() {
    return List.of(
        new Case("nginx", "latest", "Always"),
        new Case("nginx:latest", "latest", "Always"),
        new Case("nginx:1.27", "1.27", "IfNotPresent"),
        new Case("docker.io/library/nginx", "latest", "Always"),
        new Case("registry.k8s.io/pause:3.10", "3.10", "IfNotPresent"),
        new Case("localhost:5000/app", "latest", "Always"),
        new Case("localhost:5000/app:v1", "v1", "IfNotPresent"),
        new Case("[::1]:5000/app:latest", "latest", "Always"),
        new Case("user/app", "latest", "Always"),
        new Case("nginx@" + SHA, "", "IfNotPresent"),
        new Case("nginx:latest@" + SHA, "latest", "Always"),
        new Case("nginx:1.27@" + SHA, "1.27", "IfNotPresent"),
        new Case("nginx@sha256:abc", "", "IfNotPresent"),
        new Case("nginx:latest@md5:0123456789abcdef0123456789abcdef", "", "IfNotPresent"),
        new Case("Nginx", "", "IfNotPresent"),
        new Case("Registry.Example.com/app", "latest", "Always"),
        new Case("nginx:", "", "IfNotPresent"),
        new Case("", "", "IfNotPresent"),
        new Case("a".repeat(64), "", "IfNotPresent"),
        new Case("example.com/" + "a".repeat(250), "", "IfNotPresent"),
        new Case("nginx:" + "t".repeat(129), "", "IfNotPresent"),
        new Case("my_app--v2/x__y", "latest", "Always"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void tag_reference_matchesParseImageName(Case c) {
    assertThat(ImageReference.tag(c.image())).isEqualTo(c.tag());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void defaultPullPolicy_reference_alwaysOnlyForLatest(Case c) {
    assertThat(ImageReference.defaultPullPolicy(c.image())).isEqualTo(c.pullPolicy());
  }
}
