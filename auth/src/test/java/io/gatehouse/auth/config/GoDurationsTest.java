package io.gatehouse.auth.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GoDurationsTest {

  private record Case(String text, Duration parsed, String formatted) {
    @Override
    public String toString() {
      return text;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("0", Duration.ZERO, "0s"),
        new Case("5m", Duration.ofMinutes(5), "5m0s"),
        new Case("30s", Duration.ofSeconds(30), "30s"),
        new Case("1h2m3.5s", Duration.ofMillis(3_723_500), "1h2m3.5s"),
        new Case("1.5ms", Duration.ofNanos(1_500_000), "1.5ms"),
        new Case("250us", Duration.ofNanos(250_000), "250\u00b5s"),
        new Case("-5s", Duration.ofSeconds(-5), "-5s"),
        new Case("90m", Duration.ofMinutes(90), "1h30m0s"),
        new Case("7ns", Duration.ofNanos(7), "7ns"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void parseAndFormat_goDurations_roundTripAsGo(Case c) {
    assertThat(GoDurations.parse(c.text())).contains(c.parsed());
    assertThat(GoDurations.format(c.parsed())).isEqualTo(c.formatted());
  }

  @ParameterizedTest(name = "\"{0}\"")
  @MethodSource("invalid")
  void parse_invalid_isEmpty(String text) {
    assertThat(GoDurations.parse(text)).isEmpty();
  }

  static Stream<String> invalid() {
    return Stream.of("", "5", "3x", ".s", "1..5s", "s");
  }
}
