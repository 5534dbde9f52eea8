package io.gatehouse.api.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Parsing, with the vectors of apimachinery's {@code TestQuantityParse} and CEL's tests. */
class QuantityParseTest {

  private record Case(String input, BigDecimal value, QuantityFormat format) {
    @Override
    public String toString() {
      return input;
    }
  }

  private static Case c(String input, long mantissa, int exponent, QuantityFormat format) {
    return new Case(input, BigDecimal.valueOf(mantissa, -exponent), format);
  }

  private static final QuantityFormat SI = QuantityFormat.DECIMAL_SI;
  private static final QuantityFormat BIN = QuantityFormat.BINARY_SI;
  private static final QuantityFormat EXP = QuantityFormat.DECIMAL_EXPONENT;

  static Stream<Case> valid() {
    return Stream.of(
        c("0", 0, 0, SI), c("0n", 0, 0, SI), c("0u", 0, 0, SI), c("0m", 0, 0, SI),
        c("0Ki", 0, 0, BIN), c("0k", 0, 0, SI), c("0Mi", 0, 0, BIN), c("0M", 0, 0, SI),
        c("0Gi", 0, 0, BIN), c("0G", 0, 0, SI), c("0Ti", 0, 0, BIN), c("0T", 0, 0, SI),
        c("1", 1, 0, SI),
        c("1Ki", 1024, 0, BIN), c("8Ki", 8 * 1024, 0, BIN), c("7Mi", 7 * 1024 * 1024, 0, BIN),
        c("6Gi", 6L << 30, 0, BIN), c("5Ti", 5L << 40, 0, BIN), c("4Pi", 4L << 50, 0, BIN),
        c("3Ei", 3L << 60, 0, BIN), c("10Ti", 10L << 40, 0, BIN), c("100Ti", 100L << 40, 0, BIN),
        c("5n", 5, -9, SI), c("4u", 4, -6, SI), c("3m", 3, -3, SI), c("9", 9, 0, SI),
        c("8k", 8, 3, SI), c("50k", 5, 4, SI), c("7M", 7, 6, SI), c("6G", 6, 9, SI),
        c("5T", 5, 12, SI), c("40T", 4, 13, SI), c("300T", 3, 14, SI), c("2P", 2, 15, SI),
        c("1E", 1, 18, SI),
        c("1E-3", 1, -3, EXP), c("1e3", 1, 3, EXP), c("1E6", 1, 6, EXP), c("1e9", 1, 9, EXP),
        c("1E12", 1, 12, EXP), c("1e15", 1, 15, EXP), c("1E18", 1, 18, EXP),
        c("1e14", 1, 14, EXP), c("1e13", 1, 13, EXP), c("100.035k", 100035, 0, SI),
        c("0.001", 1, -3, SI), c("0.0005k", 5, -1, SI), c("0.005", 5, -3, SI),
        c("0.05", 5, -2, SI), c("0.5", 5, -1, SI), c("0.00050k", 5, -1, SI),
        c("0.00500", 5, -3, SI), c("0.05000", 5, -2, SI), c("0.50000", 5, -1, SI),
        c("0.5e0", 5, -1, EXP), c("0.5e-1", 5, -2, EXP), c("0.5e-2", 5, -3, EXP),
        c("10.035M", 10035, 3, SI),
        c("1.2e3", 12, 2, EXP), c("1.3E+6", 13, 5, EXP), c("1.40e9", 14, 8, EXP),
        c("1.53E12", 153, 10, EXP), c("1.6e15", 16, 14, EXP), c("1.7E18", 17, 17, EXP),
        c("9.01", 901, -2, SI), c("8.1k", 81, 2, SI), c("7.123456M", 7123456, 0, SI),
        c("6.987654321G", 6987654321L, 0, SI), c("5.444T", 5444, 9, SI), c("40.1T", 401, 11, SI),
        c("300.2T", 3002, 11, SI), c("2.5P", 25, 14, SI), c("1.01E", 101, 16, SI),
        c("3.001n", 4, -9, SI), c("1.1E-9", 2, -9, EXP), c("0.0000000001", 1, -9, SI),
        c("0.0000000005", 1, -9, SI), c("0.00000000050", 1, -9, SI), c("0.5e-9", 1, -9, EXP),
        c("0.9n", 1, -9, SI), c("0.00000012345", 124, -9, SI), c("0.00000012354", 124, -9, SI),
        c("9Ei", Long.MAX_VALUE, 0, BIN), c("9223372036854775807Ki", Long.MAX_VALUE, 0, BIN),
        c("12E", 12, 18, SI),
        c("100.035Ki", 10243584, -2, BIN), c("0.5Mi", 512 * 1024, 0, BIN),
        c("0.05Gi", 536870912, -1, BIN), c("0.025Ti", 274877906944L, -1, BIN),
        c("0.000000000001Ki", 2, -9, SI), c(".001", 1, -3, SI), c(".0001k", 100, -3, SI),
        c("1.", 1, 0, SI), c("1.G", 1, 9, SI),
        // The scanner, unlike the regular expression in its error message, needs no digits.
        c("Mi", 0, 0, BIN), c(".", 0, 0, SI), c("e5", 0, 0, EXP));
  }

