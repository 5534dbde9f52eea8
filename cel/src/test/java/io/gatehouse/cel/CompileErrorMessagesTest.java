package io.gatehouse.cel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.common.types.SimpleType;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compile error texts as cel-go prints {@code Issues.String()} (common/error.go, common/errors.go,
 * checker/errors.go, parser/parser.go, cel/validator.go): {@code ERROR: <input>:L:C: msg}, the
 * source line with tabs as spaces, a caret line with wide dots under multi-byte characters, issues
 * sorted by location.
 */
class CompileErrorMessagesTest {

  private static final Environment ENV =
      Environment.builder(KubernetesVersion.of(1, 33), EnvironmentType.NEW_EXPRESSIONS)
          .variable("object", SimpleType.DYN)
          .variable("s", SimpleType.STRING)
          .variable("i", SimpleType.INT)
          .build();

  private record Case(String name, String expression, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case c(String name, String expression, String... lines) {
    return new Case(name, expression, String.join("\n", lines));
  }

  static Stream<Case> errors() {
    return Stream.of(
        // Checker.
        c("undeclared variable", "foo + 1",
            "ERROR: <input>:1:1: undeclared reference to 'foo' (in container '')",
            " | foo + 1",
            " | ^"),
        c("undeclared function", "nosuchfn(1)",
            "ERROR: <input>:1:9: undeclared reference to 'nosuchfn' (in container '')",
            " | nosuchfn(1)",
            " | ........^"),
        c("undeclared member function", "s.nosuchfn()",
            "ERROR: <input>:1:11: undeclared reference to 'nosuchfn' (in container '')",
            " | s.nosuchfn()",
            " | ..........^"),
        c("int plus string", "1 + 'a'",
            "ERROR: <input>:1:3: found no matching overload for '_+_' applied to '(int, string)'",
            " | 1 + 'a'",
            " | ..^"),
        c("size of int", "size(1)",
            "ERROR: <input>:1:5: found no matching overload for 'size' applied to '(int)'",
            " | size(1)",
            " | ....^"),
        c("member call signature", "s.startsWith(1)",
            "ERROR: <input>:1:13: found no matching overload for 'startsWith' applied to"
                + " 'string.(int)'",
            " | s.startsWith(1)",
            " | ............^"),
        c("dyn receiver signature", "object.spec.name.startsWith(1)",
            "ERROR: <input>:1:28: found no matching overload for 'startsWith' applied to"
                + " 'dyn.(int)'",
            " | object.spec.name.startsWith(1)",
            " | ...........................^"),
        c("list type names", "[1] + ['a']",
            "ERROR: <input>:1:5: found no matching overload for '_+_' applied to"
                + " '(list(int), list(string))'",
            " | [1] + ['a']",
            " | ....^"),
        c("map type names", "{'a': 1}[1]",
            "ERROR: <input>:1:9: found no matching overload for '_[_]' applied to"
                + " '(map(string, int), int)'",
            " | {'a': 1}[1]",
            " | ........^"),
        c("timestamp type name", "timestamp(1) - 1",
            "ERROR: <input>:1:14: found no matching overload for '_-_' applied to"
                + " '(google.protobuf.Timestamp, int)'",
            " | timestamp(1) - 1",
            " | .............^"),
        c("type type name", "type(1) + 1",
            "ERROR: <input>:1:9: found no matching overload for '_+_' applied to"
                + " '(type(int), int)'",
            " | type(1) + 1",
            " | ........^"),
        c("null type name", "i == null",
            "ERROR: <input>:1:3: found no matching overload for '_==_' applied to '(int, null)'",
            " | i == null",
            " | ..^"),
        c("type parameter name", "[] + 1",
            "ERROR: <input>:1:4: found no matching overload for '_+_' applied to"
                + " '(list(_var0), int)'",
            " | [] + 1",
            " | ...^"),
        c("conditional on int", "1 ? 2 : 3",
            "ERROR: <input>:1:3: found no matching overload for '_?_:_' applied to"
                + " '(int, int, int)'",
            " | 1 ? 2 : 3",
            " | ..^"),
        c("field of int", "i.x",
            "ERROR: <input>:1:2: type 'int' does not support field selection",
            " | i.x",
            " | .^"),
        c("comprehension over int", "i.all(x, x > 0)",
            "ERROR: <input>:1:1: expression of type 'int' cannot be range of a comprehension"
                + " (must be list, map, or dynamic)",
            " | i.all(x, x > 0)",
            " | ^"),
        c("heterogeneous list", "[1, 'a']",
            "ERROR: <input>:1:5: expected type 'int' but found 'string'",
            " | [1, 'a']",
            " | ....^"),
        c("heterogeneous map values", "{'a': 1, 'b': 'x'}",
            "ERROR: <input>:1:15: expected type 'int' but found 'string'",
            " | {'a': 1, 'b': 'x'}",
            " | ..............^"),
        c("heterogeneous map keys and values", "{1: 1, 'b': 'c'}",
            "ERROR: <input>:1:8: expected type 'int' but found 'string'",
            " | {1: 1, 'b': 'c'}",
            " | .......^",
            "ERROR: <input>:1:13: expected type 'int' but found 'string'",
            " | {1: 1, 'b': 'c'}",
            " | ............^"),
        c("issues sorted by column", "object.spec + 1 == 'a' && 1",
            "ERROR: <input>:1:17: found no matching overload for '_==_' applied to"
                + " '(int, string)'",
            " | object.spec + 1 == 'a' && 1",
            " | ................^",
            "ERROR: <input>:1:24: found no matching overload for '_&&_' applied to"
                + " '(*error*, int)'",
            " | object.spec + 1 == 'a' && 1",
            " | .......................^"),
        c("two undeclared", "a + b",
            "ERROR: <input>:1:1: undeclared reference to 'a' (in container '')",
            " | a + b",
            " | ^",
            "ERROR: <input>:1:5: undeclared reference to 'b' (in container '')",
            " | a + b",
            " | ....^"),
        // Source line and caret.
        c("tab shown as space", "\tx",
            "ERROR: <input>:1:2: undeclared reference to 'x' (in container '')",
            " |  x",
            " | .^"),
        c("wide dot under accented letter", "'héllo' + x",
            "ERROR: <input>:1:11: undeclared reference to 'x' (in container '')",
            " | 'héllo' + x",
            " | ..．.......^"),
        c("wide dots under CJK", "'日本語' + 1",
            "ERROR: <input>:1:7: found no matching overload for '_+_' applied to"
                + " '(string, int)'",
            " | '日本語' + 1",
            " | .．．．..^"),
        c("wide caret on multi-byte character", "1 + é",
            "ERROR: <input>:1:5: Syntax error: token recognition error at: 'é'",
            " | 1 + é",
            " | ....＾",
            "ERROR: <input>:1:6: Syntax error: mismatched input '<EOF>' expecting {'[', '{', '(',"
                + " '.', '-', '!', 'true', 'false', 'null', NUM_FLOAT, NUM_INT, NUM_UINT, STRING,"
                + " BYTES, IDENTIFIER}",
            " | 1 + é",
            " | ....．^"),
        c("second line", "1 +\n  x",
            "ERROR: <input>:2:3: undeclared reference to 'x' (in container '')",
            " |   x",
            " | ..^"),
        // Parser.
        c("missing operand", "1 +",
            "ERROR: <input>:1:4: Syntax error: mismatched input '<EOF>' expecting {'[', '{', '(',"
                + " '.', '-', '!', 'true', 'false', 'null', NUM_FLOAT, NUM_INT, NUM_UINT, STRING,"
                + " BYTES, IDENTIFIER}",
            " | 1 +",
            " | ...^"),
        c("extraneous operator", "1 +* 2",
            "ERROR: <input>:1:4: Syntax error: extraneous input '*' expecting {'[', '{', '(',"
                + " '.', '-', '!', 'true', 'false', 'null', NUM_FLOAT, NUM_INT, NUM_UINT, STRING,"
                + " BYTES, IDENTIFIER}",
            " | 1 +* 2",
            " | ...^"),
        c("dangling dot", "object.",
            "ERROR: <input>:1:8: Syntax error: no viable alternative at input '.'",
            " | object.",
            " | .......^"),
        c("reserved identifier", "if",
            "ERROR: <input>:1:1: reserved identifier: if",
            " | if",
            " | ^"),
        c("reserved function name", "var(1)",
            "ERROR: <input>:1:1: reserved identifier: var",
            " | var(1)",
            " | ^"),
        c("int literal out of range", "-9223372036854775809",
            "ERROR: <input>:1:1: invalid int literal",
            " | -9223372036854775809",
            " | ^"),
        c("uint literal out of range", "18446744073709551616u",
            "ERROR: <input>:1:1: invalid uint literal",
            " | 18446744073709551616u",
            " | ^"),
        // Macros.
        c("all with literal variable", "[1, 2].all(1, true)",
            "ERROR: <input>:1:12: argument must be a simple name",
            " | [1, 2].all(1, true)",
            " | ...........^"),
        c("exists with selection variable", "[1, 2].exists(x.y, true)",
            "ERROR: <input>:1:16: argument must be a simple name",
            " | [1, 2].exists(x.y, true)",
            " | ...............^"),
        c("map with literal variable", "[1, 2].map(1, 2)",
            "ERROR: <input>:1:12: argument must be a simple name",
            " | [1, 2].map(1, 2)",
            " | ...........^"),
        c("has of identifier", "has(object)",
            "ERROR: <input>:1:4: invalid argument to has() macro",
            " | has(object)",
            " | ...^"),
        // Kubernetes 1.29+ literal validators.
        c("bad duration literal", "duration('bad')",
            "ERROR: <input>:1:10: invalid duration argument",
            " | duration('bad')",
            " | .........^"),
        c("duration literal beyond int64 nanoseconds", "duration('3000000h')",
            "ERROR: <input>:1:10: invalid duration argument",
            " | duration('3000000h')",
            " | .........^"),
        c("bad timestamp literal", "timestamp('bad')",
            "ERROR: <input>:1:11: invalid timestamp argument",
            " | timestamp('bad')",
            " | ..........^"),
        c("timestamp literal out of range", "timestamp(253402300800)",
            "ERROR: <input>:1:11: invalid timestamp argument",
            " | timestamp(253402300800)",
            " | ..........^"),
        c("bad regex literal", "'a'.matches('[')",
            "ERROR: <input>:1:13: invalid matches argument",
            " | 'a'.matches('[')",
            " | ............^"),
        c("global matches checks its first argument", "matches('[', 'a')",
            "ERROR: <input>:1:9: invalid matches argument",
            " | matches('[', 'a')",
            " | ........^"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void compile_invalidExpression_returnsCelGoMessage(Case c) {
    assertThat(ENV.compile(c.expression()))
        .isEqualTo(new CompilationError(c.expression(), c.expected()));
  }

  static Stream<String> accepted() {
    return Stream.of(
        "'a'.matches('(?P<name>a)')",
        "duration('2562047h')",
        "timestamp('0001-01-01T00:00:00Z')");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void compile_literalValidCelGo_compiles(String expression) {
    assertThat(ENV.compile(expression)).isInstanceOf(CompiledExpression.class);
  }
}
