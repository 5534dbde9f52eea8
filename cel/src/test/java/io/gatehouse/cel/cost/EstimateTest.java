package io.gatehouse.cel.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * cel-go's {@code checker/cost_test.go} (TestCost) vectors, with maps in place of protobuf
 * messages; {@code has()} is free as Kubernetes configures it.
 */
class EstimateTest {

  private static final CelType DYN_MAP = MapType.create(SimpleType.STRING, SimpleType.DYN);
  private static final CelType NESTED_MAP =
      MapType.create(SimpleType.STRING, MapType.create(SimpleType.STRING, SimpleType.DYN));
  private static final CelType DYN_LIST = ListType.create(SimpleType.DYN);

  private record Case(
      String name,
      String expression,
      Map<String, CelType> variables,
      Map<String, Long> hints,
      Range wanted) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case of(String name, String expression, long min, long max) {
    return new Case(name, expression, Map.of(), Map.of(), new Range(min, max));
  }

  private static Case of(
      String name,
      String expression,
      Map<String, CelType> vars,
      Map<String, Long> hints,
      long min,
      long max) {
    return new Case(name, expression, vars, hints, new Range(min, max));
  }

  static Stream<Case> celGoVectors() {
    Map<String, CelType> strings = Map.of("input", SimpleType.STRING, "arg1", SimpleType.STRING);
    return Stream.of(
        of("const", "\"Hello World!\"", 0, 0),
        of("identity", "input", Map.of("input", ListType.create(SimpleType.INT)), Map.of(), 1, 1),
        of("select: map", "input['key']",
            Map.of("input", MapType.create(SimpleType.STRING, SimpleType.STRING)), Map.of(), 2, 2),
        of("select: field", "input.single_int32", Map.of("input", DYN_MAP), Map.of(), 2, 2),
        of("select: field test only", "has(input.single_int32)", Map.of("input", DYN_MAP),
            Map.of(), 1, 1),
        of("create list", "[1, 2, 3]", 10, 10),
        of("create map", "{\"a\": 1, \"b\": 2, \"c\": 3}", 30, 30),
        of("all comprehension", "input.all(x, true)", Map.of("input", DYN_LIST),
            Map.of("input", 100L), 2, 302),
        of("nested all comprehension", "input.all(x, x.all(y, true))",
            Map.of("input", ListType.create(DYN_LIST)),
            Map.of("input", 50L, "input.@items", 10L), 2, 1752),
        of("all comprehension on literal", "[1, 2, 3].all(x, true)", 20, 20),
        of("variable cost function", "input.matches('[0-9]')", Map.of("input", SimpleType.STRING),
            Map.of("input", 500L), 3, 103),
        of("variable cost function with constant", "'123'.matches('[0-9]')", 2, 2),
        of("or", "true || false", 0, 0),
        of("and", "true && false", 0, 0),
        of("lt", "1 < 2", 1, 1),
        of("lte", "1 <= 2", 1, 1),
        of("eq", "1 == 2", 1, 1),
        of("gt", "2 > 1", 1, 1),
        of("gte", "2 >= 1", 1, 1),
        of("in", "2 in [1, 2, 3]", 13, 13),
        of("plus", "1 + 1", 1, 1),
        of("minus", "1 - 1", 1, 1),
        of("divide", "1 / 1", 1, 1),
        of("multiply", "1 * 1", 1, 1),
        of("modulo", "1 % 1", 1, 1),
        of("ternary", "true ? 1 : 2", 0, 0),
        of("string size", "size(\"123\")", 1, 1),
        of("bytes to string conversion", "string(input)", Map.of("input", SimpleType.BYTES),
            Map.of("input", 500L), 1, 51),
        of("string to bytes conversion", "bytes(input)", Map.of("input", SimpleType.STRING),
            Map.of("input", 500L), 1, 51),
        of("int to string conversion", "string(1)", 1, 1),
        of("contains", "input.contains(arg1)", strings, Map.of("input", 500L, "arg1", 500L),
            2, 2502),
        of("matches", "input.matches('\\\\d+a\\\\d+b')", Map.of("input", SimpleType.STRING),
            Map.of("input", 500L), 3, 103),
        of("startsWith", "input.startsWith(arg1)", strings, Map.of("arg1", 500L), 2, 52),
        of("endsWith", "input.endsWith(arg1)", strings, Map.of("arg1", 500L), 2, 52),
        of("size receiver", "input.size()", Map.of("input", SimpleType.STRING), Map.of(), 2, 2),
        of("size", "size(input)", Map.of("input", SimpleType.STRING), Map.of(), 2, 2),
        of("ternary eval", "(x > 2 ? input1 : input2).all(y, true)",
            Map.of("x", SimpleType.INT, "input1", DYN_LIST, "input2", DYN_LIST),
            Map.of("input1", 1L, "input2", 1L), 4, 7),
        of("comprehension over map", "input.all(k, input[k].single_int32 > 3)",
            Map.of("input", MapType.create(SimpleType.STRING, DYN_MAP)), Map.of("input", 10L),
            2, 82),
        of("comprehension over nested map of maps", "input.all(k, input[k].all(x, true))",
            Map.of("input", NESTED_MAP), Map.of("input", 5L, "input.@values", 10L), 2, 187),
        of("string size of map keys", "input.all(k, k.contains(k))", Map.of("input", NESTED_MAP),
            Map.of("input", 5L, "input.@keys", 10L), 2, 32),
        of("comprehension variable shadowing",
            "input.all(k, input[k].all(k, true) && k.contains(k))", Map.of("input", NESTED_MAP),
            Map.of("input", 2L, "input.@values", 2L, "input.@keys", 5L), 2, 34),
        of("list concat", "(list1 + list2).all(x, true)",
            Map.of("list1", ListType.create(SimpleType.INT), "list2", ListType.create(SimpleType.INT)),
            Map.of("list1", 10L, "list2", 10L), 4, 64),
        of("str concat", "\"abcdefg\".contains(str1 + str2)",
            Map.of("str1", SimpleType.STRING, "str2", SimpleType.STRING),
            Map.of("str1", 10L, "str2", 10L), 2, 6));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("celGoVectors")
  void estimate_celGoVector_matchesCelGo(Case c) {
    var compiled = CostFixture.compile(c.expression(), c.variables());

    assertThat(CostFixture.estimate(compiled, CostFixture.CEL_GO_TESTS, CostFixture.hints(c.hints())))
        .isEqualTo(c.wanted());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("celGoVectors")
  void bound_celGoVector_isAtLeastTheEstimate(Case c) {
    var compiled = CostFixture.compile(c.expression(), c.variables());
    SizeEstimator sizes = CostFixture.hints(c.hints());

    Range estimate = CostFixture.estimate(compiled, CostFixture.CEL_GO_TESTS, sizes);
    Range bound = CostFixture.bound(compiled, CostFixture.CEL_GO_TESTS, sizes);

    assertThat(Long.compareUnsigned(bound.max(), estimate.max())).isGreaterThanOrEqualTo(0);
  }
}
