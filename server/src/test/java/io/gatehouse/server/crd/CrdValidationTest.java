package io.gatehouse.server.crd;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.codec.ValueDecoder;
import io.gatehouse.server.TestCrds;
import io.gatehouse.server.schema.FieldError;
import io.gatehouse.server.schema.RuleCompiler;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CRD validation on create, with the messages of apiextensions-apiserver's {@code
 * pkg/apis/apiextensions/validation/validation.go} (cases after its {@code validation_test.go}).
 */
class CrdValidationTest {

  static final String VALID = TestCrds.namespaced("widgets", "Widget").singular("widget")
      .shortNames("wd").version(TestCrds.Version.of("v1", TestCrds.specSchema(
          "replicas: {type: integer, minimum: 0, default: 1}",
          "status: {type: object, x-kubernetes-preserve-unknown-fields: true}"))
          .subresources("{status: {}}")).build().yaml();

  private record Case(String name, UnaryOperator<String> edit, List<String> errors) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final String S = "spec.validation.openAPIV3Schema";

  static Stream<Case> cases() {
    return Stream.of(
        new Case("valid", y -> y, List.of()),
        new Case("name not plural.group", y -> y.replace("name: widgets.example.com",
            "name: gadgets.example.com"), List.of("metadata.name: Invalid value:"
            + " \"gadgets.example.com\": must be spec.names.plural+\".\"+spec.group")),
        new Case("group without a dot", y -> y.replace("group: example.com", "group: example")
            .replace("widgets.example.com", "widgets.example"), List.of(
            "spec.group: Invalid value: \"example\": should be a domain with at least one dot")),
        new Case("unsupported scope", y -> y.replace("scope: Namespaced", "scope: Global"),
            List.of("spec.scope: Unsupported value: \"Global\": supported values: \"Cluster\","
                + " \"Namespaced\"")),
        new Case("kind equals listKind", y -> y.replace("kind: Widget,",
            "kind: Widget, listKind: Widget,"), List.of(
            "spec.names.listKind: Invalid value: \"Widget\": kind and listKind may not be the"
                + " same")),
        new Case("bad short name", y -> y.replace("shortNames: [wd]", "shortNames: [W_D]"),
            List.of("spec.names.shortNames[0]: Invalid value: \"W_D\": a DNS-1035 label must"
                + " consist of lower case alphanumeric characters or '-', start with an alphabetic"
                + " character, and end with an alphanumeric character (e.g. 'my-name',  or"
                + " 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')")),
        new Case("missing schema", y -> y.substring(0, y.indexOf("    schema:"))
            + "    subresources: {status: {}}\n", List.of(
            "spec.versions[0].schema.openAPIV3Schema: Required value: schemas are required")),
        new Case("non-structural", y -> y.replace("replicas: {type: integer, minimum: 0,"
            + " default: 1}", "replicas: {minimum: 0}"), List.of(
            S + ".properties[spec].properties[replicas].type: Required value: must not be empty"
                + " for specified object fields")),
        new Case("unique items", y -> y.replace("minimum: 0,", "minimum: 0, uniqueItems: true,"),
            List.of(S + ".properties[spec].properties[replicas].uniqueItems: Forbidden:"
                + " uniqueItems cannot be set to true since the runtime complexity becomes"
                + " quadratic")),
        new Case("default of the wrong type", y -> y.replace("default: 1", "default: one"),
            List.of(S + ".properties[spec].properties[replicas].default: Invalid value:"
                + " \"string\":  in body must be of type integer: \"string\"")),
        new Case("status subresource with nullable root", y -> y.replace(
            "openAPIV3Schema:\n        type: object",
            "openAPIV3Schema:\n        type: object\n        nullable: true"),
            List.of(S + ": Invalid value: {\"nullable\":true,\"properties\":{\"spec\":{\"properties\""
                + ":{\"replicas\":{\"default\":1,\"minimum\":0,\"type\":\"integer\"}},\"type\":"
                + "\"object\"},\"status\":{\"type\":\"object\",\"x-kubernetes-preserve-unknown-"
                + "fields\":true}},\"type\":\"object\"}: only [Description Type Format Title"
                + " Maximum ExclusiveMaximum Minimum ExclusiveMinimum MaxLength MinLength Pattern"
                + " MaxItems MinItems UniqueItems MultipleOf Required Items Properties ExternalDocs"
                + " Example XPreserveUnknownFields XValidations] fields are allowed at the root of"
                + " the schema if the status subresource is enabled",
                S + ".nullable: Forbidden: nullable cannot be true at the root")),
        new Case("no storage version", y -> y.replace("storage: true", "storage: false"), List.of(
            "spec.versions: Invalid value: []apiextensions.CustomResourceDefinitionVersion{"
                + "apiextensions.CustomResourceDefinitionVersion{Name:\"v1\", Served:true,"
                + " Storage:false, Deprecated:false, DeprecationWarning:(*string)(nil),"
                + " Schema:(*apiextensions.CustomResourceValidation)(nil),"
                + " Subresources:(*apiextensions.CustomResourceSubresources)(nil),"
                + " AdditionalPrinterColumns:[]apiextensions.CustomResourceColumnDefinition(nil),"
                + " SelectableFields:[]apiextensions.SelectableField(nil)}}: must have exactly one"
                + " version marked as storage version",
            "status.storedVersions: Invalid value: []string(nil): must have at least one stored"
                + " version")),
        new Case("printer column", y -> y + "    additionalPrinterColumns:\n"
            + "    - {name: Replicas, type: int, jsonPath: spec.replicas}\n", List.of(
            "spec.additionalPrinterColumns[0].type: Invalid value: \"int\": must be one of"
                + " boolean,date,integer,number,string",
            "spec.additionalPrinterColumns[0].JSONPath: Invalid value: \"spec.replicas\": must be"
                + " a simple json path starting with .")),
        new Case("empty rule", y -> y.replace("status: {type: object,",
            "status: {type: object, x-kubernetes-validations: [{rule: ' '}],"), List.of(
            S + ".properties[status].x-kubernetes-validations[0].rule: Required value: rule is not"
                + " specified")),
        new Case("map list without keys", y -> y.replace("replicas: {type: integer, minimum: 0,"
            + " default: 1}", "items: {type: array, x-kubernetes-list-type: map, items:"
            + " {type: object}}"), List.of(
            S + ".properties[spec].properties[items].x-kubernetes-list-map-keys: Required value:"
                + " must not be empty if x-kubernetes-list-type is map")),
        new Case("metadata default", y -> y.replace("status: {type: object,",
            "metadata: {type: object, default: {}}\n          status: {type: object,"),
            List.of(S + ".properties[metadata].default: Forbidden: must not be set in top-level"
                + " metadata")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void validateCreate_case_returnsUpstreamErrors(Case c) {
    @SuppressWarnings("unchecked")
    Map<String, Object> crd = (Map<String, Object>) ValueDecoder.decode("crd",
        c.edit().apply(VALID)).value();
    CrdStrategy.prepareForCreate(crd);
    List<String> errors = CrdValidation.validateCreate(CrdReader.read(crd), RuleCompiler.NONE)
        .stream().map(FieldError::message).toList();
    assertThat(errors).isEqualTo(c.errors());
  }
}
