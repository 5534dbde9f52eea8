package io.gatehouse.server.apply;

import static io.gatehouse.server.apply.Scenario.apply;
import static io.gatehouse.server.apply.Scenario.forceApply;
import static io.gatehouse.server.apply.Scenario.key;
import static io.gatehouse.server.apply.Scenario.owned;
import static io.gatehouse.server.apply.Scenario.p;
import static io.gatehouse.server.apply.Scenario.update;
import static io.gatehouse.server.apply.Scenario.v;
import static io.gatehouse.server.apply.SchemaType.SCALAR;

import io.gatehouse.server.apply.Scenario.Op;
import io.gatehouse.server.apply.Scenario.Owned;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Case data of structured-merge-diff's merge tests ({@code merge/leaf_test.go}, {@code
 * set_test.go}, {@code key_test.go}, {@code multiple_appliers_test.go}), run against {@link
 * Updater}. Upstream's cases across API versions use the same schema for every version here, so
 * they are the same-version cases with other version labels.
 */
class MergeScenarioTest {

  private static final SchemaType LEAF = SchemaType.struct(Map.of("numeric", SCALAR,
      "string", SCALAR, "bool", SCALAR));
  private static final SchemaType SET = SchemaType.struct(Map.of("list", SchemaType.set()));
  private static final SchemaType ASSOCIATIVE = SchemaType.struct(Map.of("list",
      SchemaType.listMap(SchemaType.struct(Map.of("name", SCALAR, "value", SCALAR)),
          List.of("name"), Map.of())));
  private static final SchemaType NESTED = SchemaType.struct(Map.of("listOfLists",
      SchemaType.listMap(SchemaType.struct(Map.of("name", SCALAR, "value", SchemaType.set())),
          List.of("name"), Map.of())));
  private static final SchemaType STRUCT = SchemaType.struct(Map.of("struct",
      SchemaType.struct(Map.of("name", SCALAR, "scalarField_v1", SCALAR,
          "complexField_v1", SchemaType.struct(Map.of("name", SCALAR)))), "version", SCALAR));

  private record Case(String name, SchemaType type, List<Op> ops, String object,
      Map<String, Owned> managed) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> leaf() {
    return Stream.of(
        new Case("leaf apply_twice", LEAF, List.of(
            apply("default", "v1", "numeric: 1\nstring: string"),
            apply("default", "v1", "numeric: 2\nstring: string\nbool: false")),
            "numeric: 2\nstring: string\nbool: false",
            Map.of("default", owned("v1", p("numeric"), p("string"), p("bool")))),
        new Case("leaf apply_twice_different_versions", LEAF, List.of(
            apply("default", "v1", "numeric: 1\nstring: string"),
            apply("default", "v2", "numeric: 2\nstring: string\nbool: false")),
            "numeric: 2\nstring: string\nbool: false",
            Map.of("default", owned("v2", p("numeric"), p("string"), p("bool")))),
        new Case("leaf apply_update_apply_no_conflict", LEAF, List.of(
            apply("default", "v1", "numeric: 1\nstring: string"),
            update("controller", "v1", "numeric: 1\nstring: string\nbool: true"),
            apply("default", "v1", "numeric: 2\nstring: string")),
            "numeric: 2\nstring: string\nbool: true",
            Map.of("default", owned("v1", p("numeric"), p("string")),
                "controller", owned("v1", p("bool")))),
        new Case("leaf apply_update_apply_with_conflict", LEAF, List.of(
            apply("default", "v1", "numeric: 1\nstring: string"),
            update("controller", "v1", "numeric: 1\nstring: controller string\nbool: true"),
            apply("default", "v1", "numeric: 2\nstring: user string", "controller .string"),
            forceApply("default", "v1", "numeric: 2\nstring: user string")),
            "numeric: 2\nstring: user string\nbool: true",
            Map.of("default", owned("v1", p("numeric"), p("string")),
                "controller", owned("v1", p("bool")))),
        new Case("leaf apply_update_apply_with_conflict_across_version", LEAF, List.of(
            apply("default", "v1", "numeric: 1\nstring: string"),
            update("controller", "v2", "numeric: 1\nstring: controller string\nbool: true"),
            apply("default", "v1", "numeric: 2\nstring: user string", "controller .string"),
            forceApply("default", "v1", "numeric: 2\nstring: user string")),
            "numeric: 2\nstring: user string\nbool: true",
            Map.of("default", owned("v1", p("numeric"), p("string")),
                "controller", owned("v2", p("bool")))),
        new Case("leaf apply_twice_remove", LEAF, List.of(
            apply("default", "v1", "numeric: 1\nstring: string\nbool: false"),
            apply("default", "v1", "string: new string")),
            "string: new string", Map.of("default", owned("v1", p("string")))),
        new Case("leaf update_apply_omits", LEAF, List.of(
            apply("default", "v1", "numeric: 2"),
            update("controller", "v1", "numeric: 1"),
            apply("default", "v1", "")),
            "numeric: 1", Map.of("controller", owned("v1", p("numeric")))),
        new Case("leaf apply_twice_remove_different_version", LEAF, List.of(
            apply("default", "v1", "numeric: 1\nstring: string\nbool: false"),
            apply("default", "v2", "string: new string")),
            "string: new string", Map.of("default", owned("v2", p("string")))),
        new Case("leaf update_remove_empty_set", LEAF, List.of(
            apply("default", "v1", "string: string"),
            update("controller", "v1", "string: new string")),
            "string: new string", Map.of("controller", owned("v1", p("string")))),
        new Case("leaf apply_remove_empty_set", LEAF, List.of(
            apply("default", "v1", "string: string"),
            apply("default", "v1", "")),
            "", Map.of()));
  }

