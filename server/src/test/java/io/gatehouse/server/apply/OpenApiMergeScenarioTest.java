package io.gatehouse.server.apply;

import static io.gatehouse.server.apply.Scenario.apply;
import static io.gatehouse.server.apply.Scenario.forceApply;
import static io.gatehouse.server.apply.Scenario.key;
import static io.gatehouse.server.apply.Scenario.owned;
import static io.gatehouse.server.apply.Scenario.p;
import static io.gatehouse.server.apply.Scenario.v;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.apply.Scenario.Op;
import io.gatehouse.server.apply.Scenario.Owned;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Structured-merge-diff's merge scenarios for list maps (with defaulted keys), sets, nested and
 * recursive maps and lists ({@code merge/default_keys_test.go}, {@code nested_test.go}) and
 * multiple appliers on list maps, sets and atomic or granular maps, each with the schema written
 * as the OpenAPI a CRD would carry and converted by {@link OpenApiTypes}.
 */
class OpenApiMergeScenarioTest {

  private static final SchemaType PORTS = type("""
      type: object
      properties:
        containerPorts:
          type: array
          x-kubernetes-list-type: map
          x-kubernetes-list-map-keys: [port, protocol]
          items:
            type: object
            properties:
              port: {type: integer}
              protocol: {type: string, default: TCP}
              name: {type: string}""");
  private static final SchemaType BOOK = type("""
      type: object
      properties:
        book:
          type: array
          x-kubernetes-list-type: map
          x-kubernetes-list-map-keys: [chapter, section]
          items:
            type: object
            properties:
              chapter: {type: integer, default: 1}
              section: {type: string, default: A}
              sentences:
                type: array
                x-kubernetes-list-type: map
                x-kubernetes-list-map-keys: [page, line]
                items:
                  type: object
                  properties:
                    page: {type: integer, default: 2}
                    line: {type: integer, default: 3}
                    text: {type: string}""");
  private static final SchemaType NESTED = type("""
      type: object
      properties:
        listOfLists:
          type: array
          x-kubernetes-list-type: map
          x-kubernetes-list-map-keys: [name]
          items:
            type: object
            properties:
              name: {type: string}
              value: {type: array, x-kubernetes-list-type: set, items: {type: string}}
        listOfMaps:
          type: array
          x-kubernetes-list-type: map
          x-kubernetes-list-map-keys: [name]
          items:
            type: object
            properties:
              name: {type: string}
              value: {type: object, additionalProperties: {type: string}}
        mapOfLists:
          type: object
          additionalProperties: {type: array, x-kubernetes-list-type: set, items: {type: string}}
        mapOfMaps:
          type: object
          additionalProperties: {type: object, additionalProperties: {type: string}}""");
  private static final SchemaType SPEC = type("""
      type: object
      properties:
        entries:
          type: array
          x-kubernetes-list-type: map
          x-kubernetes-list-map-keys: [name]
          items:
            type: object
            properties:
              name: {type: string}
              value: {type: string}
        tags: {type: array, x-kubernetes-list-type: set, items: {type: string}}
        selector:
          type: object
          x-kubernetes-map-type: atomic
          additionalProperties: {type: string}
        labels: {type: object, additionalProperties: {type: string}}
        plain: {type: array, items: {type: string}}""");

