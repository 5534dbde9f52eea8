package io.gatehouse.server.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Cases ported from apiextensions-apiserver {@code schema/defaulting/algorithm_test.go}. */
class DefaultingTest {

  private record Case(String name, String json, String schema, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> defaults() {
    return Stream.of(
        new Case("scalar", "4", "{default: foo}", "4"),
        new Case("scalar array", "[1, 2]", "{items: {default: foo}}", "[1, 2]"),
        new Case("object array", "[{a: 1}, {b: 1}, {c: 1}]",
            "{items: {properties: {a: {default: A}, b: {default: B}, c: {default: C}}}}",
            "[{a: 1, b: B, c: C}, {a: A, b: 1, c: C}, {a: A, b: B, c: 1}]"),
        new Case("object array object", "{array: [{a: 1}, {b: 2}], object: {a: 1},"
            + " additionalProperties: {x: {a: 1}, y: {b: 2}}}",
            "{properties: {array: {items: {properties: {a: {default: A}, b: {default: B}}}},"
                + " object: {properties: {a: {default: N}, b: {default: O}}},"
                + " additionalProperties: {additionalProperties: {properties: {a: {default: alpha},"
                + " b: {default: beta}}}}, foo: {default: bar}}}",
            "{array: [{a: 1, b: B}, {a: A, b: 2}], object: {a: 1, b: O}, additionalProperties:"
                + " {x: {a: 1, b: beta}, y: {a: alpha, b: 2}}, foo: bar}"),
        new Case("empty and null", "[{}, {a: 1}, {a: 0}, {a: 0.5}, {a: ''}, {a: null}, {a: []},"
            + " {a: {}}]", "{items: {properties: {a: {default: A}}}}",
            "[{a: A}, {a: 1}, {a: 0}, {a: 0.5}, {a: ''}, {a: A}, {a: []}, {a: {}}]"),
        new Case("null in nullable list", "[null]",
            "{nullable: true, items: {properties: {a: {default: A}}}}", "[null]"),
        new Case("null in non-nullable list", "[null]", "{items: {default: A}}", "[A]"),
        new Case("null in nullable object", "{a: null}",
            "{properties: {a: {nullable: true, default: A}}}", "{a: null}"),
        new Case("null in non-nullable object", "{a: null}", "{properties: {a: {default: A}}}",
            "{a: A}"),
        new Case("null in nullable additionalProperties", "{a: null}",
            "{additionalProperties: {nullable: true, default: A}}", "{a: null}"),
        new Case("null in non-nullable additionalProperties", "{a: null}",
            "{additionalProperties: {default: A}}", "{a: A}"),
        new Case("null unknown field", "{a: null}", "{additionalProperties: true}", "{a: null}"),
        new Case("default object is copied", "{x: {}, y: {}}", "{properties: {x: {properties:"
            + " {m: {type: object, default: {k: v}}}}, y: {properties: {m: {type: object,"
            + " default: {k: v}}}}}}", "{x: {m: {k: v}}, y: {m: {k: v}}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("defaults")
  void apply_case_fillsDefaults(Case c) {
    Object in = Yaml.value(c.json());
    Defaulting.apply(in, Yaml.schema(c.schema()));
    assertThat(in).isEqualTo(Yaml.value(c.expected()));
  }

  static Stream<Case> nulls() {
    return Stream.of(
        new Case("non-nullable null without default", "{a: null, b: null, c: null}",
            "{properties: {a: {type: string}, b: {type: string, nullable: true},"
                + " c: {type: string, default: x}}}", "{b: null, c: null}"),
        new Case("nested and in lists", "{l: [{a: null}], m: {k: {a: null}}}",
            "{properties: {l: {type: array, items: {properties: {a: {type: string}}}},"
                + " m: {additionalProperties: {properties: {a: {type: string}}}}}}",
            "{l: [{}], m: {k: {}}}"),
        new Case("unknown fields are left alone", "{u: null}", "{properties: {a: {}}}",
            "{u: null}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nulls")
  void pruneNulls_case_removesNonNullableNullsWithoutDefault(Case c) {
    Object in = Yaml.value(c.json());
    Defaulting.pruneNulls(in, Yaml.schema(c.schema()));
    assertThat(in).isEqualTo(Yaml.value(c.expected()));
  }
}
