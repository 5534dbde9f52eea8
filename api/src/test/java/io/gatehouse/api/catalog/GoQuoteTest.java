package io.gatehouse.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GoQuoteTest {

  private record Case(String name, String input, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("plain", "Foo", "\"Foo\""),
        new Case("empty", "", "\"\""),
        new Case("quote and backslash", "a\"b\\c", "\"a\\\"b\\\\c\""),
        new Case("named escapes", "\u0007\b\f\n\r\t\u000b", "\"\\a\\b\\f\\n\\r\\t\\v\""),
        new Case("other control bytes", "\u0000\u001f\u007f", "\"\\x00\\x1f\\x7f\""),
        new Case("printable unicode kept", "é日\uD83D\uDE00", "\"é日\uD83D\uDE00\""),
        new Case("non-ascii space escaped", "\u00a0\u2028", "\"\\u00a0\\u2028\""),
        new Case("supplementary format char", "\uDB40\uDC01", "\"\\U000e0001\""),
        new Case("lone surrogate becomes replacement char", "\uD800", "\"\uFFFD\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void quote_string_matchesGoStrconvQuote(Case c) {
    assertThat(GoQuote.quote(c.input())).isEqualTo(c.expected());
  }
}
