package io.gatehouse.cel.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Go's number texts that format() relies on, checked against Go's documented outputs ({@code
 * strconv.Quote} is {@link io.gatehouse.api.GoQuote}, tested in the api module).
 */
class GoTextTest {

  private record FloatCase(double value, String g, String fixed6) {
    @Override
    public String toString() {
      return Double.toString(value);
    }
  }

  static Stream<FloatCase> floats() {
    return Stream.of(
        new FloatCase(0.0, "0", "0.000000"),
        new FloatCase(-0.0, "-0", "-0.000000"),
        new FloatCase(1.5, "1.5", "1.500000"),
        new FloatCase(123456.0, "123456", "123456.000000"),
        new FloatCase(1234567.0, "1.234567e+06", "1234567.000000"),
        new FloatCase(0.0001, "0.0001", "0.000100"),
        new FloatCase(0.00001, "1e-05", "0.000010"),
        new FloatCase(1e100, "1e+100",
            "10000000000000000159028911097599180468360808563945281389781327557747838772170381060"
                + "813469985856815104.000000"),
        new FloatCase(0.1 + 0.2, "0.30000000000000004", "0.300000"),
        new FloatCase(2.5e-7, "2.5e-07", "0.000000"),
        new FloatCase(Double.MIN_VALUE, "5e-324", "0.000000"),
        new FloatCase(Double.NaN, "NaN", "NaN"),
        new FloatCase(Double.POSITIVE_INFINITY, "+Inf", "+Inf"),
        new FloatCase(Double.NEGATIVE_INFINITY, "-Inf", "-Inf"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("floats")
  void formatG_value_matchesGoStrconv(FloatCase c) {
    assertThat(GoFloat.formatG(c.value())).isEqualTo(c.g());
    assertThat(GoFloat.formatFixed(c.value(), 6)).isEqualTo(c.fixed6());
  }
}
