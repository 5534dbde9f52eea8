package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class QueryStringTest {

  private record Case(String query, Map<String, List<String>> expected) {
    @Override
    public String toString() {
      return query.isEmpty() ? "(empty)" : query;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("", Map.of()),
        new Case("watch=true&limit=500", Map.of("watch", List.of("true"), "limit", List.of("500"))),
        new Case("verbose", Map.of("verbose", List.of(""))),
        new Case("a=1&a=2", Map.of("a", List.of("1", "2"))),
        new Case("fieldSelector=metadata.name%3Dx+y", Map.of("fieldSelector", List.of("metadata.name=x y"))),
        new Case("bad=%zz&ok=1", Map.of("ok", List.of("1"))),
        new Case("semi=1;x=2&ok=1", Map.of("ok", List.of("1"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void parse_rawQuery_asGoParseQuery(Case c) {
    assertThat(QueryString.parse(c.query())).isEqualTo(c.expected());
  }
}
