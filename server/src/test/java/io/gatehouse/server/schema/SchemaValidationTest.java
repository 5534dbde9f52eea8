package io.gatehouse.server.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cases ported from apiextensions-apiserver {@code pkg/apiserver/validation/validation_test.go}
 * ({@code TestValidateCustomResource}) and kube-openapi's validator messages. Upstream compares
 * error sets (Go map order makes lists unordered); so do these tests.
 */
class SchemaValidationTest {

  private record Case(String name, String schema, String object, List<String> errors) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final String NOT_NULLABLE = "{type: object, properties: {field: {type: object}}}";
  private static final String NULLABLE =
      "{type: object, properties: {field: {type: object, nullable: true}}}";
  private static final String INT_OR_STRING =
      "{type: object, properties: {field: {x-kubernetes-int-or-string: true}}}";
  private static final String NULLABLE_INT_OR_STRING =
      "{type: object, properties: {field: {x-kubernetes-int-or-string: true, nullable: true}}}";
  private static final String ANY_OF = "{type: object, properties: {field: {nullable: true,"
      + " x-kubernetes-int-or-string: true, anyOf: [{type: integer}, {type: string}]}}}";
  private static final String ALL_OF = "{type: object, properties: {field: {nullable: true,"
      + " x-kubernetes-int-or-string: true, allOf: [{anyOf: [{type: integer}, {type: string}]}]}}}";
  private static final String ENUM = "{type: object, properties: {field: {type: object,"
      + " required: [nestedint, nestedstring], properties: {nestedint: {type: integer, enum: [1, 2]},"
      + " nestedstring: {type: string, enum: [a, b]}}}}}";
  private static final String REQUIRED = "{type: object, required: [field], properties:"
      + " {field: {type: object, required: [nested], properties: {nested: {}}}}}";

