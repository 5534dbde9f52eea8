package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GoFloatTest {

  private record Case(double value, String text) {
    @Override
    public String toString() {
      return text;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(new Case(1, "1"), new Case(0, "0"), new Case(0.5, "0.5"),
        new Case(123456, "123456"), new Case(1e6, "1e+06"), new Case(1689101941, "1.689101941e+09"),
        new Case(1.7e9 + 0.25, "1.70000000025e+09"), new Case(0.0001, "0.0001"),
        new Case(0.00001, "1e-05"), new Case(-2.5, "-2.5"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void format_table_asStrconvFormatFloatG(Case c) {
    assertThat(GoFloat.format(c.value())).isEqualTo(c.text());
  }
}
