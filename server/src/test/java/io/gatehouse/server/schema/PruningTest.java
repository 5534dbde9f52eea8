package io.gatehouse.server.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Cases ported from apiextensions-apiserver {@code schema/pruning/algorithm_test.go}. */
class PruningTest {

  private record Case(String name, String json, @Nullable String schema, boolean root,
      String expected, List<String> pruned) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final String PRESERVE_SCHEMA = """
      type: object
      x-kubernetes-preserve-unknown-fields: true
      properties:
        alpha: {type: string}
        beta: {type: number}
        pruning:
          type: object
          properties:
            preserving: {type: object, x-kubernetes-preserve-unknown-fields: true}
            pruning: {type: object}
        preserving:
          type: object
          x-kubernetes-preserve-unknown-fields: true
          properties:
            preserving: {type: object, x-kubernetes-preserve-unknown-fields: true}
            pruning: {type: object}
        preservingAdditionalPropertiesNotInheritingXPreserveUnknownFields:
          type: object
          x-kubernetes-preserve-unknown-fields: true
          additionalProperties: {type: object, properties: {specified: {type: object}}}
        preservingAdditionalPropertiesKeyPruneValues:
          type: object
          additionalProperties: {type: object, properties: {specified: {type: object}}}
      """;

  private static final String EMBEDDED_SCHEMA = """
      type: object
      properties:
        pruned:
          type: object
          x-kubernetes-embedded-resource: true
          properties: {spec: {type: object}}
        preserving:
          type: object
          x-kubernetes-embedded-resource: true
          x-kubernetes-preserve-unknown-fields: true
        nested:
          type: object
          x-kubernetes-embedded-resource: true
          properties:
            spec:
              type: object
              properties:
                embedded:
                  type: object
                  x-kubernetes-embedded-resource: true
                  properties: {spec: {type: object}}
      """;

  private static final String EMBEDDED_JSON = """
      {"apiVersion": "foo/v1", "kind": "Foo", "metadata": {"name": "instance", "unspecified": "bar"},
       "unspecified": "bar",
       "pruned": {"apiVersion": "foo/v1", "kind": "Foo", "unspecified": "bar",
         "metadata": {"name": "instance", "unspecified": "bar"}, "spec": {"unspecified": "bar"}},
       "preserving": {"apiVersion": "foo/v1", "kind": "Foo", "unspecified": "bar",
         "metadata": {"name": "instance", "unspecified": "bar"}, "spec": {"unspecified": "bar"}},
       "nested": {"apiVersion": "foo/v1", "kind": "Foo", "unspecified": "bar",
         "metadata": {"name": "instance", "unspecified": "bar"},
         "spec": {"unspecified": "bar", "embedded": {"apiVersion": "foo/v1", "kind": "Foo",
           "unspecified": "bar", "metadata": {"name": "instance", "unspecified": "bar"},
           "spec": {"unspecified": "bar"}}}}}
      """;

  private static final String EMBEDDED_PRUNED = """
      {"pruned": {"apiVersion": "foo/v1", "kind": "Foo",
         "metadata": {"name": "instance", "unspecified": "bar"}, "spec": {}},
       "preserving": {"apiVersion": "foo/v1", "kind": "Foo", "unspecified": "bar",
         "metadata": {"name": "instance", "unspecified": "bar"}, "spec": {"unspecified": "bar"}},
       "nested": {"apiVersion": "foo/v1", "kind": "Foo",
         "metadata": {"name": "instance", "unspecified": "bar"},
         "spec": {"embedded": {"apiVersion": "foo/v1", "kind": "Foo",
           "metadata": {"name": "instance", "unspecified": "bar"}, "spec": {}}}}}
      """;

  private static final List<String> EMBEDDED_PATHS = List.of(
      "nested.spec.embedded.spec.unspecified", "nested.spec.embedded.unspecified",
      "nested.spec.unspecified", "nested.unspecified", "pruned.spec.unspecified",
      "pruned.unspecified", "unspecified");