  private static final String ABCD = "list:\n- a\n- b\n- c\n- d";

  static Stream<Case> set() {
    return Stream.of(
        new Case("set apply_twice", SET, List.of(
            apply("default", "v1", "list:\n- a\n- c"), apply("default", "v1", ABCD)), ABCD,
            Map.of("default", owned("v1", p("list", v("a")), p("list", v("b")),
                p("list", v("c")), p("list", v("d"))))),
        new Case("set apply_update_apply_no_overlap", SET, List.of(
            apply("default", "v1", "list:\n- a\n- c"),
            update("controller", "v1", ABCD),
            apply("default", "v1", "list:\n- a\n- aprime\n- c\n- cprime")),
            "list:\n- a\n- aprime\n- b\n- c\n- cprime\n- d",
            Map.of("default", owned("v1", p("list", v("a")), p("list", v("aprime")),
                p("list", v("c")), p("list", v("cprime"))),
                "controller", owned("v1", p("list", v("b")), p("list", v("d"))))),
        new Case("set apply_update_apply_with_overlap", SET, List.of(
            apply("default", "v1", "list:\n- a\n- c"),
            update("controller", "v1", ABCD),
            apply("default", "v1", "list:\n- a\n- b\n- c")), ABCD,
            Map.of("default", owned("v1", p("list", v("a")), p("list", v("b")),
                p("list", v("c"))),
                "controller", owned("v1", p("list", v("b")), p("list", v("d"))))),
        new Case("set apply_update_apply_with_overlap_and_different_version", SET, List.of(
            apply("default", "v1", "list:\n- a\n- c"),
            update("controller", "v2", ABCD),
            apply("default", "v1", "list:\n- a\n- b\n- c")), ABCD,
            Map.of("default", owned("v1", p("list", v("a")), p("list", v("b")),
                p("list", v("c"))),
                "controller", owned("v2", p("list", v("b")), p("list", v("d"))))),
        new Case("set apply_twice_reorder", SET, List.of(
            apply("default", "v1", ABCD), apply("default", "v1", "list:\n- a\n- d\n- c\n- b")),
            "list:\n- a\n- d\n- c\n- b",
            Map.of("default", owned("v1", p("list", v("a")), p("list", v("b")),
                p("list", v("c")), p("list", v("d"))))),
        new Case("set apply_update_apply_reorder", SET, List.of(
            apply("default", "v1", ABCD),
            update("controller", "v1", "list:\n- a\n- d\n- c\n- b"),
            apply("default", "v1", ABCD)), ABCD,
            Map.of("default", owned("v1", p("list", v("a")), p("list", v("b")),
                p("list", v("c")), p("list", v("d"))))),
        new Case("set apply_update_apply_reorder_across_versions", SET, List.of(
            apply("default", "v1", ABCD),
            update("controller", "v1", "list:\n- a\n- d\n- c\n- b"),
            apply("default", "v2", ABCD)), ABCD,
            Map.of("default", owned("v2", p("list", v("a")), p("list", v("b")),
                p("list", v("c")), p("list", v("d"))))),
        new Case("set apply_twice_remove", SET, List.of(
            apply("default", "v1", ABCD), apply("default", "v1", "list:\n- a\n- c")),
            "list:\n- a\n- c",
            Map.of("default", owned("v1", p("list", v("a")), p("list", v("c"))))),
        new Case("set apply_twice_remove_across_versions", SET, List.of(
            apply("default", "v1", ABCD), apply("default", "v2", "list:\n- a\n- c\n- e")),
            "list:\n- a\n- c\n- e",
            Map.of("default", owned("v2", p("list", v("a")), p("list", v("c")),
                p("list", v("e"))))));
  }

