package io.gatehouse.cel.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.cel.CompilationError;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code <string>.format(list)} failures, ported from cel-go's ext/formatting_test.go: at
 * evaluation (template not a literal, so the compile-time check is skipped as with cel-go's
 * {@code skipCompileCheck}) and at compilation (cel-go's {@code cel.validator.string_format}).
 */
class StringFormatErrorsTest {

  private record RuntimeCase(String name, String template, String args, String message) {
    @Override
    public String toString() {
      return name;
    }

    String expression() {
      return "(" + template + " + '').format([" + args + "])";
    }
  }

  /**
   * A compile error reported at the first occurrence of {@code anchor} in the expression (a call
   * is located at its opening parenthesis), or at the format call when {@code anchor} is null.
   */
  private record CompileCase(String name, String expression, String anchor, String message) {
    @Override
    public String toString() {
      return name;
    }

    String expected() {
      int column =
          anchor == null ? expression.indexOf("format(") + 7 : expression.indexOf(anchor) + 1;
      return "ERROR: <input>:1:" + column + ": " + message + "\n | " + expression + "\n | "
          + ".".repeat(column - 1) + "^";
    }
  }

  static Stream<RuntimeCase> runtimeErrors() {
    String stringClause = "error during formatting: string clause can only be used on strings,"
        + " bools, bytes, ints, doubles, maps, lists, types, durations, and timestamps, was given ";
    return Stream.of(
        new RuntimeCase("unrecognized formatting clause", "'%a'", "1",
            "could not parse formatting clause: unrecognized formatting clause \"a\""),
        new RuntimeCase("out of bounds arg index", "'%d %d %d'", "0, 1", "index 2 out of range"),
        new RuntimeCase("string substitution is not allowed with binary clause", "'string is %b'",
            "'abc'",
            "error during formatting: only integers and bools can be formatted as binary, was"
                + " given string"),
        new RuntimeCase("duration substitution not allowed with decimal clause", "'%d'",
            "duration('30m2s')",
            "error during formatting: decimal clause can only be used on integers, was given"
                + " google.protobuf.Duration"),
        new RuntimeCase("string substitution not allowed with octal clause", "'octal: %o'",
            "'a string'",
            "error during formatting: octal clause can only be used on integers, was given string"),
        new RuntimeCase("double substitution not allowed with hex clause", "'double is %x'", "0.5",
            "error during formatting: only integers, byte buffers, and strings can be formatted as"
                + " hex, was given double"),
        new RuntimeCase("uppercase not allowed for scientific clause", "'double is %E'", "0.5",
            "could not parse formatting clause: unrecognized formatting clause \"E\""),
        new RuntimeCase("null not allowed for %d", "'null: %d'", "null",
            "error during formatting: decimal clause can only be used on integers, was given"
                + " null_type"),
        new RuntimeCase("null not allowed for %e", "'null: %e'", "null",
            "error during formatting: scientific clause can only be used on doubles, was given"
                + " null_type"),
        new RuntimeCase("null not allowed for %f", "'null: %f'", "null",
            "error during formatting: fixed-point clause can only be used on doubles, was given"
                + " null_type"),
        new RuntimeCase("null not allowed for %x", "'null: %x'", "null",
            "error during formatting: only integers, byte buffers, and strings can be formatted as"
                + " hex, was given null_type"),
        new RuntimeCase("null not allowed for %X", "'null: %X'", "null",
            "error during formatting: only integers, byte buffers, and strings can be formatted as"
                + " hex, was given null_type"),
        new RuntimeCase("null not allowed for %b", "'null: %b'", "null",
            "error during formatting: only integers and bools can be formatted as binary, was"
                + " given null_type"),
        new RuntimeCase("null not allowed for %o", "'null: %o'", "null",
            "error during formatting: octal clause can only be used on integers, was given"
                + " null_type"),
        new RuntimeCase("int not allowed for %f", "'%f'", "1",
            "error during formatting: fixed-point clause can only be used on doubles, was given"
                + " int"),
        new RuntimeCase("other strings not allowed for %f", "'%f'", "'1.5'",
            "error during formatting: fixed-point clause can only be used on doubles, was given"
                + " string"),
        new RuntimeCase("double not allowed for %d", "'%d'", "1.0",
            "error during formatting: decimal clause can only be used on integers, was given"
                + " double"),
        new RuntimeCase("trailing percent without argument", "'filler %'", "",
            "index 0 out of range"),
        new RuntimeCase("trailing percent", "'filler %'", "1", "unexpected end of string"),
        new RuntimeCase("unterminated precision", "'double is %.34'", "5.0",
            "could not parse formatting clause: error while parsing precision: could not find end"
                + " of precision specifier"),
        new RuntimeCase("empty precision", "'%.f'", "5.0",
            "could not parse formatting clause: error while parsing precision: error while"
                + " converting precision to integer: strconv.Atoi: parsing \"\": invalid syntax"),
        new RuntimeCase("precision out of int64 range", "'%.99999999999999999999f'", "5.0",
            "could not parse formatting clause: error while parsing precision: error while"
                + " converting precision to integer: strconv.Atoi: parsing"
                + " \"99999999999999999999\": value out of range"),
        new RuntimeCase("non-ascii clause letter reports its first byte", "'%é'", "1",
            "could not parse formatting clause: unrecognized formatting clause \"\u00c3\""),
        new RuntimeCase("optional value", "'%s'", "optional.of(1)", stringClause + "optional_type"),
        new RuntimeCase("optional inside a list", "'%s'", "[optional.of(1)]",
            "error during formatting: no formatting function for optional_type"),
        new RuntimeCase("bytes that are not UTF-8", "'%s'", "b'\\xff'",
            "error during formatting: could not convert argument \"invalid UTF-8 in bytes, cannot"
                + " convert to string\" to string"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("runtimeErrors")
  void format_badClauseOrArgument_failsWithCelGoText(RuntimeCase c) {
    assertThat(Evaluations.failure(33, c.expression())).isEqualTo(c.message());
  }

  static Stream<CompileCase> compileErrors() {
    String stringClause = "error during formatting: string clause can only be used on strings,"
        + " bools, bytes, ints, doubles, maps, lists, types, durations, and timestamps, was given ";
    return Stream.of(
        new CompileCase("too few for string", "'%s %s'.format(['abc'])", null,
            "index 1 out of range"),
        new CompileCase("too many for string", "'%s %s'.format(['abc', 'def', 'ghi'])", null,
            "too many arguments supplied to string.format (expected 2, got 3)"),
        new CompileCase("unexpected end of string", "'filler %'.format([])", null,
            "unexpected end of string"),
        new CompileCase("unrecognized formatting clause", "'%j'.format([123])", null,
            "could not parse formatting clause: unrecognized formatting clause \"j\""),
        new CompileCase("%d check", "'int is %d'.format([5.2])", "5.2",
            "error during formatting: decimal clause can only be used on integers, was given"
                + " double"),
        new CompileCase("%f check", "'double is %f'.format([true])", "true",
            "error during formatting: fixed-point clause can only be used on doubles, was given"
                + " bool"),
        new CompileCase("precision syntax check", "'double is %.34'.format([5.0])", null,
            "could not parse formatting clause: error while parsing precision: could not find end"
                + " of precision specifier"),
        new CompileCase("%e check", "'double is %e'.format([true])", "true",
            "error during formatting: scientific clause can only be used on doubles, was given"
                + " bool"),
        new CompileCase("%b check", "'string is %b'.format(['a string'])", "'a string'",
            "error during formatting: only integers and bools can be formatted as binary, was"
                + " given string"),
        new CompileCase("%x check", "'%x is a double'.format([2.5])", "2.5",
            "error during formatting: only integers, byte buffers, and strings can be formatted as"
                + " hex, was given double"),
        new CompileCase("%X check", "'%X is a double'.format([2.5])", "2.5",
            "error during formatting: only integers, byte buffers, and strings can be formatted as"
                + " hex, was given double"),
        new CompileCase("%o check", "'an octal: %o'.format([3.14])", "3.14",
            "error during formatting: octal clause can only be used on integers, was given double"),
        new CompileCase("%s check", "'value is %s'.format([optional.of(1)])", "(1)",
            stringClause + "optional_type"),
        new CompileCase("%s check inside list literal", "'list is %s'.format([[1, optional.none()]])",
            "()", stringClause + "optional_type"),
        new CompileCase("%d on a list", "'%d'.format([[1]])", "[1]",
            "error during formatting: decimal clause can only be used on integers, was given"
                + " list"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("compileErrors")
  void compile_literalFormatCallWithBadClause_reportsCelGoError(CompileCase c) {
    assertThat(Evaluations.compile(33, c.expression()))
        .isEqualTo(new CompilationError(c.expression(), c.expected()));
  }

  private record MixedCase(String name, String expression, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<MixedCase> mixedArgumentLists() {
    return Stream.of(
        new MixedCase("mixed literal arguments", "'%s has %d items'.format(['x', 3])",
            "x has 3 items"),
        new MixedCase("mixed nested literal", "'%s'.format([['a', 1, 2.5]])", "[\"a\", 1, 2.500000]"),
        new MixedCase("dyn argument accepted by every clause", "'%d'.format([object.n])", "7"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mixedArgumentLists")
  void compile_heterogeneousFormatArguments_isExemptFromHomogeneousLiterals(MixedCase c) {
    assertThat(Evaluations.value(33, c.expression(), java.util.Map.of("n", 7)))
        .isEqualTo(c.expected());
  }
}