  private record Case(String name, SchemaType type, List<Op> ops, String object,
      Map<String, Owned> managed) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static PathElement keys(Object... nameValues) {
    List<PathElement.KeyField> fields = new java.util.ArrayList<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      fields.add(new PathElement.KeyField((String) nameValues[i], nameValues[i + 1]));
    }
    return new PathElement.Key(fields);
  }

  static Stream<Case> cases() {
    PathElement tcp80 = keys("port", 80L, "protocol", "TCP");
    PathElement udp80 = keys("port", 80L, "protocol", "UDP");
    PathElement a = key("name", "a");
    PathElement b = key("name", "b");
    return Stream.of(
        new Case("default keys apply_missing_defaulted_key_A", PORTS, List.of(
            apply("default", "v1", "containerPorts:\n- port: 80")),
            "containerPorts:\n- port: 80",
            Map.of("default", owned("v1", p("containerPorts", tcp80),
                p("containerPorts", tcp80, "port")))),
        new Case("default keys apply_missing_defaulted_key_B", PORTS, List.of(
            apply("default", "v1", "containerPorts:\n- port: 80\n- port: 80\n  protocol: UDP")),
            "containerPorts:\n- port: 80\n- port: 80\n  protocol: UDP",
            Map.of("default", owned("v1", p("containerPorts", tcp80),
                p("containerPorts", tcp80, "port"), p("containerPorts", udp80),
                p("containerPorts", udp80, "port"), p("containerPorts", udp80, "protocol")))),
        new Case("default keys apply_missing_defaulted_key_with_conflict", PORTS, List.of(
            apply("apply-one", "v1",
                "containerPorts:\n- port: 80\n  protocol: TCP\n  name: foo"),
            apply("apply-two", "v1", "containerPorts:\n- port: 80\n  name: bar",
                "apply-one .containerPorts[port=80,protocol=\"TCP\"].name")),
            "containerPorts:\n- port: 80\n  protocol: TCP\n  name: foo",
            Map.of("apply-one", owned("v1", p("containerPorts", tcp80),
                p("containerPorts", tcp80, "port"), p("containerPorts", tcp80, "protocol"),
                p("containerPorts", tcp80, "name")))),
        new Case("default keys apply_missing_every_key_nested", BOOK, List.of(
            apply("default", "v1", "book:\n- sentences:\n  - text: blah")),
            "book:\n- sentences:\n  - text: blah",
            Map.of("default", owned("v1", p("book", keys("chapter", 1L, "section", "A")),
                p("book", keys("chapter", 1L, "section", "A"), "sentences",
                    keys("page", 2L, "line", 3L)),
                p("book", keys("chapter", 1L, "section", "A"), "sentences",
                    keys("page", 2L, "line", 3L), "text")))),
        new Case("nested listOfLists_change_value", NESTED, List.of(
            apply("default", "v1", "listOfLists:\n- name: a\n  value: [b, c]"),
            apply("default", "v1", "listOfLists:\n- name: a\n  value: [a, c]")),
            "listOfLists:\n- name: a\n  value: [a, c]",
            Map.of("default", owned("v1", p("listOfLists", a), p("listOfLists", a, "name"),
                p("listOfLists", a, "value", v("a")), p("listOfLists", a, "value", v("c"))))),
        new Case("nested listOfLists_change_key_and_value", NESTED, List.of(
            apply("default", "v1", "listOfLists:\n- name: a\n  value: [b, c]"),
            apply("default", "v1", "listOfLists:\n- name: b\n  value: [a, c]")),
            "listOfLists:\n- name: b\n  value: [a, c]",
            Map.of("default", owned("v1", p("listOfLists", b), p("listOfLists", b, "name"),
                p("listOfLists", b, "value", v("a")), p("listOfLists", b, "value", v("c"))))),
        new Case("nested listOfMaps_change_value", NESTED, List.of(
            apply("default", "v1", "listOfMaps:\n- name: a\n  value: {b: x, c: y}"),
            apply("default", "v1", "listOfMaps:\n- name: a\n  value: {a: x, c: z}")),
            "listOfMaps:\n- name: a\n  value: {a: x, c: z}",
            Map.of("default", owned("v1", p("listOfMaps", a), p("listOfMaps", a, "name"),
                p("listOfMaps", a, "value", "a"), p("listOfMaps", a, "value", "c")))),
        new Case("nested mapOfLists_change_key_and_value", NESTED, List.of(
            apply("default", "v1", "mapOfLists:\n  a: [b, c]"),
            apply("default", "v1", "mapOfLists:\n  b: [a, c]")),
            "mapOfLists:\n  b: [a, c]",
            Map.of("default", owned("v1", p("mapOfLists", "b"), p("mapOfLists", "b", v("a")),
                p("mapOfLists", "b", v("c"))))),
        new Case("nested mapOfMaps_change_value", NESTED, List.of(
            apply("default", "v1", "mapOfMaps:\n  a: {b: x, c: y}"),
            apply("default", "v1", "mapOfMaps:\n  a: {a: x, c: z}")),
            "mapOfMaps:\n  a: {a: x, c: z}",
            Map.of("default", owned("v1", p("mapOfMaps", "a"), p("mapOfMaps", "a", "a"),
                p("mapOfMaps", "a", "c")))),
        new Case("two appliers own their own list-map entries", SPEC, List.of(
            apply("a", "v1", "entries:\n- name: a\n  value: one"),
            apply("b", "v1", "entries:\n- name: b\n  value: two")),
            "entries:\n- name: a\n  value: one\n- name: b\n  value: two",
            Map.of("a", owned("v1", p("entries", a), p("entries", a, "name"),
                p("entries", a, "value")),
                "b", owned("v1", p("entries", b), p("entries", b, "name"),
                    p("entries", b, "value")))),
        new Case("an applier changing another's list-map entry conflicts", SPEC, List.of(
            apply("a", "v1", "entries:\n- name: a\n  value: one"),
            apply("b", "v1", "entries:\n- name: a\n  value: two",
                "a .entries[name=\"a\"].value")),
            "entries:\n- name: a\n  value: one",
            Map.of("a", owned("v1", p("entries", a), p("entries", a, "name"),
                p("entries", a, "value")))),
        new Case("a forced change takes the list-map entry's field over", SPEC, List.of(
            apply("a", "v1", "entries:\n- name: a\n  value: one"),
            forceApply("b", "v1", "entries:\n- name: a\n  value: two")),
            "entries:\n- name: a\n  value: two",
            Map.of("a", owned("v1", p("entries", a), p("entries", a, "name")),
                "b", owned("v1", p("entries", a), p("entries", a, "name"),
                    p("entries", a, "value")))),
        new Case("dropping an entry removes only the applier's own", SPEC, List.of(
            apply("a", "v1", "entries:\n- name: a\n  value: one"),
            apply("b", "v1", "entries:\n- name: b\n  value: two"),
            apply("a", "v1", "entries: []")),
            "entries:\n- name: b\n  value: two",
            Map.of("b", owned("v1", p("entries", b), p("entries", b, "name"),
                p("entries", b, "value")))),
        new Case("two appliers add set items", SPEC, List.of(
            apply("a", "v1", "tags: [alpha]"),
            apply("b", "v1", "tags: [beta]")),
            "tags: [alpha, beta]",
            Map.of("a", owned("v1", p("tags", v("alpha"))),
                "b", owned("v1", p("tags", v("beta"))))),
        new Case("an atomic map is one field", SPEC, List.of(
            apply("a", "v1", "selector: {k1: v1}"),
            apply("b", "v1", "selector: {k2: v2}", "a .selector")),
            "selector: {k1: v1}",
            Map.of("a", owned("v1", p("selector")))),
        new Case("a forced atomic map replaces the whole map", SPEC, List.of(
            apply("a", "v1", "selector: {k1: v1}"),
            forceApply("b", "v1", "selector: {k2: v2}")),
            "selector: {k2: v2}",
            Map.of("b", owned("v1", p("selector")))),
        new Case("a granular map merges by entry", SPEC, List.of(
            apply("a", "v1", "labels: {k1: v1}"),
            apply("b", "v1", "labels: {k2: v2}")),
            "labels: {k1: v1, k2: v2}",
            Map.of("a", owned("v1", p("labels", "k1")), "b", owned("v1", p("labels", "k2")))),
        new Case("a list without list type is atomic", SPEC, List.of(
            apply("a", "v1", "plain: [alpha]"),
            apply("b", "v1", "plain: [beta]", "a .plain")),
            "plain: [alpha]",
            Map.of("a", owned("v1", p("plain")))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void apply_openApiSchema_upstreamMerge(Case c) {
    Scenario.run(c.type(), c.ops(), c.object(), c.managed());
  }

  private record Invalid(String name, String object, String error) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Invalid> invalid() {
    return Stream.of(
        new Invalid("apply_missing_undefaulted_defaulted_key",
            "containerPorts:\n- protocol: TCP",
            ".containerPorts: element 0: associative list with keys has an element that omits "
                + "key field \"port\" (and doesn't have default value)"),
        new Invalid("apply_missing_defaulted_key_ambiguous_A",
            "containerPorts:\n- port: 80\n- port: 80",
            ".containerPorts: duplicate entries for key [port=80,protocol=\"TCP\"]"),
        new Invalid("apply_missing_defaulted_key_ambiguous_B",
            "containerPorts:\n- port: 80\n- port: 80\n  protocol: TCP",
            ".containerPorts: duplicate entries for key [port=80,protocol=\"TCP\"]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void validate_ambiguousOrMissingKeys_upstreamError(Invalid c) {
    assertThat(Validation.validate(PORTS, Scenario.yaml(c.object()), false))
        .isEqualTo(c.error());
  }

  @SuppressWarnings("unchecked")
  private static SchemaType type(String yaml) {
    @Nullable Object schema = Scenario.yaml(yaml);
    OpenApiTypes types = new OpenApiTypes(name -> null, false);
    SchemaType t = types.convert((Map<String, Object>) schema);
    assertThat(types.errors()).isEmpty();
    return t;
  }
}