  static Stream<Case> unsigned() {
    return Stream.concat(valid(), Stream.of(c("-", 0, 0, SI), c("+", 0, 0, SI)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unsigned")
  void parse_validInput_hasValueAndFormat(Case c) {
    Quantity q = Quantity.parse(c.input());
    assertThat(q.toBigDecimal()).isEqualByComparingTo(c.value());
    assertThat(q.format()).isEqualTo(c.format());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void parse_withMinus_isNegatedWithSameFormat(Case c) {
    Quantity q = Quantity.parse("-" + c.input());
    assertThat(q.toBigDecimal()).isEqualByComparingTo(c.value().negate());
    assertThat(q.format()).isEqualTo(c.format());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void parse_withPlus_isUnchanged(Case c) {
    Quantity q = Quantity.parse("+" + c.input());
    assertThat(q.toBigDecimal()).isEqualByComparingTo(c.value());
    assertThat(q.format()).isEqualTo(c.format());
  }

  private record Invalid(String input, String message) {
    @Override
    public String toString() {
      return "'" + input + "'";
    }
  }

  static List<Invalid> invalid() {
    String wrong = QuantityFormatException.FORMAT_WRONG;
    String suffix = QuantityFormatException.SUFFIX;
    return List.of(
        new Invalid("", wrong), new Invalid("1.1.M", wrong), new Invalid("1+1.0M", wrong),
        new Invalid("0.1mi", suffix), new Invalid("0.1am", wrong), new Invalid("aoeu", wrong),
        new Invalid(".5i", suffix), new Invalid("1i", suffix), new Invalid("-3.01i", suffix),
        new Invalid("-3.01e-", suffix), new Invalid(" 1", wrong), new Invalid("1 ", wrong),
        new Invalid("10Mo", wrong), new Invalid("10Mm", suffix), new Invalid("200K", suffix),
        new Invalid("Three", wrong), new Invalid("1,3G", wrong), new Invalid("1e", suffix),
        new Invalid("1e99999999999999999999", suffix),
        new Invalid(".e-20", QuantityFormatException.NUMERIC),
        new Invalid("e-20", QuantityFormatException.NUMERIC));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void parse_invalidInput_throwsApimachineryMessage(Invalid c) {
    assertThatThrownBy(() -> Quantity.parse(c.input()))
        .isInstanceOf(QuantityFormatException.class)
        .hasMessage(c.message());
  }

  @Test
  void parse_formatWrong_quotesUpstreamExpression() {
    assertThat(QuantityFormatException.FORMAT_WRONG)
        .isEqualTo(
            "quantities must match the regular expression"
                + " '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
  }

  private record IntCase(String input, OptionalLong expected) {
    @Override
    public String toString() {
      return input;
    }
  }

  static List<IntCase> asInt64() {
    return List.of(
        new IntCase("50k", OptionalLong.of(50_000)),
        new IntCase("1Ki", OptionalLong.of(1024)),
        new IntCase("-3E", OptionalLong.of(-3_000_000_000_000_000_000L)),
        new IntCase("9E", OptionalLong.of(9_000_000_000_000_000_000L)),
        new IntCase("10E", OptionalLong.empty()),
        new IntCase("1000m", OptionalLong.empty()),
        new IntCase("1.5Gi", OptionalLong.empty()),
        new IntCase("12345678901234567890", OptionalLong.empty()),
        new IntCase("999999999999999999", OptionalLong.of(999_999_999_999_999_999L)),
        new IntCase("9999999999999999999999999999999999999G", OptionalLong.empty()),
        new IntCase("0e999999999", OptionalLong.of(0)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("asInt64")
  void asInt64_parsedQuantity_answersOnlyForExactInt64Form(IntCase c) {
    assertThat(Quantity.parse(c.input()).asInt64()).isEqualTo(c.expected());
  }
}
