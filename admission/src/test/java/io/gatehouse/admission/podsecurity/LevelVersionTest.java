package io.gatehouse.admission.podsecurity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Levels, versions and {@code LEVEL[:VERSION]} parsing with upstream's texts. */
class LevelVersionTest {

  private record Case(String input, String parsed, String error) {
    @Override
    public String toString() {
      return input.isEmpty() ? "(empty)" : input;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("restricted", "restricted:latest", ""),
        new Case("baseline:v1.30", "baseline:v1.30", ""),
        new Case("privileged:latest", "privileged:latest", ""),
        new Case("restricted:v1.0", "restricted:v1.0", ""),
        new Case("restricted:v1.999", "restricted:v1.999", ""),
        new Case(
            "strict",
            "",
            "invalid Pod Security level \"strict\": must be one of privileged, baseline,"
                + " restricted"),
        new Case(
            "Restricted",
            "",
            "invalid Pod Security level \"Restricted\": must be one of privileged, baseline,"
                + " restricted"),
        new Case(
            "",
            "",
            "invalid Pod Security level \"\": must be one of privileged, baseline, restricted"),
        new Case(
            "restricted:v9.99",
            "",
            "invalid Pod Security version \"v9.99\": must be \"latest\" or \"v1.x\""),
        new Case(
            "restricted:v1.01",
            "",
            "invalid Pod Security version \"v1.01\": must be \"latest\" or \"v1.x\""),
        new Case(
            "restricted:1.30",
            "",
            "invalid Pod Security version \"1.30\": must be \"latest\" or \"v1.x\""),
        new Case(
            "restricted:",
            "",
            "invalid Pod Security version \"\": must be \"latest\" or \"v1.x\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void parse_text_levelVersionOrAcceptedValues(Case c) {
    if (c.error().isEmpty()) {
      assertThat(LevelVersion.parse(c.input())).hasToString(c.parsed());
    } else {
      assertThatThrownBy(() -> LevelVersion.parse(c.input()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(c.error());
    }
  }

  @Test
  void older_versions_latestNewestOfAll() {
    assertThat(Version.of(29).older(Version.of(30))).isTrue();
    assertThat(Version.of(30).older(Version.of(30))).isFalse();
    assertThat(Version.of(1000).older(Version.LATEST)).isTrue();
    assertThat(Version.LATEST.older(Version.LATEST)).isFalse();
    assertThat(Version.LATEST.older(Version.of(1))).isFalse();
  }

  @Test
  void parse_levelAndVersion_upstreamErrors() {
    assertThatThrownBy(() -> Level.parse("foo"))
        .hasMessage("must be one of privileged, baseline, restricted");
    assertThatThrownBy(() -> Version.parse("v1")).hasMessage("must be \"latest\" or \"v1.x\"");
    assertThat(Version.parse("v1.9223372036854775807").minor()).isEqualTo(Long.MAX_VALUE);
    assertThat(Version.tryParse("v1.9223372036854775808")).isEmpty();
  }

  @Test
  void equivalent_privilegedIgnoresVersion() {
    assertThat(LevelVersion.parse("privileged:v1.2").equivalent(LevelVersion.parse("privileged")))
        .isTrue();
    assertThat(LevelVersion.parse("baseline:v1.2").equivalent(LevelVersion.parse("baseline")))
        .isFalse();
  }
}
