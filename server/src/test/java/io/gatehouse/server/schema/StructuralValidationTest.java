package io.gatehouse.server.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code ValidateStructural} cases, with the messages of apiextensions-apiserver's {@code
 * schema/validation.go} and {@code complete.go}; errors sorted by text as upstream sorts them.
 */
class StructuralValidationTest {

  private static final String P = "spec.validation.openAPIV3Schema";

  private record Case(String name, String schema, List<String> errors) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("structural", "{type: object, properties: {spec: {type: object, properties:"
            + " {replicas: {type: integer, minimum: 0}}}, status: {type: object,"
            + " x-kubernetes-preserve-unknown-fields: true}}}", List.of()),
        new Case("no type at the root", "{properties: {spec: {type: object}}}",
            List.of(P + ".type: Required value: must not be empty at the root")),
        new Case("non-object root", "{type: string}",
            List.of(P + ".type: Invalid value: \"string\": must be object at the root")),
        new Case("field without type", "{type: object, properties: {spec: {}}}", List.of(
            P + ".properties[spec].type: Required value: must not be empty for specified object"
                + " fields")),
        new Case("items without type", "{type: object, properties: {l: {type: array, items: {}}}}",
            List.of(P + ".properties[l].items.type: Required value: must not be empty for specified"
                + " array items")),
        new Case("array without items", "{type: object, properties: {l: {type: array}}}",
            List.of(P + ".properties[l].items: Required value: must be specified")),
        new Case("additionalProperties at the root", "{type: object, additionalProperties:"
            + " {type: string}}", List.of(P + ".additionalProperties: Forbidden: must not be used at"
            + " the root")),
        new Case("type in anyOf", "{type: object, properties: {a: {type: string, anyOf: [{type:"
            + " string}, {maxLength: 3}]}}}", List.of(P + ".properties[a].anyOf[0].type: Forbidden:"
            + " must be empty to be structural")),
        new Case("int-or-string anyOf pattern", "{type: object, properties: {a:"
            + " {x-kubernetes-int-or-string: true, anyOf: [{type: integer}, {type: string}]}}}",
            List.of()),
        new Case("int-or-string allOf pattern", "{type: object, properties: {a:"
            + " {x-kubernetes-int-or-string: true, allOf: [{anyOf: [{type: integer}, {type:"
            + " string}]}, {pattern: '^[0-9]+%?$'}]}}}", List.of()),
        new Case("int-or-string with preserve", "{type: object, properties: {a:"
            + " {x-kubernetes-int-or-string: true, x-kubernetes-preserve-unknown-fields: true}}}",
            List.of(P + ".properties[a].x-kubernetes-preserve-unknown-fields: Invalid value: true:"
                + " must be false if x-kubernetes-int-or-string is true")),
        new Case("nested forbidden generics", "{type: object, properties: {a: {type: string,"
            + " allOf: [{description: d, nullable: true, default: x}]}}}", List.of(
            P + ".properties[a].allOf[0].default: Forbidden: must be undefined to be structural",
            P + ".properties[a].allOf[0].description: Forbidden: must be empty to be structural",
            P + ".properties[a].allOf[0].nullable: Forbidden: must be false to be structural")),
        new Case("metadata restricting more than names", "{type: object, properties: {metadata:"
            + " {type: object, properties: {labels: {type: object}}}}}", List.of(
            P + ".properties[metadata]: Forbidden: must not specify anything other than name and"
                + " generateName, but metadata is implicitly specified")),
        new Case("metadata restricting names", "{type: object, properties: {metadata:"
            + " {type: object, properties: {name: {type: string, maxLength: 20}}}}}", List.of()),
        new Case("metadata of another type", "{type: object, properties: {metadata:"
            + " {type: string}}}", List.of(
            P + ".properties[metadata].type: Invalid value: \"string\": must be object")),
        new Case("metadata in a nested context", "{type: object, properties: {a: {type: object,"
            + " anyOf: [{properties: {metadata: {}}}]}}}", List.of(
            P + ".properties[a].anyOf[0].properties[metadata]: Forbidden: must not be specified in a"
                + " nested context")),
        new Case("embedded resource without type", "{type: object, properties: {e:"
            + " {x-kubernetes-embedded-resource: true, x-kubernetes-preserve-unknown-fields: true}}}",
            List.of(P + ".properties[e].type: Required value: must be object if"
                + " x-kubernetes-embedded-resource is true")),
        new Case("embedded resource without properties", "{type: object, properties: {e:"
            + " {type: object, x-kubernetes-embedded-resource: true}}}", List.of(
            P + ".properties[e].properties: Required value: must not be empty if"
                + " x-kubernetes-embedded-resource is true without"
                + " x-kubernetes-preserve-unknown-fields")),
        new Case("invalid pattern", "{type: object, properties: {s: {type: string, pattern:"
            + " '('}}}", List.of(P + ".properties[s].pattern: Invalid value: \"(\": must be a valid"
            + " regular expression, but isn't: error parsing regexp: missing closing ): `(`")),
        new Case("incomplete root junctor", "{type: object, properties: {a: {type: string}},"
            + " anyOf: [{properties: {b: {}}}, {required: [a]}]}", List.of(
            P + ".properties[b]: Required value: because it is defined in " + P
                + ".anyOf[0].properties[b]")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void validate_case_returnsSortedUpstreamErrors(Case c) {
    assertThat(StructuralValidation.validate(P, Yaml.schema(c.schema())).stream()
        .map(FieldError::message).toList()).isEqualTo(c.errors());
  }
}
