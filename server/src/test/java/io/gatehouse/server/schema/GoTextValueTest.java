package io.gatehouse.server.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad value of a {@code field.Error} as Kubernetes 1.33's {@code ErrorBody} prints a decoded
 * JSON value ({@code interface{}}): scalars {@code %v}/{@code %q}, nil {@code "null"}, composites
 * Go's {@code %#v}.
 */
class GoTextValueTest {

  private record Case(String name, @Nullable Object value, String printed) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("z", Arrays.asList("a\"b", null));
    nested.put("a", Map.of("k", 1.5));
    nested.put("m", false);
    return Stream.of(
        new Case("string", "a\tb", "\"a\\tb\""),
        new Case("int64", 42L, "42"),
        new Case("large float uses %v", 1.0e6, "1e+06"),
        new Case("bool", true, "true"),
        new Case("nil is the string null", null, "\"null\""),
        new Case("empty list", List.of(), "[]interface {}{}"),
        new Case("list with a nil element", Arrays.asList(1L, null, "x", 2.5e-5),
            "[]interface {}{1, interface {}(nil), \"x\", 2.5e-05}"),
        new Case("empty map", Map.of(), "map[string]interface {}{}"),
        new Case("nested map, keys sorted", nested, "map[string]interface {}{\"a\":map[string]"
            + "interface {}{\"k\":1.5}, \"m\":false, \"z\":[]interface {}{\"a\\\"b\","
            + " interface {}(nil)}}"),
        new Case("raw is printed as is", new GoText.Raw("[]string(nil)"), "[]string(nil)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void value_decodedJson_printsAsKubernetes133(Case c) {
    assertThat(GoText.value(c.value())).isEqualTo(c.printed());
    assertThat(FieldError.invalid("f", c.value(), "bad").message())
        .isEqualTo("f: Invalid value: " + c.printed() + ": bad");
  }
}
