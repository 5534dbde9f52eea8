package io.gatehouse.server.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * kube-openapi's {@code schemaconv} rules ({@code openapi.go}, {@code smd.go}'s list and map
 * relationships), one case per rule: definitions as YAML, the type of definition {@code T}, and the
 * errors upstream reports ({@code <definition>: <message>}).
 */
class OpenApiTypesTest {

  private record Case(String name, String definitions, String shape, List<String> errors) {
    Case(String name, String definitions, String shape) {
      this(name, definitions, shape, List.of());
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("list without list type is atomic", """
            T: {type: object, properties: {l: {type: array, items: {type: string}}}}""",
            "{l:atomic-list<scalar>}"),
        new Case("list type atomic", """
            T: {type: object, properties: {l: {type: array, x-kubernetes-list-type: atomic,
              x-kubernetes-patch-strategy: merge, x-kubernetes-patch-merge-key: name,
              items: {type: object, properties: {name: {type: string}}}}}}""",
            "{l:atomic-list<{name:scalar}>}"),
        new Case("list type set", """
            T: {type: object, properties: {l: {type: array, x-kubernetes-list-type: set,
              items: {type: string}}}}""",
            "{l:set<scalar>}"),
        new Case("list type map with keys and key defaults", """
            T: {type: object, properties: {l: {type: array, x-kubernetes-list-type: map,
              x-kubernetes-list-map-keys: [port, protocol], items: {type: object, properties: {
                port: {type: integer}, protocol: {type: string, default: TCP},
                name: {type: string, default: x}}}}}}""",
            "{l:list-map[port,protocol]{protocol=TCP}<{name:scalar,port:scalar,protocol:scalar}>}"),
        new Case("integer key default", """
            T: {type: object, properties: {l: {type: array, x-kubernetes-list-type: map,
              x-kubernetes-list-map-keys: [chapter], items: {type: object, properties: {
                chapter: {type: integer, default: 1}}}}}}""",
            "{l:list-map[chapter]{chapter=1}<{chapter:scalar}>}"),
        new Case("key defaults of a referenced element", """
            T: {type: object, properties: {l: {type: array, x-kubernetes-list-type: map,
              x-kubernetes-list-map-keys: [name], items: {$ref: E}}}}
            E: {type: object, properties: {name: {type: string, default: ""}}}""",
            "{l:list-map[name]{name=}<{name:scalar}>}"),
        new Case("patch merge key without list type", """
            T: {type: object, properties: {l: {type: array, x-kubernetes-patch-strategy: merge,
              x-kubernetes-patch-merge-key: name, items: {type: object, properties: {
                name: {type: string}}}}}}""",
            "{l:list-map[name]{}<{name:scalar}>}"),
        new Case("patch strategy merge,retainKeys", """
            T: {type: object, properties: {l: {type: array,
              x-kubernetes-patch-strategy: "merge,retainKeys", x-kubernetes-patch-merge-key: k,
              items: {type: object, properties: {k: {type: string}}}}}}""",
            "{l:list-map[k]{}<{k:scalar}>}"),
        new Case("patch strategy merge without key is a set", """
            T: {type: object, properties: {l: {type: array, x-kubernetes-patch-strategy: merge,
              items: {type: string}}}}""",
            "{l:set<scalar>}"),
        new Case("patch strategy retainKeys is atomic", """
            T: {type: object, properties: {l: {type: array, x-kubernetes-patch-strategy: retainKeys,
              items: {type: string}}}}""",
            "{l:atomic-list<scalar>}"),
        new Case("unknown patch strategy", """
            T: {type: object, properties: {l: {type: array, x-kubernetes-patch-strategy: replace,
              items: {type: string}}}}""",
            "{l:atomic-list<scalar>}", List.of("inlined in T: unknown patch strategy replace")),
        new Case("unknown list type", """
            T: {type: object, properties: {l: {type: array, x-kubernetes-list-type: bag,
              items: {type: string}}}}""",
            "{l:atomic-list<scalar>}", List.of("inlined in T: unknown list type bag")),
        new Case("list map without keys", """
            T: {type: object, properties: {l: {type: array, x-kubernetes-list-type: map,
              items: {type: object, properties: {a: {type: string}}}}}}""",
            "{l:set<{a:scalar}>}", List.of("inlined in T: missing map keys")),
        new Case("array without items", """
            T: {type: object, properties: {l: {type: array}}}""",
            "{l:atomic-list<untyped-atomic>}",
            List.of("inlined in T: `items` must be specified on arrays")),
        new Case("struct is closed", """
            T: {type: object, properties: {a: {type: string}}}""",
            "{a:scalar}"),
        new Case("object without properties is free-form", """
            T: {type: object}""",
            "{|*:deduced}"),
        new Case("additionalProperties schema", """
            T: {type: object, additionalProperties: {type: integer}}""",
            "{|*:scalar}"),
        new Case("additionalProperties true", """
            T: {type: object, properties: {a: {type: string}}, additionalProperties: true}""",
            "{a:scalar|*:deduced}"),
        new Case("additionalProperties false", """
            T: {type: object, additionalProperties: false}""",
            "{}"),
        new Case("map type atomic", """
            T: {type: object, properties: {m: {type: object, x-kubernetes-map-type: atomic,
              additionalProperties: {type: string}}, s: {type: object,
              x-kubernetes-map-type: atomic, properties: {a: {type: string}}}}}""",
            "{m:atomic{|*:scalar},s:atomic{a:scalar}}"),
        new Case("map type granular", """
            T: {type: object, x-kubernetes-map-type: granular, additionalProperties:
              {type: string}}""",
            "{|*:scalar}"),
        new Case("unknown map type", """
            T: {type: object, x-kubernetes-map-type: loose, properties: {a: {type: string}}}""",
            "{a:scalar}", List.of("T: unknown map type loose")),
        new Case("map type beside a reference overrides the definition's", """
            T: {type: object, properties: {r: {$ref: R, x-kubernetes-map-type: atomic},
              g: {$ref: A, x-kubernetes-map-type: granular}, p: {$ref: R}}}
            R: {type: object, properties: {a: {type: string}}}
            A: {type: object, x-kubernetes-map-type: atomic, properties: {a: {type: string}}}""",
            "{g:{a:scalar},p:{a:scalar},r:atomic{a:scalar}}"),
        new Case("reference in a one-element allOf", """
            T: {type: object, properties: {r: {allOf: [{$ref: "#/components/schemas/R"}],
              description: d}}}
            R: {type: object, x-kubernetes-map-type: atomic, properties: {a: {type: string}}}""",
            "{r:atomic{a:scalar}}"),
        new Case("preserve-unknown-fields reaches inlined schemas below", """
            T: {type: object, x-kubernetes-preserve-unknown-fields: true, properties: {
              a: {type: object, properties: {b: {type: string}}},
              l: {type: array, items: {type: object, properties: {c: {type: string}}}}}}""",
            "{a:{b:scalar|*:deduced},l:atomic-list<{c:scalar|*:deduced}>|*:deduced}"),
        new Case("preserve-unknown-fields does not pass a reference", """
            T: {type: object, x-kubernetes-preserve-unknown-fields: true, properties: {
              r: {$ref: R}}}
            R: {type: object, properties: {a: {type: string}}}""",
            "{r:{a:scalar}|*:deduced}"),
        new Case("schema without type is deduced", """
            T: {type: object, properties: {i: {x-kubernetes-int-or-string: true,
              anyOf: [{type: integer}, {type: string}]},
              p: {x-kubernetes-preserve-unknown-fields: true}}}""",
            "{i:deduced,p:deduced}"),
        new Case("schema without type with properties", """
            T: {x-kubernetes-preserve-unknown-fields: true, properties: {a: {type: string}}}""",
            "union(atomic-list<untyped-atomic>,{a:scalar|*:deduced})"),
        new Case("unrecognized type", """
            T: {type: object, properties: {a: {type: file}}}""",
            "{a:scalar}", List.of("inlined in T: unrecognized type: 'file'")),
        new Case("Quantity and RawExtension are scalars", """
            T: {type: object, properties: {
              q: {$ref: io.k8s.apimachinery.pkg.api.resource.Quantity},
              r: {$ref: io.k8s.apimachinery.pkg.runtime.RawExtension}}}
            io.k8s.apimachinery.pkg.api.resource.Quantity: {type: object}
            io.k8s.apimachinery.pkg.runtime.RawExtension: {type: object}""",
            "{q:scalar,r:scalar}"),
        new Case("recursive definition", """
            T: {type: object, properties: {name: {type: string},
              children: {type: object, additionalProperties: {$ref: T}}}}""",
            "{children:{|*:T},name:scalar}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void named_schemaconvRule_upstreamType(Case c) {
    OpenApiTypes types = types(c.definitions(), false);

    SchemaType t = types.named("T");

    assertThat(TypeShape.of(t)).isEqualTo(c.shape());
    assertThat(types.errors()).containsExactlyElementsOf(c.errors());
  }

  @Test
  void named_converterWidePreserveUnknownFields_everyObjectTakesUnknownFields() {
    OpenApiTypes types = types("""
        T: {type: object, properties: {r: {$ref: R}}}
        R: {type: object, properties: {a: {type: string}}}""", true);

    assertThat(TypeShape.of(types.named("T"))).isEqualTo("{r:{a:scalar|*:deduced}|*:deduced}");
  }

  @Test
  void named_sameName_sameInstance() {
    OpenApiTypes types = types("T: {type: object, properties: {a: {type: string}}}", false);

    assertThat(types.named("T")).isSameAs(types.named("T"));
  }

  @Test
  void named_missingDefinition_scalar() {
    OpenApiTypes types = types("T: {type: object, properties: {r: {$ref: Missing}}}", false);

    assertThat(TypeShape.of(types.named("T"))).isEqualTo("{r:scalar}");
  }

  @SuppressWarnings("unchecked")
  static OpenApiTypes types(String yaml, boolean preserveUnknownFields) {
    Map<String, Map<String, Object>> defs = (Map<String, Map<String, Object>>) Scenario.yaml(yaml);
    return new OpenApiTypes(defs::get, preserveUnknownFields);
  }
}
