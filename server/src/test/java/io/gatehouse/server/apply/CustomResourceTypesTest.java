package io.gatehouse.server.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.openapi.Definitions;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The apply type of a custom resource version as apiextensions-apiserver builds it: {@code
 * metadata} is {@code ObjectMeta} (whatever the schema says), {@code apiVersion} and {@code kind}
 * are added, embedded resources get the same three, and no schema means deduced fields.
 */
class CustomResourceTypesTest {

  private static final String META = "{annotations:{|*:scalar},creationTimestamp:scalar,"
      + "deletionGracePeriodSeconds:scalar,deletionTimestamp:scalar,finalizers:set<scalar>,"
      + "generateName:scalar,generation:scalar,labels:{|*:scalar},managedFields:atomic-list<";

  private record Case(String name, @Nullable String schema, String shape, String end) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("no schema", null, "{|*:deduced}", "{|*:deduced}"),
        new Case("root properties", """
            type: object
            properties:
              metadata: {type: object, properties: {name: {type: string, maxLength: 5}}}
              spec: {type: object, properties: {a: {type: string}}}""",
            "{apiVersion:scalar,kind:scalar,metadata:" + META, "},spec:{a:scalar}}"),
        new Case("preserved root", """
            type: object
            x-kubernetes-preserve-unknown-fields: true""",
            "{apiVersion:scalar,kind:scalar,metadata:" + META, "}|*:deduced}"),
        new Case("embedded resource", """
            type: object
            properties:
              spec:
                type: object
                properties:
                  items:
                    type: array
                    items: {type: object, x-kubernetes-embedded-resource: true,
                      x-kubernetes-preserve-unknown-fields: true}""",
            "spec:{items:atomic-list<{apiVersion:scalar,kind:scalar,metadata:" + META,
            "}|*:deduced}>}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @SuppressWarnings("unchecked")
  void of_versionSchema_upstreamKindDefinition(Case c) {
    OpenApiTypes types = new OpenApiTypes(
        name -> Definitions.builtin().schema(name).orElse(null), false);
    Map<String, Object> schema = c.schema() == null ? null
        : (Map<String, Object>) Scenario.yaml(c.schema());

    String shape = TypeShape.of(CustomResourceTypes.of(schema, types));

    assertThat(shape).contains(c.shape()).endsWith(c.end());
    assertThat(types.errors()).isEmpty();
  }
}
