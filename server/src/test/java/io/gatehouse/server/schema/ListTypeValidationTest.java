package io.gatehouse.server.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code ValidateListSetsAndMaps} cases after apiextensions' {@code listtype} tests. */
class ListTypeValidationTest {

  private record Case(String name, String schema, String object, List<String> errors) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final String SET = "{properties: {s: {type: array, x-kubernetes-list-type: set,"
      + " items: {}}}}";
  private static final String MAP = "{properties: {m: {type: array, x-kubernetes-list-type: map,"
      + " x-kubernetes-list-map-keys: [k], items: {type: object}}}}";
  private static final String MAP2 = "{properties: {m: {type: array, x-kubernetes-list-type: map,"
      + " x-kubernetes-list-map-keys: [k1, k2], items: {type: object}}}}";

  static Stream<Case> cases() {
    return Stream.of(
        new Case("unique set", SET, "{s: [a, b, 1, 1.5]}", List.of()),
        new Case("duplicate scalars", SET, "{s: [a, b, a, a]}", List.of(
            "s[2]: Duplicate value: \"a\"")),
        new Case("duplicate objects", SET, "{s: [{x: 1}, {x: 1}]}", List.of(
            "s[1]: Duplicate value: map[string]interface {}{\"x\":1}")),
        new Case("duplicate nulls", SET, "{s: [null, a, null]}", List.of(
            "s[2]: Duplicate value: \"null\"")),
        new Case("duplicate lists", SET, "{s: [[1, null, 0.5, true], [1, null, 0.5, true]]}",
            List.of("s[1]: Duplicate value: []interface {}{1, interface {}(nil), 0.5, true}")),
        new Case("duplicate map keys", MAP, "{m: [{k: a, v: 1}, {k: a, v: 2}]}", List.of(
            "m[1]: Duplicate value: map[string]interface {}{\"k\":\"a\"}")),
        new Case("missing map keys", MAP, "{m: [{v: 1}, {v: 2}]}", List.of(
            "m[1]: Duplicate value: map[string]interface {}{}")),
        new Case("composite keys", MAP2, "{m: [{k1: a, k2: b}, {k1: a, k2: c}, {k1: a, k2: b}]}",
            List.of("m[2]: Duplicate value: map[string]interface {}{\"k1\":\"a\", \"k2\":\"b\"}")),
        new Case("non-object in map list", MAP, "{m: [{k: a}, 5]}", List.of(
            "m[1]: Invalid value: 5: must be an object for an array of list-type map")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void validate_case_reportsDuplicates(Case c) {
    assertThat(ListTypeValidation.validate(null, Yaml.schema(c.schema()),
        (Map<?, ?>) Yaml.value(c.object())).stream().map(FieldError::message).toList())
        .isEqualTo(c.errors());
  }
}
