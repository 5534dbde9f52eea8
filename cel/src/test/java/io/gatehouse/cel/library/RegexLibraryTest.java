package io.gatehouse.cel.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.common.types.SimpleType;
import io.gatehouse.cel.CompilationError;
import io.gatehouse.cel.CompilationError.Stage;
import io.gatehouse.cel.Environment;
import io.gatehouse.cel.EnvironmentType;
import io.gatehouse.cel.KubernetesVersion;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RegexLibraryTest {

  private static final KubernetesVersion V1_28 = KubernetesVersion.of(1, 28);
  private static final KubernetesVersion V1_33 = KubernetesVersion.of(1, 33);

  private static Evaluator evaluator(KubernetesVersion server) {
    return Evaluator.of(
        Environment.builder(server, EnvironmentType.STORED_EXPRESSIONS)
            .variable("str", SimpleType.STRING)
            .variable("re", SimpleType.STRING)
            .build(),
        Map.of("str", "this is a 123 string 456"));
  }

  private static final Evaluator EVAL = evaluator(V1_33);

  private record Case(String expression, Object expected) {
    @Override
    public String toString() {
      return expression;
    }
  }

  /** Upstream's "stdlib regex functions" rules, then Go's FindAllString behaviour. */
  static Stream<Case> values() {
    return Stream.of(
        new Case("str.find('[0-9]+') == '123'", true),
        new Case("str.find('[0-9]+') != '456'", true),
        new Case("str.find('xyz') == ''", true),
        new Case("str.findAll('[0-9]+') == ['123', '456']", true),
        new Case("str.findAll('[0-9]+', 0) == []", true),
        new Case("str.findAll('[0-9]+', 1) == ['123']", true),
        new Case("str.findAll('[0-9]+', 2) == ['123', '456']", true),
        new Case("str.findAll('[0-9]+', 3) == ['123', '456']", true),
        new Case("str.findAll('[0-9]+', -1) == ['123', '456']", true),
        new Case("str.findAll('xyz') == []", true),
        new Case("str.findAll('xyz', 1) == []", true),
        // the library's documented examples
        new Case("'abc 123'.find('[0-9]*')", ""),
        new Case("'abc 123'.find('[0-9]+')", "123"),
        new Case("'123 abc 456'.findAll('[0-9]*')", List.of("123", "", "", "", "", "456")),
        new Case("'123 abc 456'.findAll('[0-9]*', 1)", List.of("123")),
        // Go skips an empty match right after a match and steps one rune after an empty match
        new Case("'abc'.findAll('')", List.of("", "", "", "")),
        new Case("'aaa'.findAll('a*')", List.of("aaa")),
        new Case("'baaab'.findAll('a*')", List.of("", "aaa", "")),
        new Case("'héllo'.findAll('')", List.of("", "", "", "", "", "")),
        new Case("'\\U0001F600x'.findAll('')", List.of("", "", "")),
        new Case("'\\U0001F600x'.findAll('.')", List.of("\uD83D\uDE00", "x")),
        new Case("'a b'.findAll('\\\\b')", List.of("", "", "", "")),
        new Case("'aaa'.findAll('^a')", List.of("a")),
        new Case("'abcabc'.findAll('b', -5)", List.of("b", "b")),
        new Case("'abc'.findAll('', 2)", List.of("", "")),
        new Case("'abc'.find('')", ""),
        new Case("'AbC'.find('(?i)b.')", "bC"),
        new Case("'x'.findAll('(?P<name>x)')", List.of("x")),
        // leftmost-first (Perl) alternation, not leftmost-longest
        new Case("'abcd'.find('a|ab')", "a"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("values")
  void evaluate_regexFunction_returnsGoResult(Case c) {
    assertThat(EVAL.value(c.expression())).isEqualTo(c.expected());
  }

  private record RuntimeCase(String expression, String regex, String message) {
    @Override
    public String toString() {
      return expression + " with re=" + regex;
    }
  }

  static Stream<RuntimeCase> runtimeErrors() {
    String prefix = "Illegal regex: error parsing regexp: ";
    return Stream.of(
        new RuntimeCase("'abc'.find(re)", "(", prefix + "missing closing ): `(`"),
        new RuntimeCase("'abc'.findAll(re)", "a)", prefix + "unexpected ): `a)`"),
        new RuntimeCase(
            "'abc'.findAll(re, 1)", "x++", prefix + "invalid nested repetition operator: `++`"),
        new RuntimeCase(
            "'abc'.find(re + '')", "\\", prefix + "trailing backslash at end of expression: ``"),
        new RuntimeCase("'abc'.find(re)", "[z-a]", prefix + "invalid character class range: `z-a`"),
        new RuntimeCase("'abc'.find(re)", "a{1001}", prefix + "invalid repeat count: `{1001}`"),
        new RuntimeCase("'abc'.find(re)", "\\q", prefix + "invalid escape sequence: `\\q`"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("runtimeErrors")
  void evaluate_badDynamicRegex_failsWithIllegalRegex(RuntimeCase c) {
    Evaluator eval =
        Evaluator.of(
            Environment.builder(V1_33, EnvironmentType.STORED_EXPRESSIONS)
                .variable("re", SimpleType.STRING)
                .build(),
            Map.of("re", c.regex()));
    assertThat(eval.failure(c.expression())).isEqualTo(c.message());
  }

  private record CompileCase(
      String name, KubernetesVersion server, String expression, CompilationError expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static CompileCase program(String name, KubernetesVersion server, String expr, String m) {
    return new CompileCase(
        name, server, expr, new CompilationError(expr, m, Stage.PROGRAM_INSTANTIATION));
  }

  static Stream<CompileCase> compileErrors() {
    String unexpected = "error parsing regexp: unexpected ): `)`";
    return Stream.of(
        // upstream: "compile error: program instantiation failed: error parsing regexp: …"
        program("find constant, 1.33", V1_33, "str.find(')') == ''", unexpected),
        program("findAll constant, 1.33", V1_33, "str.findAll(')') == []", unexpected),
        program("findAll limit constant, 1.33", V1_33, "str.findAll(')', 1) == []", unexpected),
        program("find constant, 1.28", V1_28, "str.find(')') == ''", unexpected),
        program("matches constant, 1.28", V1_28, "str.matches('x++')",
            "error parsing regexp: invalid nested repetition operator: `++`"),
        program("global matches pattern, 1.33", V1_33, "matches(str, '(')",
            "error parsing regexp: missing closing ): `(`"),
        program("first of two, left to right", V1_33, "str.find('(') == str.find(')')",
            "error parsing regexp: missing closing ): `(`"),
        program("folded conversion of a literal", V1_33, "str.find(dyn(string('(')))",
            "error parsing regexp: missing closing ): `(`"),
        // cel-go's ValidateRegexLiterals (1.29+) rejects matches literals before planning
        new CompileCase(
            "matches literal, 1.33",
            V1_33,
            "str.matches('x++')",
            new CompilationError(
                "str.matches('x++')",
                "ERROR: <input>:1:13: invalid matches argument\n"
                    + " | str.matches('x++')\n"
                    + " | ............^")),
        new CompileCase(
            "global matches checks argument 0, 1.33",
            V1_33,
            "matches('(', str)",
            new CompilationError(
                "matches('(', str)",
                "ERROR: <input>:1:9: invalid matches argument\n"
                    + " | matches('(', str)\n"
                    + " | ........^")),
        new CompileCase(
            "wrong argument type",
            V1_33,
            "str.find(1)",
            new CompilationError(
                "str.find(1)",
                "ERROR: <input>:1:9: found no matching overload for 'find' applied to"
                    + " 'string.(int)'\n"
                    + " | str.find(1)\n"
                    + " | ........^")),
        new CompileCase(
            "wrong limit type",
            V1_33,
            "str.findAll('a', 1u)",
            new CompilationError(
                "str.findAll('a', 1u)",
                "ERROR: <input>:1:12: found no matching overload for 'findAll' applied to"
                    + " 'string.(string, uint)'\n"
                    + " | str.findAll('a', 1u)\n"
                    + " | ...........^")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("compileErrors")
  void compile_badConstantRegex_failsAsUpstream(CompileCase c) {
    assertThat(evaluator(c.server()).compileResult(c.expression())).isEqualTo(c.expected());
  }

  static Stream<String> validPatterns() {
    return Stream.of(
        "str.find(re)", "str.matches('[0-9]+')", "str.findAll('a', -1)", "str.find('(' + re)");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validPatterns")
  void compile_validOrDynamicPattern_compiles(String expression) {
    assertThat(evaluator(KubernetesVersion.OLDEST).compileResult(expression))
        .isNotInstanceOf(CompilationError.class);
  }
}
