package io.gatehouse.cel.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code <string>.format(list)} outputs, ported from cel-go's ext/formatting_test.go (the cases
 * for the default en-US locale) plus cases for the x/text number rendering.
 */
class StringFormatTest {

  private static final Map<String, Object> OBJECT = Map.of("list", List.of(6, 4.2, "a string"));

  private record Case(String name, String template, String args, String expected) {
    @Override
    public String toString() {
      return name;
    }

    String expression() {
      return template + ".format([" + args + "])";
    }
  }

  static Stream<Case> outputs() {
    return Stream.of(
        new Case("no-op", "'no substitution'", "", "no substitution"),
        new Case("mid-string substitution", "'str is %s and some more'", "'filler'",
            "str is filler and some more"),
        new Case("percent escaping", "'%% and also %%'", "", "% and also %"),
        new Case("substitution inside escaped percent signs", "'%%%s%%'", "'text'", "%text%"),
        new Case("escaped percent on the right", "'%s%%'", "'percent on the right'",
            "percent on the right%"),
        new Case("escaped percent on the left", "'%%%s'", "'percent on the left'",
            "%percent on the left"),
        new Case("multiple substitutions", "'%d %d %d, %s %s %s, %d %d %d, %s %s %s'",
            "1, 2, 3, 'A', 'B', 'C', 4, 5, 6, 'D', 'E', 'F'", "1 2 3, A B C, 4 5 6, D E F"),
        new Case("percent sign escape sequence support",
            "'\\u0025\\u0025escaped \\u0025s\\u0025\\u0025'", "'percent'", "%escaped percent%"),
        new Case("fixed point formatting clause", "'%.3f'", "1.2345", "1.234"),
        new Case("binary formatting clause", "'this is 5 in binary: %b'", "5",
            "this is 5 in binary: 101"),
        new Case("negative binary formatting clause", "'this is -5 in binary: %b'", "-5",
            "this is -5 in binary: -101"),
        new Case("uint support for binary formatting", "'unsigned 64 in binary: %b'", "uint(64)",
            "unsigned 64 in binary: 1000000"),
        new Case("bool support for binary formatting", "'bit set from bool: %b'", "true",
            "bit set from bool: 1"),
        new Case("octal formatting clause", "'%o'", "11", "13"),
        new Case("negative octal formatting clause", "'%o'", "-11", "-13"),
        new Case("uint support for octal formatting clause", "'this is an unsigned octal: %o'",
            "uint(65535)", "this is an unsigned octal: 177777"),
        new Case("lowercase hexadecimal formatting clause", "'%x is 30 in hexadecimal'", "30",
            "1e is 30 in hexadecimal"),
        new Case("uppercase hexadecimal formatting clause", "'%X is 20 in hexadecimal'", "30",
            "1E is 20 in hexadecimal"),
        new Case("negative hexadecimal formatting clause", "'%x is -30 in hexadecimal'", "-30",
            "-1e is -30 in hexadecimal"),
        new Case("unsigned support for hexadecimal formatting clause",
            "'%X is 6000 in hexadecimal'", "uint(6000)", "1770 is 6000 in hexadecimal"),
        new Case("string support with hexadecimal formatting clause", "'%x'", "'Hello world!'",
            "48656c6c6f20776f726c6421"),
        new Case("string support with uppercase hexadecimal formatting clause", "'%X'",
            "'Hello world!'", "48656C6C6F20776F726C6421"),
        new Case("byte support with hexadecimal formatting clause", "'%x'", "b'byte string'",
            "6279746520737472696e67"),
        new Case("byte support with hexadecimal formatting clause leading zero", "'%x'",
            "b'\\x00\\x00byte string\\x00'", "00006279746520737472696e6700"),
        new Case("byte support with uppercase hexadecimal formatting clause", "'%X'",
            "b'byte string'", "6279746520737472696E67"),
        new Case("scientific notation formatting clause", "'%.6e'", "1052.032911275",
            "1.052033\u202f\u00d7\u202f10\u2070\u00b3"),
        new Case("default precision for fixed-point clause", "'%f'", "2.71828", "2.718280"),
        new Case("default precision for scientific notation", "'%e'", "2.71828",
            "2.718280\u202f\u00d7\u202f10\u2070\u2070"),
        new Case("default precision for string", "'%s'", "2.71", "2.71"),
        new Case("default list precision for string", "'%s'", "[2.71]", "[2.710000]"),
        new Case("default scientific notation for string", "'%s'", "0.000000002", "2e-09"),
        new Case("default list scientific notation for string", "'%s'", "[0.000000002]",
            "[0.000000]"),
        new Case("unicode output for scientific notation",
            "'unescaped unicode: %e, escaped unicode: %e'", "2.71828, 2.71828",
            "unescaped unicode: 2.718280 × 10⁰⁰, escaped unicode: 2.718280\u202f\u00d7\u202f10"
                + "\u2070\u2070"),
        new Case("NaN support for fixed-point", "'%f'", "'NaN'", "NaN"),
        new Case("positive infinity support for fixed-point", "'%f'", "'Infinity'", "∞"),
        new Case("negative infinity support for fixed-point", "'%f'", "'-Infinity'", "-∞"),
        new Case("NaN support for string", "'%s'", "double('NaN')", "NaN"),
        new Case("positive infinity support for string", "'%s'", "double('Infinity')", "+Inf"),
        new Case("negative infinity support for string", "'%s'", "double('-Infinity')", "-Inf"),
        new Case("infinity list support for string", "'%s'",
            "[double('NaN'), double('Infinity'), double('-Infinity')]", "[\"NaN\", \"+Inf\", \"-Inf\"]"),
        new Case("uint support for decimal clause", "'%d'", "uint(64)", "64"),
        new Case("null support for string", "'null: %s'", "null", "null: null"),
        new Case("int support for string", "'%s'", "999999999999", "999999999999"),
        new Case("bytes support for string", "'some bytes: %s'", "b'xyz'", "some bytes: xyz"),
        new Case("type() support for string", "'type is %s'", "type('test string')",
            "type is string"),
        new Case("timestamp support for string", "'%s'",
            "timestamp('2023-02-03T23:31:20+00:00')", "2023-02-03T23:31:20Z"),
        new Case("duration support for string", "'%s'", "duration('1h45m47s')", "6347s"),
        new Case("small duration support for string", "'%s'", "duration('2ns')", "0.000000002s"),
        new Case("list support for string", "'%s'",
            "['abc', 3.14, null, [9, 8, 7, 6], timestamp('2023-02-03T23:31:20Z')]",
            "[\"abc\", 3.140000, null, [9, 8, 7, 6], timestamp(\"2023-02-03T23:31:20Z\")]"),
        new Case("map support for string", "'%s'",
            "{'key1': b'xyz', 'key5': null, 'key2': duration('2h'), 'key4': true,"
                + " 'key3': 2.71828}",
            "{\"key1\":b\"xyz\", \"key2\":duration(\"7200s\"), \"key3\":2.718280,"
                + " \"key4\":true, \"key5\":null}"),
        new Case("map support (all key types)", "'map with multiple key types: %s'",
            "{1: 'value1', uint(2): 'value2', true: double('NaN')}",
            "map with multiple key types: {1:\"value1\", 2:\"value2\", true:\"NaN\"}"),
        new Case("boolean support for %s", "'true bool: %s, false bool: %s'", "true, false",
            "true bool: true, false bool: false"),
        new Case("dyntype support for string formatting clause", "'dynamic string: %s'",
            "dyn('a string')", "dynamic string: a string"),
        new Case("dyntype support for numbers with string formatting clause",
            "'dynIntStr: %s dynDoubleStr: %s'", "dyn(32), dyn(56.8)",
            "dynIntStr: 32 dynDoubleStr: 56.8"),
        new Case("dyntype support for integer formatting clause", "'dynamic int: %d'",
            "dyn(128)", "dynamic int: 128"),
        new Case("dyntype support for integer formatting clause (unsigned)",
            "'dynamic unsigned int: %d'", "dyn(uint(256))", "dynamic unsigned int: 256"),
        new Case("dyntype support for hex formatting clause", "'dynamic hex int: %x'",
            "dyn(22)", "dynamic hex int: 16"),
        new Case("dyntype support for hex formatting clause (uppercase)",
            "'dynamic hex int: %X (uppercase)'", "dyn(26)", "dynamic hex int: 1A (uppercase)"),
        new Case("dyntype support for unsigned hex formatting clause",
            "'dynamic hex int: %x (unsigned)'", "dyn(uint(500))",
            "dynamic hex int: 1f4 (unsigned)"),
        new Case("dyntype support for fixed-point formatting clause", "'dynamic double: %.3f'",
            "dyn(4.5)", "dynamic double: 4.500"),
        new Case("dyntype support for scientific notation", "'(dyntype) e: %e'", "dyn(2.71828)",
            "(dyntype) e: 2.718280\u202f\u00d7\u202f10\u2070\u2070"),
        new Case("dyntype NaN/infinity support for fixed-point", "'NaN: %f, infinity: %f'",
            "dyn(double('NaN')), dyn(double('Infinity'))", "NaN: NaN, infinity: ∞"),
        new Case("dyntype support for timestamp", "'dyntype timestamp: %s'",
            "dyn(timestamp('2009-11-10T23:00:00Z'))", "dyntype timestamp: 2009-11-10T23:00:00Z"),
        new Case("dyntype support for duration", "'dyntype duration: %s'",
            "dyn(duration('2h25m47s'))", "dyntype duration: 8747s"),
        new Case("dyntype support for lists", "'dyntype list: %s'",
            "object.list", "dyntype list: [6, 4.200000, \"a string\"]"),
        new Case("dyntype support for maps", "'dyntype map: %s'",
            "{'strKey': 'x', true: 42, 6: duration('7m2s')}",
            "dyntype map: {\"strKey\":\"x\", 6:duration(\"422s\"), true:42}"),
        // Beyond cel-go's table: x/text grouping, exponents, rounding and Go's float texts.
        new Case("fixed-point groups thousands", "'%.2f'", "1234567.891", "1,234,567.89"),
        new Case("fixed-point negative", "'%.1f'", "-1234.56", "-1,234.6"),
        new Case("fixed-point negative zero has no sign", "'%f'", "-0.0", "0.000000"),
        new Case("fixed-point tiny negative keeps sign", "'%.2f'", "-0.001", "-0.00"),
        new Case("fixed-point rounds exact binary value", "'%.2f'", "2.675", "2.67"),
        new Case("fixed-point large", "'%.1f'", "1e20", "100,000,000,000,000,000,000.0"),
        new Case("scientific negative exponent", "'%.2e'", "0.000123", "1.23\u202f×\u202f10⁻⁰⁴"),
        new Case("scientific negative value", "'%.1e'", "-12345.0", "-1.2\u202f×\u202f10⁰⁴"),
        new Case("scientific zero", "'%e'", "0.0", "0.000000\u202f×\u202f10⁰⁰"),
        new Case("scientific three-digit exponent", "'%.0e'", "1e100", "1\u202f×\u202f10¹⁰⁰"),
        new Case("scientific rounding carries", "'%.2e'", "9.999", "1.00\u202f×\u202f10⁰¹"),
        new Case("string of large double", "'%s'", "1234567.0", "1.234567e+06"),
        new Case("string of whole double", "'%s'", "100000.0", "100000"),
        new Case("string of negative zero", "'%s'", "-0.0", "-0"),
        new Case("string of small double", "'%s'", "0.0001", "0.0001"),
        new Case("string of huge double", "'%s'", "1e21", "1e+21"),
        new Case("list of negative zero", "'%s'", "[-0.0]", "[-0.000000]"),
        new Case("string of fractional duration", "'%s'", "duration('-1.5s')", "-1.5s"),
        new Case("string of timestamp nanos", "'%s'", "timestamp('2023-01-01T00:00:00.120Z')",
            "2023-01-01T00:00:00.12Z"),
        new Case("string of list type", "'%s'", "type([1])", "list"),
        new Case("types in list are unquoted", "'%s'", "[type(1), type('a')]", "[int, string]"),
        new Case("list quotes with Go escapes", "'%s'", "['a\"b\\\\c\\n\\u00a0é']",
            "[\"a\\\"b\\\\c\\n\\u00a0é\"]"),
        new Case("map keys sorted by their text", "'%s'", "{'b': 1, 'a': 2, 'B': 3}",
            "{\"B\":3, \"a\":2, \"b\":1}"),
        new Case("nested map in list", "'%s'", "[{'x': [1, {'y': uint(2)}]}]",
            "[{\"x\":[1, {\"y\":2}]}]"),
        new Case("empty list and map", "'%s %s'", "[], {}", "[] {}"),
        new Case("precision on other verbs is ignored", "'%.3s|%.1d'", "'abc', 7", "abc|7"),
        new Case("non-ascii text is copied", "'héllo %s ✓'", "'wörld'", "héllo wörld ✓"),
        new Case("fixed-point precision zero rounds half to even", "'%.0f'", "2.5", "2"),
        new Case("fixed-point precision zero rounds up", "'%.0f'", "3.5", "4"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("outputs")
  void format_validArguments_matchesCelGoOutput(Case c) {
    assertThat(Evaluations.value(33, c.expression(), OBJECT)).isEqualTo(c.expected());
  }
}