  static Stream<Case> cases() {
    return Stream.of(
        new Case("!nullable: string", NOT_NULLABLE, "{field: foo}", List.of(
            "field: Invalid value: \"string\": field in body must be of type object: \"string\"")),
        new Case("!nullable: integer", NOT_NULLABLE, "{field: 42}", List.of(
            "field: Invalid value: \"integer\": field in body must be of type object: \"integer\"")),
        new Case("!nullable: boolean", NOT_NULLABLE, "{field: true}", List.of(
            "field: Invalid value: \"boolean\": field in body must be of type object: \"boolean\"")),
        new Case("!nullable: number", NOT_NULLABLE, "{field: 1.2}", List.of(
            "field: Invalid value: \"number\": field in body must be of type object: \"number\"")),
        new Case("!nullable: array", NOT_NULLABLE, "{field: []}", List.of(
            "field: Invalid value: \"array\": field in body must be of type object: \"array\"")),
        new Case("!nullable: null", NOT_NULLABLE, "{field: null}", List.of(
            "field: Invalid value: \"null\": field in body must be of type object: \"null\"")),
        new Case("!nullable: empty object", NOT_NULLABLE, "{field: {}}", List.of()),
        new Case("nullable: null", NULLABLE, "{field: null}", List.of()),
        new Case("nullable: string", NULLABLE, "{field: foo}", List.of(
            "field: Invalid value: \"string\": field in body must be of type object: \"string\"")),
        new Case("nullable and no type: anything", "{type: object, properties: {field:"
            + " {nullable: true}}}", "{field: [1.2, true, x]}", List.of()),
        new Case("int-or-string: integer", INT_OR_STRING, "{field: 42}", List.of()),
        new Case("int-or-string: string", INT_OR_STRING, "{field: foo}", List.of()),
        new Case("int-or-string: null", INT_OR_STRING, "{field: null}", List.of(
            "field: Invalid value: \"null\": field in body must be of type integer,string: \"null\"")),
        new Case("int-or-string: boolean", INT_OR_STRING, "{field: true}", List.of("field: Invalid"
            + " value: \"boolean\": field in body must be of type integer,string: \"boolean\"")),
        new Case("int-or-string: number", INT_OR_STRING, "{field: 1.2}", List.of("field: Invalid"
            + " value: \"number\": field in body must be of type integer,string: \"number\"")),
        new Case("nullable int-or-string: null", NULLABLE_INT_OR_STRING, "{field: null}", List.of()),
        new Case("nullable int-or-string: object", NULLABLE_INT_OR_STRING, "{field: {}}",
            List.of("field: Invalid value: \"object\": field in body must be of type"
                + " integer,string: \"object\"")),
        new Case("anyOf: boolean", ANY_OF, "{field: true}", List.of(
            "<nil>: Invalid value: \"\": \"field\" must validate at least one schema (anyOf)",
            "field: Invalid value: \"boolean\": field in body must be of type integer,string:"
                + " \"boolean\"",
            "field: Invalid value: \"boolean\": field in body must be of type integer: \"boolean\"")),
        new Case("anyOf: array", ANY_OF, "{field: []}", List.of(
            "<nil>: Invalid value: \"\": \"field\" must validate at least one schema (anyOf)",
            "field: Invalid value: \"array\": field in body must be of type integer,string:"
                + " \"array\"",
            "field: Invalid value: \"array\": field in body must be of type integer: \"array\"")),
        new Case("anyOf: integer", ANY_OF, "{field: 42}", List.of()),
        new Case("allOf: number", ALL_OF, "{field: 1.2}", List.of(
            "<nil>: Invalid value: \"\": \"field\" must validate all the schemas (allOf). None"
                + " validated",
            "<nil>: Invalid value: \"\": \"field\" must validate at least one schema (anyOf)",
            "field: Invalid value: \"number\": field in body must be of type integer,string:"
                + " \"number\"",
            "field: Invalid value: \"number\": field in body must be of type integer: \"number\"")),
        new Case("invalid regex", "{type: object, properties: {field: {type: string,"
            + " pattern: '+'}}}", "{field: foo}", List.of("field: Invalid value: \"foo\": field in"
            + " body should match '+, but pattern is invalid: error parsing regexp: missing"
            + " argument to repetition operator: `+`'")),
        new Case("required: root", REQUIRED, "{test: a}", List.of("field: Required value")),
        new Case("required: nested", REQUIRED, "{field: {}}", List.of(
            "field.nested: Required value")),
        new Case("enum: missing", ENUM, "{field: {}}", List.of(
            "field.nestedint: Required value", "field.nestedstring: Required value")),
        new Case("enum: wrong types", ENUM, "{field: {nestedint: x, nestedstring: true}}", List.of(
            "field.nestedint: Invalid value: \"string\": field.nestedint in body must be of type"
                + " integer: \"string\"",
            "field.nestedint: Unsupported value: \"x\": supported values: \"1\", \"2\"",
            "field.nestedstring: Invalid value: \"boolean\": field.nestedstring in body must be of"
                + " type string: \"boolean\"",
            "field.nestedstring: Unsupported value: true: supported values: \"a\", \"b\"")),
        new Case("enum: float matches integer", ENUM, "{field: {nestedint: 2.0, nestedstring: a}}",
            List.of()),
        new Case("maxProperties", "{type: object, properties: {fieldX: {type: object,"
            + " maxProperties: 2}}}", "{fieldX: {a: true, b: true, c: true}}", List.of(
            "fieldX: Too many: 3: must have at most 2 items")),
        new Case("maxItems", "{type: object, properties: {fieldX: {type: array, maxItems: 2}}}",
            "{fieldX: [a, b, c]}", List.of("fieldX: Too many: 3: must have at most 2 items")),
        new Case("maxLength", "{type: object, properties: {fieldX: {type: string,"
            + " maxLength: 2}}}", "{fieldX: abc}", List.of(
            "fieldX: Too long: may not be more than 2 bytes")),
        new Case("maxLength counts runes", "{type: object, properties: {fieldX: {type: string,"
            + " maxLength: 2}}}", "{fieldX: \"äö\"}", List.of()),
        new Case("minLength", "{type: object, properties: {s: {type: string, minLength: 1}}}",
            "{s: ''}", List.of("s: Invalid value: \"\": s in body should be at least 1 chars long")),
        new Case("pattern", "{type: object, properties: {s: {type: string, pattern: '^[a-z]+$'}}}",
            "{s: A1}", List.of("s: Invalid value: \"A1\": s in body should match '^[a-z]+$'")),
        new Case("maximum", "{type: object, properties: {spec: {type: object, properties:"
            + " {replicas: {type: integer, maximum: 10}}}}}", "{spec: {replicas: 11}}", List.of(
            "spec.replicas: Invalid value: 11: spec.replicas in body should be less than or"
                + " equal to 10")),
        new Case("exclusiveMaximum", "{type: object, properties: {num: {type: number, maximum: 1.5,"
            + " exclusiveMaximum: true}}}", "{num: 1.5}", List.of(
            "num: Invalid value: 1.5: num in body should be less than 1.5")),
        new Case("minimum", "{type: object, properties: {num: {type: integer, minimum: 1}}}",
            "{num: 0}", List.of("num: Invalid value: 0: num in body should be greater than or equal to 1")),
        new Case("exclusiveMinimum", "{type: object, properties: {num: {type: integer, minimum: 0,"
            + " exclusiveMinimum: true}}}", "{num: 0}", List.of(
            "num: Invalid value: 0: num in body should be greater than 0")),
        new Case("multipleOf", "{type: object, properties: {num: {type: integer, multipleOf: 3}}}",
            "{num: 7}", List.of("num: Invalid value: 7: num in body should be a multiple of 3")),
        new Case("minItems", "{type: object, properties: {l: {type: array, minItems: 1,"
            + " items: {type: string}}}}", "{l: []}", List.of(
            "l: Invalid value: 0: l in body should have at least 1 items")),
        new Case("items", "{type: object, properties: {l: {type: array, items: {type: string}}}}",
            "{l: [a, 1]}", List.of("l[1]: Invalid value: \"integer\": l[1] in body must be of type"
            + " string: \"integer\"")),
        new Case("minProperties", "{type: object, properties: {m: {type: object,"
            + " minProperties: 1}}}", "{m: {}}", List.of(
            "m: Invalid value: 0: m in body should have at least 1 properties")),
        new Case("additionalProperties schema", "{type: object, properties: {m: {type: object,"
            + " additionalProperties: {type: integer}}}}", "{m: {a: 1, b: x}}", List.of(
            "m.b: Invalid value: \"string\": m.b in body must be of type integer: \"string\"")),
        new Case("format uuid", "{type: object, properties: {u: {type: string, format: uuid}}}",
            "{u: nope}", List.of("u: Invalid value: \"nope\": u in body must be of type uuid:"
            + " \"nope\"")),
        new Case("format date-time", "{type: object, properties: {t: {type: string,"
            + " format: date-time}}}", "{t: 2024-13-01T00:00:00Z}", List.of("t: Invalid value:"
            + " \"2024-13-01T00:00:00Z\": t in body must be of type date-time:"
            + " \"2024-13-01T00:00:00Z\"")),
        new Case("format date-time valid", "{type: object, properties: {t: {type: string,"
            + " format: date-time}}}", "{t: '2024-02-29T10:00:00.5+01:00'}", List.of()),
        new Case("unsupported format ignored", "{type: object, properties: {t: {type: string,"
            + " format: k8s-short-name}}}", "{t: 'Not A Name'}", List.of()),
        new Case("format int32 on integer", "{type: object, properties: {i: {type: integer,"
            + " format: int32}}}", "{i: 5}", List.of()),
        new Case("float accepted as integer", "{type: object, properties: {i: {type: integer}}}",
            "{i: 5.0}", List.of()),
        new Case("integer accepted as number", "{type: object, properties: {num: {type: number}}}",
            "{num: 5}", List.of()),
        new Case("oneOf none", "{type: object, properties: {f: {oneOf: [{required: [a]},"
            + " {required: [b]}]}}}", "{f: {}}", List.of(
            "<nil>: Invalid value: \"\": \"f\" must validate one and only one schema (oneOf). Found"
                + " none valid", "f.a: Required value")),
        new Case("oneOf two", "{type: object, properties: {f: {oneOf: [{required: [a]},"
            + " {required: [b]}]}}}", "{f: {a: 1, b: 2}}", List.of(
            "<nil>: Invalid value: \"\": \"f\" must validate one and only one schema (oneOf). Found"
                + " 2 valid alternatives")),
        new Case("not", "{type: object, properties: {f: {not: {required: [a]}}}}", "{f: {a: 1}}",
            List.of("<nil>: Invalid value: \"\": \"f\" must not validate the schema (not)")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void validate_case_returnsUpstreamErrors(Case c) {
    List<String> errors = SchemaValidation.validate(Yaml.schema(c.schema()), Yaml.value(c.object()))
        .stream().map(FieldError::message).toList();
    assertThat(errors).containsExactlyInAnyOrderElementsOf(c.errors());
  }
}
