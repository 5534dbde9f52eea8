package io.gatehouse.cel.cost;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import io.gatehouse.cel.CelValues;
import io.gatehouse.cel.CompiledExpression;
import io.gatehouse.cel.EvaluationResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * cel-go's {@code interpreter/runtimecost_test.go} (TestRuntimeCost) vectors, with maps in place
 * of the protobuf messages cel-java's Kubernetes environment does not declare.
 */
class RuntimeCostTest {

  private static final String LETTERS_500 = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWX".repeat(10);
  private static final CelType STRING_MAP = MapType.create(SimpleType.STRING, SimpleType.STRING);
  private static final CelType DYN_LIST = ListType.create(SimpleType.DYN);
  private static final CelType MAP_OF_MAPS =
      MapType.create(SimpleType.STRING, MapType.create(SimpleType.STRING, SimpleType.DYN));

  private record Case(
      String name, String expression, Map<String, CelType> variables, Map<String, ?> input, long want) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case of(String name, String expression, long want) {
    return new Case(name, expression, Map.of(), Map.of(), want);
  }

  private static Case of(
      String name, String expression, Map<String, CelType> vars, Map<String, ?> in, long want) {
    Map<String, Object> input = new LinkedHashMap<>();
    in.forEach((k, v) -> input.put(k, v instanceof ByteString ? v : CelValues.fromJson(v)));
    return new Case(name, expression, vars, input, want);
  }

