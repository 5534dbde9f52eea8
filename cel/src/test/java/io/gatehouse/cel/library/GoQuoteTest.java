package io.gatehouse.cel.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GoQuoteTest {

  private record Case(String name, String input, String quoted) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("plain", "abc", "\"abc\""),
        new Case("empty", "", "\"\""),
        new Case("quote and backslash", "a\"b\\c", "\"a\\\"b\\\\c\""),
        new Case("named escapes", "\u0007\b\f\n\r\t\u000b", "\"\\a\\b\\f\\n\\r\\t\\v\""),
        new Case("other control bytes", "\u0001\u001f\u007f", "\"\\x01\\x1f\\x7f\""),
        new Case("printable non-ascii kept", "é漢😀", "\"é漢😀\""),
        new Case("non-breaking space escaped", "a\u00a0b", "\"a\\u00a0b\""),
        new Case("format character escaped", "\u200b", "\"\\u200b\""),
        new Case("private use escaped", "\ue000", "\"\\ue000\""),
        new Case("supplementary non-printable", "\udbff\udfff", "\"\\U0010ffff\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void quote_string_matchesGoStrconvQuote(Case c) {
    assertThat(GoQuote.quote(c.input())).isEqualTo(c.quoted());
  }
}