  static Stream<Case> associative() {
    return Stream.of(
        new Case("key removing_obsolete_applied_structs", ASSOCIATIVE, List.of(
            apply("default", "v1", "list:\n- name: a\n  value: 1"),
            apply("default", "v1", "list:\n- name: b\n  value: 2")),
            "list:\n- name: b\n  value: 2",
            Map.of("default", owned("v1", p("list", key("name", "b")),
                p("list", key("name", "b"), "name"), p("list", key("name", "b"), "value")))),
        new Case("multiple appliers remove_one", ASSOCIATIVE, List.of(
            apply("apply-one", "v1", "list:\n- name: a\n- name: b"),
            apply("apply-two", "v2", "list:\n- name: c"),
            apply("apply-one", "v3", "list:\n- name: a")),
            "list:\n- name: a\n- name: c",
            Map.of("apply-one", owned("v3", p("list", key("name", "a")),
                p("list", key("name", "a"), "name")),
                "apply-two", owned("v2", p("list", key("name", "c")),
                    p("list", key("name", "c"), "name")))),
        new Case("multiple appliers same_value_no_conflict", ASSOCIATIVE, List.of(
            apply("apply-one", "v1", "list:\n- name: a\n  value: 0"),
            apply("apply-two", "v2", "list:\n- name: a\n  value: 0")),
            "list:\n- name: a\n  value: 0",
            Map.of("apply-one", owned("v1", p("list", key("name", "a")),
                p("list", key("name", "a"), "name"), p("list", key("name", "a"), "value")),
                "apply-two", owned("v2", p("list", key("name", "a")),
                    p("list", key("name", "a"), "name"), p("list", key("name", "a"), "value")))),
        new Case("multiple appliers change_value_yes_conflict", ASSOCIATIVE, List.of(
            apply("apply-one", "v1", "list:\n- name: a\n  value: 0"),
            apply("apply-two", "v2", "list:\n- name: a\n  value: 1",
                "apply-one .list[name=\"a\"].value")),
            "list:\n- name: a\n  value: 0",
            Map.of("apply-one", owned("v1", p("list", key("name", "a")),
                p("list", key("name", "a"), "name"), p("list", key("name", "a"), "value")))),
        new Case("multiple appliers remove_one_keep_one", ASSOCIATIVE, List.of(
            apply("apply-one", "v1", "list:\n- name: a\n- name: b\n- name: c"),
            apply("apply-two", "v2", "list:\n- name: c\n- name: d"),
            apply("apply-one", "v3", "list:\n- name: a")),
            "list:\n- name: a\n- name: c\n- name: d",
            Map.of("apply-one", owned("v3", p("list", key("name", "a")),
                p("list", key("name", "a"), "name")),
                "apply-two", owned("v2", p("list", key("name", "c")),
                    p("list", key("name", "d")), p("list", key("name", "c"), "name"),
                    p("list", key("name", "d"), "name")))));
  }