  static Stream<Case> celGoVectors() {
    Map<String, CelType> strings =
        Map.of("input", SimpleType.STRING, "arg1", SimpleType.STRING);
    Map<String, CelType> abcd =
        Map.of("a", SimpleType.BOOL, "b", SimpleType.BOOL, "c", SimpleType.BOOL, "d", SimpleType.BOOL);
    return Stream.of(
        of("const", "\"Hello World!\"", 0),
        of("identity", "input", Map.of("input", ListType.create(SimpleType.INT)),
            Map.of("input", List.of(1, 2)), 1),
        of("select: map", "input['key']", Map.of("input", STRING_MAP),
            Map.of("input", Map.of("key", "v")), 2),
        of("select: array index", "input[0]", Map.of("input", ListType.create(SimpleType.STRING)),
            Map.of("input", List.of("v")), 2),
        of("expr select: map", "input['ke' + 'y']", Map.of("input", STRING_MAP),
            Map.of("input", Map.of("key", "v")), 3),
        of("expr select: array index", "input[3-3]",
            Map.of("input", ListType.create(SimpleType.STRING)), Map.of("input", List.of("v")), 3),
        of("select: non-proto field test", "has(input.testAttr.nestedAttr)",
            Map.of("input", MAP_OF_MAPS),
            Map.of("input", Map.of("testAttr", Map.of("nestedAttr", "0"))), 2),
        of("create list", "[1, 2, 3]", 10),
        of("create map", "{\"a\": 1, \"b\": 2, \"c\": 3}", 30),
        of("all comprehension", "input.all(x, true)", Map.of("input", DYN_LIST),
            Map.of("input", List.of()), 2),
        of("nested all comprehension", "input.all(x, x.all(y, true))",
            Map.of("input", ListType.create(DYN_LIST)), Map.of("input", List.of()), 2),
        of("all comprehension on literal", "[1, 2, 3].all(x, true)", 20),
        of("variable cost function", "input.matches('[0-9]')", Map.of("input", SimpleType.STRING),
            Map.of("input", LETTERS_500), 103),
        of("variable cost function with constant", "'123'.matches('[0-9]')", 2),
        of("or", "false || false", 0),
        of("or short-circuit", "true || false", 0),
        of("or accumulated branch cost", "a || b || c || d", abcd,
            Map.of("a", false, "b", false, "c", false, "d", false), 4),
        of("and", "true && false", 0),
        of("and short-circuit", "false && true", 0),
        of("and accumulated branch cost", "a && b && c && d", abcd,
            Map.of("a", true, "b", true, "c", true, "d", true), 4),
        of("lt", "1 < 2", 1),
        of("lte", "1 <= 2", 1),
        of("eq", "1 == 2", 1),
        of("gt", "2 > 1", 1),
        of("gte", "2 >= 1", 1),
        of("in", "2 in [1, 2, 3]", 13),
        of("plus", "1 + 1", 1),
        of("minus", "1 - 1", 1),
        of("divide", "1 / 1", 1),
        of("multiply", "1 * 1", 1),
        of("modulo", "1 % 1", 1),
        of("ternary", "true ? 1 : 2", 0),
        of("string size", "size(\"123\")", 1),
        of("str eq str", "'12345678901234567890' == '123456789012345678901234567890'", 2),
        of("bytes to string conversion", "string(input)", Map.of("input", SimpleType.BYTES),
            Map.of("input", ByteString.copyFromUtf8(LETTERS_500)), 51),
        of("string to bytes conversion", "bytes(input)", Map.of("input", SimpleType.STRING),
            Map.of("input", LETTERS_500), 51),
        of("int to string conversion", "string(1)", 1),
        of("contains", "input.contains(arg1)", strings,
            Map.of("input", LETTERS_500, "arg1", LETTERS_500), 2502),
        of("matches", "input.matches('\\\\d+a\\\\d+b')", Map.of("input", SimpleType.STRING),
            Map.of("input", LETTERS_500), 103),
        of("startsWith", "input.startsWith(arg1)", strings,
            Map.of("input", "idc", "arg1", LETTERS_500), 3),
        of("endsWith", "input.endsWith(arg1)", strings,
            Map.of("input", "idc", "arg1", LETTERS_500), 3),
        of("size receiver", "input.size()", Map.of("input", SimpleType.STRING),
            Map.of("input", "500"), 2),
        of("size", "size(input)", Map.of("input", SimpleType.STRING), Map.of("input", "500"), 2),
        of("ternary eval", "(x > 2 ? input1 : input2).all(y, true)",
            Map.of("x", SimpleType.INT, "input1", DYN_LIST, "input2", DYN_LIST),
            Map.of("x", 1, "input1", List.of(Map.of()), "input2", List.of(Map.of())), 6),
        of("ternary eval trivial, true", "true ? false : 1 > 3", 0),
        of("ternary eval trivial, false", "false ? false : 1 > 3", 1),
        of("comprehension over map", "input.all(k, input[k].single_int32 > 3)",
            Map.of("input", MapType.create(SimpleType.STRING, SimpleType.DYN)),
            Map.of("input", Map.of("val", Map.of("single_int32", 0))), 9),
        of("comprehension over nested map of maps", "input.all(k, input[k].all(x, true))",
            Map.of("input", MAP_OF_MAPS), Map.of("input", Map.of()), 2),
        of("string size of map keys", "input.all(k, k.contains(k))",
            Map.of("input", MAP_OF_MAPS), Map.of("input", Map.of()), 2),
        of("comprehension variable shadowing",
            "input.all(k, input[k].all(k, true) && k.contains(k))",
            Map.of("input", MAP_OF_MAPS), Map.of("input", Map.of()), 2),
        of("list concat", "(list1 + list2).all(x, true)",
            Map.of("list1", ListType.create(SimpleType.INT), "list2", ListType.create(SimpleType.INT)),
            Map.of("list1", List.of(), "list2", List.of()), 4),
        of("str concat", "\"abcdefg\".contains(str1 + str2)",
            Map.of("str1", SimpleType.STRING, "str2", SimpleType.STRING),
            Map.of("str1", "val1", "str2", "val2222222"), 6),
        of("ternary as operand", "(1 > 2 ? 5 : 3) > 1", 2),
        of("logical as operand", "(1 > 2 || 2 > 1) == true", 3),
        of("list map literal", "[{'k1': 1}, {'k2': 2}].all(x, true)", 77));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("celGoVectors")
  void runtimeCost_celGoVector_matchesCelGo(Case c) {
    CompiledExpression compiled = CostFixture.compile(c.expression(), c.variables());

    assertThat(CostFixture.runtimeCost(compiled, CostFixture.CEL_GO_TESTS, c.input()))
        .isEqualTo(c.want());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("celGoVectors")
  void bound_celGoVector_boundsRuntimeCost(Case c) {
    CompiledExpression compiled = CostFixture.compile(c.expression(), c.variables());
    long actual = CostFixture.runtimeCost(compiled, CostFixture.CEL_GO_TESTS, c.input());

    Range bound =
        CostFixture.bound(compiled, CostFixture.CEL_GO_TESTS, new VariableSizeBounds(sizes(c)));

    assertThat(Long.compareUnsigned(bound.max(), actual)).isGreaterThanOrEqualTo(0);
    assertThat(Long.compareUnsigned(bound.min(), actual)).isLessThanOrEqualTo(0);
  }

  /** Each variable bounded by the largest size found in its input. */
  private static Map<String, Long> sizes(Case c) {
    Map<String, Long> out = new LinkedHashMap<>();
    c.input().forEach((k, v) -> out.put(k, (long) LETTERS_500.length()));
    return out;
  }

  @ParameterizedTest(name = "limit {0}")
  @MethodSource("limits")
  void evaluate_limitAtOrAboveCost_succeedsElseCancels(long limit) {
    CompiledExpression compiled =
        CostFixture.compile(
            "\"abcdefg\".contains(str1 + str2)",
            Map.of("str1", SimpleType.STRING, "str2", SimpleType.STRING));

    EvaluationResult result =
        CostFixture.evaluate(
            compiled, CostFixture.CEL_GO_TESTS, Map.of("str1", "val1", "str2", "val2222222"), limit);

    if (limit >= 6) {
      assertThat(result).isEqualTo(new EvaluationResult.Success(false, 6));
    } else {
      assertThat(result)
          .isInstanceOfSatisfying(
              EvaluationResult.Failure.class,
              f -> {
                assertThat(f.message()).isEqualTo("operation cancelled: actual cost limit exceeded");
                assertThat(f.costLimitExceeded()).isTrue();
              });
    }
  }

  static Stream<Long> limits() {
    return Stream.of(5L, 6L);
  }
}
