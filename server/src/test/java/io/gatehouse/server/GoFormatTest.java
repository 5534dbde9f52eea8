package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GoFormatTest {

  private record Case(String name, @Nullable Object value, String printed) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> values() {
    Map<String, Object> unsorted = new LinkedHashMap<>();
    unsorted.put("z", 1L);
    unsorted.put("a", List.of("x", "y z"));
    return Stream.of(
        new Case("nil", null, "<nil>"),
        new Case("string unquoted", "a b", "a b"),
        new Case("int64", 42L, "42"),
        new Case("bool", true, "true"),
        new Case("map keys sorted", unsorted, "map[a:[x y z] z:1]"),
        new Case("nested", Map.of("spec", Map.of("foo", 1L)), "map[spec:map[foo:1]]"),
        new Case("list with nil", Arrays.asList(1L, null), "[1 <nil>]"),
        new Case("float", 2.5, "2.5"),
        new Case("float below 1e6", 123456.5, "123456.5"),
        new Case("float from 1e6", 1.0e6, "1e+06"),
        new Case("float digits from 1e6", 1234567.5, "1.2345675e+06"),
        new Case("small float", 0.0001, "0.0001"),
        new Case("tiny float", 0.00001234, "1.234e-05"),
        new Case("negative float", -0.5, "-0.5"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("values")
  void value_decodedJson_printsAsGoPercentPlusV(Case c) {
    assertThat(GoFormat.value(c.value())).isEqualTo(c.printed());
  }
}