  static Stream<Case> nested() {
    String ab = "listOfLists:\n- name: a\n- name: b\n  value:\n  - c";
    return Stream.of(
        new Case("nested remove_one_keep_one_with_two_sub_items", NESTED, List.of(
            apply("apply-one", "v1", ab),
            apply("apply-two", "v2", "listOfLists:\n- name: b\n  value:\n  - d"),
            apply("apply-one", "v3", "listOfLists:\n- name: a")),
            "listOfLists:\n- name: a\n- name: b\n  value:\n  - d",
            Map.of("apply-one", owned("v3", p("listOfLists", key("name", "a")),
                p("listOfLists", key("name", "a"), "name")),
                "apply-two", owned("v2", p("listOfLists", key("name", "b")),
                    p("listOfLists", key("name", "b"), "name"),
                    p("listOfLists", key("name", "b"), "value", v("d"))))),
        new Case("nested remove_one_keep_one_with_dangling_subitem", NESTED, List.of(
            apply("apply-one", "v1", ab),
            apply("apply-two", "v2", "listOfLists:\n- name: b\n  value:\n  - d"),
            update("controller", "v2",
                "listOfLists:\n- name: a\n- name: b\n  value:\n  - c\n  - d\n  - e"),
            apply("apply-one", "v3", "listOfLists:\n- name: a")),
            "listOfLists:\n- name: a\n- name: b\n  value:\n  - d\n  - e",
            Map.of("apply-one", owned("v3", p("listOfLists", key("name", "a")),
                p("listOfLists", key("name", "a"), "name")),
                "apply-two", owned("v2", p("listOfLists", key("name", "b")),
                    p("listOfLists", key("name", "b"), "name"),
                    p("listOfLists", key("name", "b"), "value", v("d"))),
                "controller", owned("v2",
                    p("listOfLists", key("name", "b"), "value", v("e"))))));
  }

  static Stream<Case> unsetting() {
    return Stream.of(
        new Case("unsetting unset_scalar_sole_owner", STRUCT, List.of(
            apply("apply-one", "v1", "struct:\n  name: a\n  scalarField_v1: a"),
            apply("apply-one", "v1", "struct:\n  name: a")),
            "struct:\n  name: a", Map.of("apply-one", owned("v1", p("struct", "name")))),
        new Case("unsetting unset_scalar_shared_with_applier", STRUCT, List.of(
            apply("apply-one", "v1", "struct:\n  name: a\n  scalarField_v1: a"),
            apply("apply-two", "v1", "struct:\n  scalarField_v1: a"),
            apply("apply-one", "v1", "struct:\n  name: a")),
            "struct:\n  name: a\n  scalarField_v1: a",
            Map.of("apply-one", owned("v1", p("struct", "name")),
                "apply-two", owned("v1", p("struct", "scalarField_v1")))),
        new Case("unsetting unset_scalar_shared_with_updater", STRUCT, List.of(
            update("updater", "v1", "struct:\n  name: a\n  scalarField_v1: a"),
            apply("applier", "v1", "struct:\n  name: a\n  scalarField_v1: a"),
            apply("applier", "v1", "struct:\n  name: a")),
            "struct:\n  name: a\n  scalarField_v1: a",
            Map.of("updater", owned("v1", p("struct"), p("struct", "name"),
                p("struct", "scalarField_v1")),
                "applier", owned("v1", p("struct", "name")))),
        new Case("unsetting updater_claims_field", STRUCT, List.of(
            apply("applier", "v1", "struct:\n  name: a\n  scalarField_v1: a"),
            update("updater", "v1", "struct:\n  name: a\n  scalarField_v1: b")),
            "struct:\n  name: a\n  scalarField_v1: b",
            Map.of("updater", owned("v1", p("struct", "scalarField_v1")),
                "applier", owned("v1", p("struct", "name")))),
        new Case("unsetting unset_complex_sole_owner", STRUCT, List.of(
            apply("apply-one", "v1", "struct:\n  name: a\n  complexField_v1:\n    name: b"),
            apply("apply-one", "v1", "struct:\n  name: a")),
            "struct:\n  name: a", Map.of("apply-one", owned("v1", p("struct", "name")))),
        new Case("unsetting unset_complex_shared_with_applier", STRUCT, List.of(
            apply("apply-one", "v1", "struct:\n  name: a\n  complexField_v1:\n    name: b"),
            apply("apply-two", "v1", "struct:\n  complexField_v1:\n    name: b"),
            apply("apply-one", "v1", "struct:\n  name: a")),
            "struct:\n  name: a\n  complexField_v1:\n    name: b",
            Map.of("apply-one", owned("v1", p("struct", "name")),
                "apply-two", owned("v1", p("struct", "complexField_v1", "name")))));
  }

  static Stream<Case> cases() {
    return Stream.of(leaf(), set(), associative(), nested(), unsetting()).flatMap(s -> s);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void run_upstreamScenario_endsInUpstreamState(Case c) {
    Scenario.run(c.type(), c.ops(), c.object(), c.managed());
  }
}
