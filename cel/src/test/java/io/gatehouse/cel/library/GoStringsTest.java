package io.gatehouse.cel.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GoStringsTest {

  private record Case(String name, String bytes, String quoted) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** Expected values are Go's strconv.Quote results for the same bytes. */
  static Stream<Case> quotes() {
    return Stream.of(
        new Case("ascii", "abc", "\"abc\""),
        new Case("quote and backslash", "a\"b\\c", "\"a\\\"b\\\\c\""),
        new Case("named escapes", "\u0007\b\f\n\r\t\u000b", "\"\\a\\b\\f\\n\\r\\t\\v\""),
        new Case("other control bytes", "\u0001\u007f", "\"\\x01\\x7f\""),
        new Case("printable non-ASCII", GoStrings.toBytes("é€"), "\"é€\""),
        new Case("no-break space", GoStrings.toBytes("\u00a0"), "\"\\u00a0\""),
        new Case("private use plane", GoStrings.toBytes("\uDB80\uDC00"), "\"\\U000f0000\""),
        new Case("invalid UTF-8", "%\u00c3", "\"%\\xc3\""),
        new Case("truncated sequence", "\u00e2\u0082", "\"\\xe2\\x82\""),
        new Case("emoji", GoStrings.toBytes("\uD83D\uDE00"), "\"\uD83D\uDE00\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("quotes")
  void quote_byteString_matchesStrconvQuote(Case c) {
    assertThat(GoStrings.quote(c.bytes())).isEqualTo(c.quoted());
  }
}
