package io.gatehouse.cel.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.cel.CompilationError;
import io.gatehouse.cel.CompiledExpression;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Optional types on JSON-shaped objects, and which optional functions each server offers. */
class OptionalLibraryTest {

  private static final Map<String, Object> OBJECT =
      Map.of(
          "metadata", Map.of("name", "web", "labels", Map.of("app", "web")),
          "spec", mapWithNull("paused"),
          "items", List.of("a", "b", "c"));

  private static Map<String, Object> mapWithNull(String key) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put(key, null);
    m.put("replicas", 3);
    return m;
  }

  private record Case(String name, String expression, Object expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> onJsonObjects() {
    return Stream.of(
        new Case("present field", "object.?spec.?replicas.orValue(1)", 3L),
        new Case("missing field", "object.?spec.?minReadySeconds.orValue(1)", 1L),
        new Case("missing parent", "object.?status.?replicas.orValue(1)", 1L),
        new Case("viral after first optional", "object.?status.replicas.orValue(1)", 1L),
        new Case("null value is present", "object.?spec.?paused.hasValue()", true),
        new Case("null value is null", "object.?spec.?paused.value() == null", true),
        new Case("index into map", "object.metadata.labels[?'app'].orValue('none')", "web"),
        new Case("index missing key", "object.metadata.labels[?'tier'].orValue('none')", "none"),
        new Case("index into list", "object.items[?1].orValue('none')", "b"),
        new Case("index past list end", "object.items[?5].orValue('none')", "none"),
        new Case("or chains", "object.?spec.?x.or(object.?spec.?replicas).value()", 3L),
        new Case("optMap", "object.?metadata.?name.optMap(n, n + '-1').value()", "web-1"),
        new Case("optMap on none", "object.?status.optMap(s, 1).hasValue()", false),
        new Case("optFlatMap", "object.?metadata.optFlatMap(m, m.?labels.?app).value()", "web"),
        new Case("ofNonZeroValue empty", "optional.ofNonZeroValue('').hasValue()", false),
        new Case("ofNonZeroValue null", "optional.ofNonZeroValue(null).hasValue()", false),
        new Case("none", "optional.none().orValue(5)", 5L),
        new Case("optional list entries", "[1, ?optional.none(), ?optional.of(3)]", List.of(1L, 3L)),
        new Case("optional map entries", "{?'a': optional.none(), ?'b': optional.of(2)}",
            Map.of("b", 2L)),
        new Case("first (1.33)", "object.items.first().value()", "a"),
        new Case("last (1.33)", "object.items.last().value()", "c"),
        new Case("first of empty (1.33)", "[].first().hasValue()", false),
        new Case("unwrap (1.33)", "optional.unwrap([optional.of(1), optional.none()])", List.of(1L)),
        new Case("unwrapOpt (1.33)", "[optional.none(), optional.of('x')].unwrapOpt()", List.of("x")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("onJsonObjects")
  void evaluate_optionalExpression_matchesCelGo(Case c) {
    assertThat(Evaluations.value(33, c.expression(), OBJECT)).isEqualTo(c.expected());
  }

  @org.junit.jupiter.api.Test
  void evaluate_unwrapOfNonOptionals_failsLikeCelGo() {
    assertThat(Evaluations.failure(33, "optional.unwrap(object.items)", OBJECT))
        .isEqualTo("no such overload: optional.unwrap(list)");
    assertThat(Evaluations.failure(33, "[dyn(optional.of(1)), dyn(2)].unwrapOpt()", OBJECT))
        .isEqualTo("value 2 is not optional");
  }

  @org.junit.jupiter.api.Test
  void evaluate_valueOfNone_failsLikeCelGo() {
    assertThat(Evaluations.failure(33, "object.?status.value()"))
        .isEqualTo("optional.none() dereference");
  }

  private record GateCase(String name, int serverMinor, String expression, boolean compiles) {
    @Override
    public String toString() {
      return name + " @1." + serverMinor;
    }
  }

  static Stream<GateCase> versions() {
    return Stream.of(
        new GateCase("optional syntax", 28, "object.?spec.orValue({})", true),
        new GateCase("optFlatMap", 28, "optional.of(1).optFlatMap(x, optional.of(x))", true),
        new GateCase("first", 32, "[1].first()", false),
        new GateCase("last", 32, "[1].last()", false),
        new GateCase("unwrap", 32, "optional.unwrap([optional.of(1)])", false),
        new GateCase("unwrapOpt", 32, "[optional.of(1)].unwrapOpt()", false),
        new GateCase("first", 33, "[1].first()", true),
        new GateCase("unwrap", 33, "optional.unwrap([optional.of(1)])", true),
        new GateCase("optional syntax before optional types", 27, "object.?spec", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("versions")
  void compile_optionalFunction_availableFromItsCelGoRelease(GateCase c) {
    assertThat(Evaluations.compile(c.serverMinor(), c.expression()))
        .isInstanceOf(c.compiles() ? CompiledExpression.class : CompilationError.class);
  }
}
