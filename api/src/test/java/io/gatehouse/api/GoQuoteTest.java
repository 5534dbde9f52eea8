package io.gatehouse.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link GoQuote} against Go's {@code strconv.Quote} outputs. */
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
        new Case("single quote kept", "it's", "\"it's\""),
        new Case("named escapes", "\u0007\b\f\n\r\t\u000b", "\"\\a\\b\\f\\n\\r\\t\\v\""),
        new Case("other control bytes", "\u0000\u0001\u001f\u007f", "\"\\x00\\x01\\x1f\\x7f\""),
        new Case("printable non-ascii kept", "é漢✓😀", "\"é漢✓😀\""),
        new Case("non-breaking space escaped", "a\u00a0b", "\"a\\u00a0b\""),
        new Case("line separator escaped", "\u2028", "\"\\u2028\""),
        new Case("format characters escaped", "\u200b\ufeff", "\"\\u200b\\ufeff\""),
        new Case("private use escaped", "\ue000", "\"\\ue000\""),
        new Case("supplementary format character", "\udb40\udc01", "\"\\U000e0001\""),
        new Case("supplementary non-printable", "\udbff\udfff", "\"\\U0010ffff\""),
        new Case("lone surrogate becomes replacement character", "\ud800", "\"\ufffd\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void quote_string_matchesGoStrconvQuote(Case c) {
    assertThat(GoQuote.quote(c.input())).isEqualTo(c.quoted());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void appendEscaped_eachRune_matchesQuoteBetweenQuotes(Case c) {
    StringBuilder out = new StringBuilder("\"");
    c.input().codePoints().forEach(cp -> GoQuote.appendEscaped(out, cp));

    assertThat(out.append('"').toString()).isEqualTo(c.quoted());
  }

  @Test
  void quote_stringList_matchesGoPercentQ() {
    assertThat(GoQuote.quote(List.of("v1", "v1beta1"))).isEqualTo("[\"v1\" \"v1beta1\"]");
    assertThat(GoQuote.quote(List.of())).isEqualTo("[]");
  }
}
