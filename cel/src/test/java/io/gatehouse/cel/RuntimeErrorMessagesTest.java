package io.gatehouse.cel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.common.types.SimpleType;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runtime error texts of the standard library and operators on dynamic (JSON) values, as cel-go
 * words them (common/types/*.go, interpreter/attributes.go, common/stdlib, common/decls). Each row
 * is evaluated with and without cost tracking.
 */
class RuntimeErrorMessagesTest {

  private static final Environment ENV =
      Environment.builder(KubernetesVersion.of(1, 33), EnvironmentType.STORED_EXPRESSIONS)
          .variable("object", SimpleType.DYN)
          .variable("params", SimpleType.DYN)
          .variable("nothing", SimpleType.DYN)
          .variable("s", SimpleType.STRING)
          .build();

  private static final Activation VARS =
      Activation.of(
          Map.of(
              "object",
              CelValues.fromJson(
                  Map.of(
                      "spec",
                      Map.of(
                          "replicas", 3,
                          "ratio", 1.5,
                          "name", "abc",
                          "flag", true,
                          "list", List.of(1, 2, 3),
                          "labels", Map.of("app", "web")),
                      "status",
                      Map.of())),
              "s",
              "héllo",
              "nothing",
              dev.cel.common.values.NullValue.NULL_VALUE));

  private record Case(String name, String expression, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case c(String name, String expression, String expected) {
    return new Case(name, expression, expected);
  }

  static Stream<Case> failures() {
    return Stream.of(
        // Missing keys and field selection (interpreter/attributes.go refQualify).
        c("missing field", "object.spec.missing", "no such key: missing"),
        c("missing nested field", "object.status.conditions", "no such key: conditions"),
        c("missing map key by index", "object.spec.labels['team']", "no such key: team"),
        c("missing key of literal map", "{'a': 1}['b']", "no such key: b"),
        c("int key on string map", "{'a': 1}[dyn(1)]", "no such key: 1"),
        c("double key on string map", "{'a': 1}[dyn(1.5)]", "no such key: 1.5"),
        c("bool key on string map", "{'a': 1}[dyn(true)]", "no such key: true"),
        c("missing int key", "{1: 'a'}[2]", "no such key: 2"),
        c("field of int", "object.spec.replicas.x", "no such key: x"),
        c("field of string", "object.spec.name.x", "no such key: x"),
        c("field of bool", "object.spec.flag.x", "no such key: x"),
        c("field of double", "object.spec.ratio.x", "no such key: x"),
        c("field of list", "object.spec.list.x", "unsupported index type 'string' in list"),
        c("has below null", "has(nothing.metadata.name)", "no such key: metadata"),
        c("has on field of list", "has(object.spec.list.x)", "unsupported index type 'string' in list"),
        c("index of string", "object.spec.name[0]", "no such key: 0"),
        c("index of int by string", "object.spec.replicas['a']", "no such key: a"),
        c("field inside comprehension", "object.spec.list.all(x, x.y)", "no such key: y"),
        c("missing field in map comprehension",
            "object.spec.labels.all(k, object.spec.labels[k + 'x'] == 'web')", "no such key: appx"),
        // List indexes.
        c("index past end", "object.spec.list[5]", "index out of bounds: 5"),
        c("negative index", "object.spec.list[-1]", "index out of bounds: -1"),
        c("computed index past end", "object.spec.list[object.spec.replicas]",
            "index out of bounds: 3"),
        c("literal list index past end", "[1, 2][2]", "index out of bounds: 2"),
        c("empty list index", "[][0]", "index out of bounds: 0"),
        c("uint index past end", "[1, 2][dyn(5u)]", "index out of bounds: 5"),
        c("double index past end", "[1, 2][dyn(3.0)]", "index out of bounds: 3"),
        c("fractional index", "object.spec.list[1.5]", "unsupported index value 1.5 in list"),
        c("fractional dyn index", "[1, 2][dyn(0.5)]", "unsupported index value 0.5 in list"),
        c("huge double index", "[1, 2][dyn(1e21)]", "unsupported index value 1e+21 in list"),
        c("tiny double index", "[1, 2][dyn(1e-7)]", "unsupported index value 1e-07 in list"),
        c("huge uint index", "[1][dyn(18446744073709551615u)]",
            "unsupported index value 18446744073709551615 in list"),
        c("string index of list", "object.spec.list['a']",
            "unsupported index type 'string' in list"),
        c("bool index of list", "object.spec.list[dyn(true)]",
            "unsupported index type 'bool' in list"),
        c("null index of list", "object.spec.list[dyn(null)]",
            "unsupported index type 'null_type' in list"),
        c("list index of list", "object.spec.list[dyn([])]",
            "unsupported index type 'list' in list"),
        // Division and modulus.
        c("int division by zero", "object.spec.replicas / 0", "division by zero"),
        c("int modulus by zero", "object.spec.replicas % 0", "modulus by zero"),
        c("constant division by zero", "1 / 0", "division by zero"),
        c("constant modulus by zero", "1 % 0", "modulus by zero"),
        c("uint division by zero", "1u / 0u", "division by zero"),
        c("uint modulus by zero", "1u % 0u", "modulus by zero"),
        c("division by zero in comprehension", "[1, 2].map(x, x / 0)", "division by zero"),
        c("modulus by zero in comprehension", "[1, 2].exists(x, x % 0 == 1)", "modulus by zero"),
        // Integer overflow.
        c("int add overflow", "9223372036854775807 + object.spec.replicas", "integer overflow"),
        c("int subtract overflow", "-9223372036854775808 - object.spec.replicas",
            "integer overflow"),
        c("int multiply overflow", "9223372036854775807 * object.spec.replicas",
            "integer overflow"),
        c("int negate overflow", "-(-9223372036854775807 - 1 + object.spec.replicas - 3)",
            "integer overflow"),
        c("int divide overflow", "(-9223372036854775807 - 1 + object.spec.replicas - 3) / -1",
            "integer overflow"),
        c("int modulus overflow", "(-9223372036854775807 - 1 + object.spec.replicas - 3) % -1",
            "integer overflow"),
        c("uint subtract underflow", "1u - 2u", "unsigned integer overflow"),
        c("uint add overflow", "18446744073709551615u + 1u", "unsigned integer overflow"),
        c("uint multiply overflow", "18446744073709551615u * 2u", "unsigned integer overflow"),
        // Conversions (common/types ConvertToType, overflow.go).
        c("int of json string", "int(object.spec.name)",
            "type conversion error from 'string' to 'int'"),
        c("int of computed huge double", "int(object.spec.ratio * 1e100)", "integer overflow"),
        c("uint of computed negative int", "uint(object.spec.replicas - 4)",
            "unsigned integer overflow"),
        c("double of json string", "double(object.spec.name)",
            "type conversion error from 'string' to 'double'"),
        c("bool of json string", "bool(object.spec.name)",
            "type conversion error from 'string' to 'bool'"),
        c("string of computed invalid utf-8", "string(b'\\xff' + b'')",
            "invalid UTF-8 in bytes, cannot convert to string"),
        c("duration of json string", "duration(object.spec.name)",
            "type conversion error from 'string' to 'google.protobuf.Duration'"),
        c("timestamp of json string", "timestamp(object.spec.name)",
            "type conversion error from 'string' to 'google.protobuf.Timestamp'"),
        // Timestamp and duration arithmetic.
        c("timestamp plus duration overflow",
            "timestamp('9990-01-01T00:00:00Z') + duration('2562047h')", "timestamp overflow"),
        c("timestamp minus duration overflow",
            "timestamp('0001-01-01T00:00:00Z') - duration('1s')", "timestamp overflow"),
        c("duration sum overflow", "duration('2000000h') + duration('2000000h')",
            "duration overflow"),
        c("duration difference overflow", "duration('-2000000h') - duration('2000000h')",
            "duration overflow"),
        c("timestamp difference overflow",
            "timestamp('9999-01-01T00:00:00Z') - timestamp('0001-01-01T00:00:00Z')",
            "duration overflow"),
        // Time zones.
        c("unknown time zone", "timestamp('2020-01-01T00:00:00Z').getHours('bad/zone')",
            "unknown time zone bad/zone"),
        c("unknown dyn time zone",
            "timestamp('2020-01-01T00:00:00Z').getDayOfWeek(dyn('Mars/Olympus'))",
            "unknown time zone Mars/Olympus"),
        // No such overload: trait-bound operators (interpreter evalUnary/evalBinary).
        c("int plus string", "dyn(1) + 'a'", "no such overload"),
        c("string plus int", "dyn('a') + 1", "no such overload"),
        c("int plus double", "object.spec.replicas + object.spec.ratio", "no such overload"),
        c("list plus map", "dyn([]) + dyn({})", "no such overload"),
        c("map plus map", "dyn({}) + dyn({})", "no such overload: _+_"),
        c("bool plus bool", "dyn(true) + dyn(true)", "no such overload: _+_"),
        c("null plus int", "dyn(null) + 1", "no such overload: _+_"),
        c("string minus int", "dyn('a') - 1", "no such overload"),
        c("list minus list", "dyn([1]) - dyn([1])", "no such overload: _-_"),
        c("int minus double", "dyn(1) - 1.0", "no such overload"),
        c("string times int", "dyn('a') * 2", "no such overload"),
        c("list times int", "dyn([1]) * 2", "no such overload: _*_"),
        c("int divided by double", "dyn(4) / 2.0", "no such overload"),
        c("string divided", "dyn('a') / 2", "no such overload"),
        c("double modulus", "dyn(1.5) % 2", "no such overload: _%_"),
        c("negate string", "-dyn('a')", "no such overload"),
        c("negate bool", "-dyn(true)", "no such overload"),
        c("negate uint", "-dyn(1u)", "no such overload: -_"),
        c("negate list", "-dyn([1])", "no such overload: -_"),
        c("string less than int", "'a' < dyn(1)", "no such overload"),
        c("int less than string", "dyn(1) < 'a'", "no such overload"),
        c("list less than list", "dyn([1]) < dyn([2])", "no such overload: _<_"),
        c("map greater than map", "dyn({}) > dyn({})", "no such overload: _>_"),
        c("null at most int", "dyn(null) <= 1", "no such overload: _<=_"),
        c("bool at least int", "dyn(true) >= 1", "no such overload"),
        c("compare in comprehension", "object.spec.list.exists(x, x > 'a')", "no such overload"),
        c("size of int", "size(dyn(1))", "no such overload: size"),
        c("size of bool", "size(dyn(true))", "no such overload: size"),
        c("size of null", "size(dyn(null))", "no such overload: size"),
        c("size member of int", "dyn(1).size()", "no such overload: size"),
        c("matches on int", "matches(dyn(1), 'a')", "no such overload: matches"),
        c("matches with int pattern", "'a'.matches(dyn(1))", "no such overload"),
        // No such overload: plain.
        c("not of int", "!dyn(1)", "no such overload"),
        c("in int", "1 in dyn(1)", "no such overload"),
        c("in string", "'a' in dyn('abc')", "no such overload"),
        c("conditional on int", "dyn(1) ? 1 : 2", "no such overload"),
        c("and with int", "dyn(1) && true", "no such overload"),
        c("and with int on the right", "true && dyn(1)", "no such overload"),
        c("or with string", "false || dyn('a')", "no such overload"),
        c("all with int predicate", "[1, 2].all(x, dyn(x))", "no such overload"),
        c("startsWith on int", "dyn(1).startsWith('a')", "no such overload"),
        c("startsWith on json int", "object.spec.replicas.startsWith('a')", "no such overload"),
        c("endsWith with int", "object.spec.name.endsWith(dyn(1))", "no such overload"),
        c("contains on list", "dyn([1]).contains('a')", "no such overload"),
        // No such overload: receiver-only timestamp accessors.
        c("getHours on int", "dyn(1).getHours()", "no such overload: getHours"),
        c("getHours on string", "dyn('a').getHours()", "no such overload"),
        c("getFullYear on duration", "dyn(duration('1s')).getFullYear()", "no such overload"),
        // No such overload: per-overload conversions.
        c("int of map", "int(object.spec.labels)", "no such overload: int(map)"),
        c("string of list", "string(object.spec.list)", "no such overload: string(list)"),
        c("string of map", "string(object.spec)", "no such overload: string(map)"),
        // Regular expressions (RE2 texts, as Go's regexp).
        c("bad dynamic regex", "'a'.matches('[' + '')", "error parsing regexp: missing closing ]: `[`"),
        c("bad regex from data", "'a'.matches(object.spec.name + '(')",
            "error parsing regexp: missing closing ): `abc(`"),
        c("bad repetition", "'a'.matches('*' + '')",
            "error parsing regexp: missing argument to repetition operator: `*`"),
        // Optionals and unbound variables.
        c("value of none", "optional.none().value()", "optional.none() dereference"),
        c("unbound variable", "params.x", "no such attribute(s): id: 1, names: [params]"));
  }

  /**
   * Conversions of constants, which cel-go folds while Kubernetes creates the program ({@code
   * cel.OptOptimize}): the conversion's error fails program creation instead of evaluation.
   */
  static Stream<Case> constantConversions() {
    return Stream.of(
        c("int of word", "int('abc')", "type conversion error from 'string' to 'int'"),
        c("int of dyn word", "int(dyn('abc'))", "type conversion error from 'string' to 'int'"),
        c("int of padded number", "int(dyn(' 1'))", "type conversion error from 'string' to 'int'"),
        c("int of float text", "int(dyn('1.0'))", "type conversion error from 'string' to 'int'"),
        c("int of hex text", "int(dyn('0x10'))", "type conversion error from 'string' to 'int'"),
        c("int of out-of-range text", "int(dyn('9223372036854775808'))",
            "type conversion error from 'string' to 'int'"),
        c("int of huge double", "int(1e100)", "integer overflow"),
        c("int of dyn huge double", "int(dyn(1e100))", "integer overflow"),
        c("int of 2^63", "int(9223372036854775807.0)", "integer overflow"),
        c("int of -2^63", "int(-9223372036854775808.0)", "integer overflow"),
        c("int of huge uint", "int(18446744073709551615u)", "integer overflow"),
        c("uint of negative int", "uint(-1)", "unsigned integer overflow"),
        c("uint of dyn negative int", "uint(dyn(-1))", "unsigned integer overflow"),
        c("uint of negative double", "uint(dyn(-1.0))", "unsigned integer overflow"),
        c("uint of 2^64", "uint(18446744073709551616.0)", "unsigned integer overflow"),
        c("uint of signed text", "uint(dyn('+1'))", "type conversion error from 'string' to 'uint'"),
        c("uint of negative text", "uint(dyn('-1'))", "type conversion error from 'string' to 'uint'"),
        c("double of word", "double('x')", "type conversion error from 'string' to 'double'"),
        c("double of java suffix", "double(dyn('1d'))",
            "type conversion error from 'string' to 'double'"),
        c("double of padded text", "double(dyn(' 1'))",
            "type conversion error from 'string' to 'double'"),
        c("double out of range", "double(dyn('1e400'))",
            "type conversion error from 'string' to 'double'"),
        c("bool of word", "bool(dyn('yes'))", "type conversion error from 'string' to 'bool'"),
        c("bool of padded", "bool(dyn(' true'))", "type conversion error from 'string' to 'bool'"),
        c("string of invalid utf-8", "string(b'\\xff')",
            "invalid UTF-8 in bytes, cannot convert to string"),
        c("duration of word", "duration(dyn('bad'))",
            "type conversion error from 'string' to 'google.protobuf.Duration'"),
        c("duration without unit", "duration(dyn('10'))",
            "type conversion error from 'string' to 'google.protobuf.Duration'"),
        c("duration with day unit", "duration(dyn('1d'))",
            "type conversion error from 'string' to 'google.protobuf.Duration'"),
        c("duration beyond int64 nanoseconds", "duration(dyn('3000000h'))",
            "type conversion error from 'string' to 'google.protobuf.Duration'"),
        c("timestamp of word", "timestamp(dyn('bad'))",
            "type conversion error from 'string' to 'google.protobuf.Timestamp'"),
        c("timestamp of date only", "timestamp(dyn('2020-01-01'))",
            "type conversion error from 'string' to 'google.protobuf.Timestamp'"),
        c("timestamp after year 9999", "timestamp(dyn(253402300800))", "timestamp overflow"),
        c("timestamp before year 1", "timestamp(dyn(-62135596801))", "timestamp overflow"),
        c("int of list", "int(dyn([]))", "no such overload: int(list)"),
        c("int of bool", "int(dyn(true))", "no such overload: int(bool)"),
        c("int of null", "int(dyn(null))", "no such overload: int(null_type)"),
        c("uint of string list", "uint(dyn(['a']))", "no such overload: uint(list)"),
        c("double of bool", "double(dyn(false))", "no such overload: double(bool)"),
        c("bytes of int", "bytes(dyn(1))", "no such overload: bytes(int)"),
        c("bool of int", "bool(dyn(1))", "no such overload: bool(int)"),
        c("duration of double", "duration(dyn(1.5))",
            "no such overload: duration(double)"),
        c("timestamp of double", "timestamp(dyn(1.5))",
            "no such overload: timestamp(double)"),
        c("timestamp of timestamp type", "timestamp(dyn(int))", "no such overload: timestamp(type)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("constantConversions")
  void compile_failingConstantConversion_failsProgramInstantiationWithCelGoMessage(Case c) {
    assertThat(ENV.compile(c.expression()))
        .isEqualTo(
            new CompilationError(
                c.expression(), c.expected(), CompilationError.Stage.PROGRAM_INSTANTIATION));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void evaluate_failingExpression_returnsCelGoMessage(Case c) {
    CompilationResult result = ENV.compile(c.expression());
    assertThat(result).isInstanceOf(CompiledExpression.class);
    CompiledExpression compiled = (CompiledExpression) result;
    assertThat(compiled.evaluate(VARS))
        .isInstanceOfSatisfying(
            EvaluationResult.Failure.class, f -> assertThat(f.message()).isEqualTo(c.expected()));
    assertThat(compiled.evaluate(VARS, 10_000_000))
        .isInstanceOfSatisfying(
            EvaluationResult.Failure.class, f -> assertThat(f.message()).isEqualTo(c.expected()));
  }

  private record Value(String name, String expression, Object expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Value> values() {
    return Stream.of(
        new Value("size counts code points", "size(s)", 5L),
        new Value("size of literal counts code points", "size('日本語')", 3L),
        new Value("heterogeneous equality int double", "dyn(1) == 1.0", true),
        new Value("heterogeneous equality int string", "dyn(1) == 'a'", false),
        new Value("heterogeneous inequality list map", "dyn([]) != dyn({})", true),
        new Value("json int equals double", "object.spec.replicas == 3.0", true),
        new Value("cross-type comparison", "dyn(1) < 2u", true),
        new Value("lossless double index", "[1, 2][dyn(1.0)]", 2L),
        new Value("uint index", "[1, 2][dyn(1u)]", 2L),
        new Value("in on map", "'app' in object.spec.labels", true),
        new Value("in on list with mixed types", "'a' in [dyn(1), dyn('a')]", true),
        new Value("type of json object", "type(object) == map", true),
        new Value("type of json list", "type(object.spec.list) == list", true),
        new Value("type of null", "type(null) == null_type", true),
        new Value("type of type", "type(int) == type", true),
        new Value("time zone by name",
            "timestamp('2020-01-01T00:00:00Z').getHours('America/Los_Angeles')", 16L),
        new Value("time zone by offset",
            "timestamp('2020-01-01T00:00:00Z').getHours('+02:00')", 2L),
        new Value("int with plus sign", "int(dyn('+1'))", 1L),
        new Value("double infinity word", "double(dyn('inf')) > 1e308", true),
        new Value("double hex", "double(dyn('0x1p3'))", 8.0),
        new Value("bool T", "bool(dyn('T'))", true),
        new Value("bool 0", "bool(dyn('0'))", false),
        new Value("duration compound", "duration(dyn('1h30m')) == duration('90m')", true),
        new Value("duration micro sign", "duration(dyn('1µs')) == duration('1000ns')", true),
        new Value("duration fraction", "duration(dyn('1.5s')) == duration('1500ms')", true),
        new Value("duration negative", "duration(dyn('-1m')) < duration('0s')", true),
        new Value("int of most negative double in range", "int(-9223372036854774784.0)",
            -9223372036854774784L),
        new Value("error absorbed by or", "object.spec.missing == 1 || true", true),
        new Value("error absorbed by and", "false && object.spec.list[9] == 1", false),
        new Value("has on missing field", "has(object.spec.missing)", false),
        // cel-go's refQualify: a presence test on anything but a map, list or message is false.
        new Value("has on null", "has(nothing.metadata)", false),
        new Value("has on null guarding", "has(nothing.metadata) && nothing.metadata.name == 'x'",
            false),
        new Value("has on field of string", "has(object.spec.name.x)", false),
        new Value("has on field of int", "has(object.spec.replicas.x)", false),
        new Value("has on present field", "has(object.spec.labels)", true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("values")
  void evaluate_validExpression_returnsCelGoValue(Value v) {
    CompiledExpression compiled = (CompiledExpression) ENV.compile(v.expression());
    assertThat(compiled.evaluate(VARS))
        .isInstanceOfSatisfying(
            EvaluationResult.Success.class, s -> assertThat(s.value()).isEqualTo(v.expected()));
  }
}