  static Stream<Case> cases() {
    return Stream.of(
        new Case("scalar", "4", "{}", false, "4", List.of()),
        new Case("object array", "[{a: 1}, {b: 1}, {a: 1, b: 2, c: 3}]",
            "{items: {properties: {a: {}, c: {}}}}", false, "[{a: 1}, {}, {a: 1, c: 3}]",
            List.of("[1].b", "[2].b")),
        new Case("object array with nil schema", "[{a: 1}, {b: 1}, {a: 1, b: 2, c: 3}]", null,
            false, "[{}, {}, {}]", List.of("[0].a", "[1].b", "[2].a", "[2].b", "[2].c")),
        new Case("object array object", "{array: [{a: 1}, {b: 1}, {a: 1, b: 2, c: 3}],"
            + " unspecified: {a: 1}, specified: {a: 1, b: 2, c: 3}}",
            "{properties: {array: {items: {properties: {a: {}, c: {}}}},"
                + " specified: {properties: {a: {}, c: {}}}}}", false,
            "{array: [{a: 1}, {}, {a: 1, c: 3}], specified: {a: 1, c: 3}}",
            List.of("array[1].b", "array[2].b", "specified.b", "unspecified")),
        new Case("nested x-kubernetes-preserve-unknown-fields", """
            {"unspecified": "bar", "alpha": "abc", "beta": 42.5,
             "unspecifiedObject": {"unspecified": "bar"},
             "pruning": {"unspecified": "bar", "unspecifiedObject": {"unspecified": "bar"},
               "pruning": {"unspecified": "bar"}, "apiVersion": "unknown",
               "preserving": {"unspecified": "bar"}},
             "preserving": {"unspecified": "bar", "unspecifiedObject": {"unspecified": "bar"},
               "pruning": {"unspecified": "bar"}, "preserving": {"unspecified": "bar"}},
             "preservingAdditionalPropertiesNotInheritingXPreserveUnknownFields":
               {"foo": {"specified": {"unspecified": "bar"}, "unspecified": "bar"}},
             "preservingAdditionalPropertiesKeyPruneValues":
               {"foo": {"specified": {"unspecified": "bar"}, "unspecified": "bar"}}}
            """, PRESERVE_SCHEMA, false, """
            {"unspecified": "bar", "alpha": "abc", "beta": 42.5,
             "unspecifiedObject": {"unspecified": "bar"},
             "pruning": {"pruning": {}, "preserving": {"unspecified": "bar"}},
             "preserving": {"unspecified": "bar", "unspecifiedObject": {"unspecified": "bar"},
               "pruning": {}, "preserving": {"unspecified": "bar"}},
             "preservingAdditionalPropertiesNotInheritingXPreserveUnknownFields":
               {"foo": {"specified": {}}},
             "preservingAdditionalPropertiesKeyPruneValues": {"foo": {"specified": {}}}}
            """, List.of("preserving.pruning.unspecified",
            "preservingAdditionalPropertiesKeyPruneValues.foo.specified.unspecified",
            "preservingAdditionalPropertiesKeyPruneValues.foo.unspecified",
            "preservingAdditionalPropertiesNotInheritingXPreserveUnknownFields.foo.specified"
                + ".unspecified",
            "preservingAdditionalPropertiesNotInheritingXPreserveUnknownFields.foo.unspecified",
            "pruning.apiVersion", "pruning.pruning.unspecified", "pruning.unspecified",
            "pruning.unspecifiedObject")),
        new Case("additionalProperties with schema", "{a: 1, b: 1, c: {a: 1, b: 2, c: {a: 1}}}",
            "{properties: {a: {}, c: {additionalProperties: {type: integer}}}}", false,
            "{a: 1, c: {a: 1, b: 2, c: {}}}", List.of("b", "c.c.a")),
        new Case("additionalProperties with bool",
            "{a: 1, b: 1, c: {a: 1, b: 2, c: {a: 1, apiVersion: unknown}}}",
            "{properties: {a: {}, c: {additionalProperties: false}}}", false,
            "{a: 1, c: {a: 1, b: 2, c: {}}}", List.of("b", "c.c.a", "c.c.apiVersion")),
        new Case("x-kubernetes-embedded-resource", EMBEDDED_JSON, EMBEDDED_SCHEMA, false,
            EMBEDDED_PRUNED, EMBEDDED_PATHS),
        new Case("x-kubernetes-embedded-resource, with root=true", EMBEDDED_JSON, EMBEDDED_SCHEMA,
            true, EMBEDDED_PRUNED.replaceFirst("\\{", "{\"apiVersion\": \"foo/v1\", \"kind\":"
                + " \"Foo\", \"metadata\": {\"name\": \"instance\", \"unspecified\": \"bar\"},"),
            EMBEDDED_PATHS),
        new Case("root without schema keeps meta fields", "{apiVersion: v1, kind: K, spec: {}}",
            null, true, "{apiVersion: v1, kind: K}", List.of("spec")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void prune_case_removesUnknownFieldsAndReportsTheirPaths(Case c) {
    Object in = Yaml.value(c.json());
    JsonSchema schema = c.schema() == null ? null : Yaml.schema(c.schema());
    List<String> pruned = Pruning.prune(in, schema, c.root());
    assertThat(in).isEqualTo(Yaml.value(c.expected()));
    assertThat(pruned).isEqualTo(c.pruned());
  }
}
