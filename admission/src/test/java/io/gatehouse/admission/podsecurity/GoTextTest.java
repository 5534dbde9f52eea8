package io.gatehouse.admission.podsecurity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Go's {@code %q} and byte-order sorting, which the checks' texts depend on. */
class GoTextTest {

  private record Case(String name, String input, String quoted) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> quotes() {
    return Stream.of(
        new Case("plain", "unconfined", "\"unconfined\""),
        new Case("quote and backslash", "a\"b\\c", "\"a\\\"b\\\\c\""),
        new Case("control characters", "\n\t\u0001", "\"\\n\\t\\x01\""),
        new Case("non-breaking space", "a\u00a0b", "\"a\\u00a0b\""),
        new Case("printable unicode", "héllo ☃", "\"héllo ☃\""),
        new Case("supplementary", "\uD83D\uDE00", "\"\uD83D\uDE00\""),
        new Case("lone surrogate", "\uD800", "\"\uFFFD\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("quotes")
  void quote_string_goFormat(Case c) {
    assertThat(GoText.quote(c.input())).isEqualTo(c.quoted());
  }

  @Test
  void sorted_mixedCaseAndUnicode_byteOrder() {
    assertThat(GoText.sorted(List.of("b", "B", "a", "\uFF5E", "\uD83D\uDE00", "_")))
        .containsExactly("B", "_", "a", "b", "\uFF5E", "\uD83D\uDE00");
  }
}
