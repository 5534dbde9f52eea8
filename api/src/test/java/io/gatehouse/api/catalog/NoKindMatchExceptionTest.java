package io.gatehouse.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.api.GroupVersionKind;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NoKindMatchExceptionTest {

  private record Case(String name, String group, String kind, List<String> versions, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> messages() {
    return Stream.of(
        new Case("one version", "example.com", "Foo", List.of("v1"), "no matches for kind \"Foo\" in version \"example.com/v1\""),
        new Case("core version", "", "Foo", List.of("v1"), "no matches for kind \"Foo\" in version \"v1\""),
        new Case("no version", "example.com", "Foo", List.of(), "no matches for kind \"Foo\" in group \"example.com\""),
        new Case("versions sorted and distinct", "example.com", "Foo", List.of("v2", "v1", "v2"),
            "no matches for kind \"Foo\" in versions [\"example.com/v1\" \"example.com/v2\"]"),
        new Case("kind quoted as Go does", "example.com", "F\"o\\o\n\u00e9\u0001\u00a0", List.of("v1"),
            "no matches for kind \"F\\\"o\\\\o\\n\u00e9\\x01\\u00a0\" in version \"example.com/v1\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void message_searchedVersions_matchesUpstreamText(Case c) {
    assertThat(NoKindMatchException.message(c.group(), c.kind(), c.versions())).isEqualTo(c.expected());
  }

  @Test
  void requireResourceFor_unknownKind_throwsNoMatches() {
    GroupVersionKind foo = new GroupVersionKind("example.com", "v1", "Foo");
    assertThatThrownBy(() -> ResourceCatalog.builtin().requireResourceFor(foo))
        .isInstanceOf(NoKindMatchException.class)
        .hasMessage("no matches for kind \"Foo\" in version \"example.com/v1\"");
  }
}
