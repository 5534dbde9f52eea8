package io.gatehouse.cel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PropertyNamesTest {

  private record Case(String name, String property, Optional<String> identifier) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("plain", "spec", Optional.of("spec")),
        new Case("reserved word", "namespace", Optional.of("__namespace__")),
        new Case("another reserved word", "if", Optional.of("__if__")),
        new Case("dash", "x-prop", Optional.of("x__dash__prop")),
        new Case("dot", "foo.example.com", Optional.of("foo__dot__example__dot__com")),
        new Case("slash", "app/name", Optional.of("app__slash__name")),
        new Case("double underscore", "redact__d", Optional.of("redact__underscores__d")),
        new Case("triple underscore", "a___b", Optional.of("a__underscores___b")),
        new Case("single underscores kept", "_a_b_", Optional.of("_a_b_")),
        new Case("leading dash", "-x", Optional.of("__dash__x")),
        new Case("reserved word inside is not escaped", "sprint", Optional.of("sprint")),
        new Case("leading digit", "1st", Optional.empty()),
        new Case("empty", "", Optional.empty()),
        new Case("space", "a b", Optional.empty()),
        new Case("colon", "a:b", Optional.empty()),
        new Case("non-ascii", "caf\u00e9", Optional.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void escape_property_asUpstream(Case c) {
    assertThat(PropertyNames.escape(c.property())).isEqualTo(c.identifier());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void unescape_escapedProperty_roundTrips(Case c) {
    c.identifier().ifPresent(id -> assertThat(PropertyNames.unescape(id)).contains(c.property()));
  }

  static Stream<Case> invalidEscapes() {
    return Stream.of(
        new Case("unknown escape", "a__foo__b", Optional.empty()),
        new Case("reserved word escape inside a name", "x__if__", Optional.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidEscapes")
  void unescape_invalidEscape_isEmpty(Case c) {
    assertThat(PropertyNames.unescape(c.property())).isEmpty();
  }
}
