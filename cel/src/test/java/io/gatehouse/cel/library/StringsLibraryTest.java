package io.gatehouse.cel.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.cel.EvaluationResult;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Cases ported from cel-go's ext/strings_test.go, evaluated in Kubernetes environments. */
class StringsLibraryTest {

  private static final int NEWEST = 33;
  private static final Map<String, Object> OBJECT =
      Map.of("mixed", List.of("a", 1), "numbers", List.of(1, "a"));

  private record Case(String name, String expression) {
    @Override
    public String toString() {
      return name;
    }
  }

  private record ErrorCase(String name, int serverMinor, String expression, String message) {
    @Override
    public String toString() {
      return name + " @1." + serverMinor;
    }
  }

  static Stream<Case> trueExpressions() {
    return Stream.of(
        new Case("charAt middle", "'tacocat'.charAt(3) == 'o'"),
        new Case("charAt at length", "'tacocat'.charAt(7) == ''"),
        new Case("charAt code points",
            "'©αT'.charAt(0) == '©' && '©αT'.charAt(1) == 'α' && '©αT'.charAt(2) == 'T'"),
        new Case("charAt astral", "'a😀b'.charAt(1) == '😀' && 'a😀b'.charAt(2) == 'b'"),
        new Case("indexOf empty", "'tacocat'.indexOf('') == 0"),
        new Case("indexOf found", "'tacocat'.indexOf('ac') == 1"),
        new Case("indexOf missing", "'tacocat'.indexOf('none') == -1"),
        new Case("indexOf empty offset", "'tacocat'.indexOf('', 3) == 3"),
        new Case("indexOf offset", "'tacocat'.indexOf('a', 3) == 5"),
        new Case("indexOf offset two", "'tacocat'.indexOf('at', 3) == 5"),
        new Case("indexOf unicode", "'ta©o©αT'.indexOf('©') == 2"),
        new Case("indexOf unicode offset", "'ta©o©αT'.indexOf('©', 3) == 4"),
        new Case("indexOf unicode tail", "'ta©o©αT'.indexOf('©αT', 3) == 4"),
        new Case("indexOf unicode past", "'ta©o©αT'.indexOf('©α', 5) == -1"),
        new Case("indexOf last char", "'ijk'.indexOf('k') == 2"),
        new Case("indexOf whole", "'hello wello'.indexOf('hello wello') == 0"),
        new Case("indexOf second", "'hello wello'.indexOf('ello', 6) == 7"),
        new Case("indexOf longer", "'hello wello'.indexOf('elbo room!!') == -1"),
        new Case("indexOf much longer", "'hello wello'.indexOf('elbo room!!!') == -1"),
        new Case("indexOf astral", "'a😀b😀'.indexOf('😀', 2) == 3"),
        new Case("lastIndexOf empty", "'tacocat'.lastIndexOf('') == 7"),
        new Case("lastIndexOf found", "'tacocat'.lastIndexOf('at') == 5"),
        new Case("lastIndexOf missing", "'tacocat'.lastIndexOf('none') == -1"),
        new Case("lastIndexOf empty offset", "'tacocat'.lastIndexOf('', 3) == 3"),
        new Case("lastIndexOf offset", "'tacocat'.lastIndexOf('a', 3) == 1"),
        new Case("lastIndexOf unicode", "'ta©o©αT'.lastIndexOf('©') == 4"),
        new Case("lastIndexOf unicode offset", "'ta©o©αT'.lastIndexOf('©', 3) == 2"),
        new Case("lastIndexOf unicode pair", "'ta©o©αT'.lastIndexOf('©α', 4) == 4"),
        new Case("lastIndexOf offset word", "'hello wello'.lastIndexOf('ello', 6) == 1"),
        new Case("lastIndexOf absent", "'hello wello'.lastIndexOf('low') == -1"),
        new Case("lastIndexOf longer", "'hello wello'.lastIndexOf('elbo room!!') == -1"),
        new Case("lastIndexOf much longer", "'hello wello'.lastIndexOf('elbo room!!!') == -1"),
        new Case("lastIndexOf whole", "'hello wello'.lastIndexOf('hello wello') == 0"),
        new Case("lastIndexOf overlapping", "'bananananana'.lastIndexOf('nana', 7) == 6"),
        new Case("lastIndexOf longer than receiver", "'a'.lastIndexOf('abc') == -1"),
        new Case("lowerAscii", "'TacoCat'.lowerAscii() == 'tacocat'"),
        new Case("lowerAscii non-ascii", "'TacoCÆt'.lowerAscii() == 'tacocÆt'"),
        new Case("lowerAscii words", "'TacoCÆt Xii'.lowerAscii() == 'tacocÆt xii'"),
        new Case("upperAscii", "'tacoCat'.upperAscii() == 'TACOCAT'"),
        new Case("upperAscii non-ascii", "'tacoCαt'.upperAscii() == 'TACOCαT'"),
        new Case("replace absent", "\"12 days 12 hours\".replace(\"{0}\", \"2\") == \"12 days 12 hours\""),
        new Case("replace all", "\"{0} days {0} hours\".replace(\"{0}\", \"2\") == \"2 days 2 hours\""),
        new Case("replace limited",
            "\"{0} days {0} hours\".replace(\"{0}\", \"2\", 1).replace(\"{0}\", \"23\")"
                + " == \"2 days 23 hours\""),
        new Case("replace unicode", "\"1 ©αT taco\".replace(\"αT\", \"o©α\") == \"1 ©o©α taco\""),
        new Case("replace empty search", "\"hello hello\".replace(\"\", \"_\") == \"_h_e_l_l_o_ _h_e_l_l_o_\""),
        new Case("replace with empty", "\"hello hello\".replace(\"h\", \"\") == \"ello ello\""),
        new Case("replace negative limit", "'hello hello'.replace('he', 'we', -1) == 'wello wello'"),
        new Case("replace zero limit", "'hello hello'.replace('he', 'we', 0) == 'hello hello'"),
        new Case("replace empty search limited", "'abc'.replace('', '_', 2) == '_a_bc'"),
        new Case("replace empty search astral", "'a😀'.replace('', '-') == '-a-😀-'"),
        new Case("split", "\"hello world\".split(\" \") == [\"hello\", \"world\"]"),
        new Case("split zero", "\"hello world events!\".split(\" \", 0) == []"),
        new Case("split one", "\"hello world events!\".split(\" \", 1) == [\"hello world events!\"]"),
        new Case("split two", "'hello hello hello'.split(' ', 2) == ['hello', 'hello hello']"),
        new Case("split unicode all", "\"o©o©o©o\".split(\"©\", -1) == [\"o\", \"o\", \"o\", \"o\"]"),
        new Case("split empty separator", "'a😀b'.split('') == ['a', '😀', 'b']"),
        new Case("split empty separator limited", "'abc'.split('', 2) == ['a', 'bc']"),
        new Case("split empty string", "''.split(',') == ['']"),
        new Case("split empty by empty", "''.split('') == []"),
        new Case("substring", "\"tacocat\".substring(4) == \"cat\""),
        new Case("substring at end", "\"tacocat\".substring(7) == \"\""),
        new Case("substring range", "\"tacocat\".substring(0, 4) == \"taco\""),
        new Case("substring empty range", "\"tacocat\".substring(4, 4) == \"\""),
        new Case("substring unicode", "'ta©o©αT'.substring(2, 6) == \"©o©α\""),
        new Case("substring unicode end", "'ta©o©αT'.substring(7, 7) == \"\""),
        new Case("trim ascii", "\" \\f\\n\\r\\t\\vtext  \".trim() == \"text\""),
        new Case("trim latin", "\"\\u0085\\u00a0\\u1680text\".trim() == \"text\""),
        new Case("trim general punctuation",
            "\"text\\u2000\\u2001\\u2002\\u2003\\u2004\\u2004\\u2006\\u2007\\u2008\\u2009\".trim()"
                + " == \"text\""),
        new Case("trim more spaces", "\"\\u200atext\\u2028\\u2029\\u202F\\u205F\\u3000\".trim() == \"text\""),
        new Case("trim keeps zero width",
            "\"\\u180etext\\u200b\\u200c\\u200d\\u2060\\ufeff\".trim()"
                + " == \"\\u180etext\\u200b\\u200c\\u200d\\u2060\\ufeff\""),
        new Case("join", "['x', 'y'].join() == 'xy'"),
        new Case("join separator", "['x', 'y'].join('-') == 'x-y'"),
        new Case("join empty", "[].join() == ''"),
        new Case("join empty separator", "[].join('-') == ''"),
        new Case("quote newline", "strings.quote(\"first\\nsecond\") == \"\\\"first\\\\nsecond\\\"\""),
        new Case("quote bell", "strings.quote(\"bell\\a\") == \"\\\"bell\\\\a\\\"\""),
        new Case("quote backspace", "strings.quote(\"\\bbackspace\") == \"\\\"\\\\bbackspace\\\"\""),
        new Case("quote form feed", "strings.quote(\"\\fform feed\") == \"\\\"\\\\fform feed\\\"\""),
        new Case("quote carriage return",
            "strings.quote(\"carriage \\r return\") == \"\\\"carriage \\\\r return\\\"\""),
        new Case("quote tab", "strings.quote(\"horizontal tab\\t\") == \"\\\"horizontal tab\\\\t\\\"\""),
        new Case("quote vertical tab", "strings.quote(\"vertical \\v tab\") == \"\\\"vertical \\\\v tab\\\"\""),
        new Case("quote double slash",
            "strings.quote(\"double \\\\\\\\ slash\") == \"\\\"double \\\\\\\\\\\\\\\\ slash\\\"\""),
        new Case("quote two escapes",
            "strings.quote(\"two escape sequences \\a\\n\") == \"\\\"two escape sequences \\\\a\\\\n\\\"\""),
        new Case("quote verbatim", "strings.quote(\"verbatim\") == \"\\\"verbatim\\\"\""),
        new Case("quote ends with slash", "strings.quote(\"ends with \\\\\") == \"\\\"ends with \\\\\\\\\\\"\""),
        new Case("quote starts with slash",
            "strings.quote(\"\\\\ starts with\") == \"\\\"\\\\\\\\ starts with\\\"\""),
        new Case("quote printable unicode",
            "strings.quote(\"printable unicode😀\") == \"\\\"printable unicode😀\\\"\""),
        new Case("quote mid quote", "strings.quote(\"mid string \\\" quote\") == \"\\\"mid string \\\\\\\" quote\\\"\""),
        new Case("quote single-quoted",
            "strings.quote('single-quote with \"double quote\"')"
                + " == \"\\\"single-quote with \\\\\\\"double quote\\\\\\\"\\\"\""),
        new Case("quote latin", "strings.quote(\"size('ÿ')\") == \"\\\"size('ÿ')\\\"\""),
        new Case("quote greek", "strings.quote(\"size('πέντε')\") == \"\\\"size('πέντε')\\\"\""),
        new Case("quote cyrillic", "strings.quote(\"завтра\") == \"\\\"завтра\\\"\""),
        new Case("quote emoji",
            "strings.quote(\"\\U0001F431\\U0001F600\\U0001F61B\") == \"\\\"\\U0001F431\\U0001F600\\U0001F61B\\\"\""),
        new Case("quote mixed", "strings.quote(\"ta©o©αT\") == \"\\\"ta©o©αT\\\"\""),
        new Case("quote empty", "strings.quote(\"\") == \"\\\"\\\"\""),
        new Case("format non-literal template",
            "strings.quote('%s %s').format(['hello', 'world']) == \"\\\"hello world\\\"\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("trueExpressions")
  void evaluate_celGoCase_isTrue(Case c) {
    assertThat(Evaluations.value(NEWEST, c.expression())).isEqualTo(true);
  }

  static List<ErrorCase> errors() {
    return List.of(
        new ErrorCase("charAt past end", 33, "'tacocat'.charAt(30) == ''", "index out of range: 30"),
        new ErrorCase("charAt negative", 33, "'tacocat'.charAt(-1) == ''", "index out of range: -1"),
        new ErrorCase("lastIndexOf negative offset", 33, "'tacocat'.lastIndexOf('a', -1) == -1",
            "index out of range: -1"),
        new ErrorCase("indexOf negative offset", 33, "'tacocat'.indexOf('a', -1) == -1",
            "index out of range: -1"),
        new ErrorCase("substring past end", 33, "\"tacocat\".substring(40) == \"cat\"",
            "index out of range: 40"),
        new ErrorCase("substring negative", 33, "\"tacocat\".substring(-1) == \"cat\"",
            "index out of range: -1"),
        new ErrorCase("substring end past end", 33, "\"tacocat\".substring(1, 50) == \"cat\"",
            "index out of range: 50"),
        new ErrorCase("substring start past end", 33, "\"tacocat\".substring(49, 50) == \"cat\"",
            "index out of range: 49"),
        new ErrorCase("substring inverted", 33, "\"tacocat\".substring(4, 3) == \"\"",
            "invalid substring range. start: 4, end: 3"),
        new ErrorCase("lastIndexOf on empty receiver", 33, "''.lastIndexOf('@@') == -1",
            "index out of range: -1"),
        new ErrorCase("indexOf past end, cel-go 0.20", 31, "'tacocat'.indexOf('a', 30) == -1",
            "index out of range: 30"),
        new ErrorCase("indexOf on empty receiver, cel-go 0.20", 31, "''.indexOf('foo') == -1",
            "index out of range: 0"),
        new ErrorCase("lastIndexOf past end, cel-go 0.20", 31,
            "'tacocat'.lastIndexOf('a', 30) == -1", "index out of range: 30"),
        new ErrorCase("join v2 non-string element", 33, "object.mixed.join('-')",
            "join: invalid input: 1"),
        new ErrorCase("join v2 first element not a string", 33, "object.numbers.join()",
            "no such overload: join(list)"),
        new ErrorCase("join v0 non-string element", 28, "object.mixed.join('-')",
            "unsupported type conversion from 'int' to string"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void evaluate_invalidArguments_failsWithCelGoText(ErrorCase c) {
    assertThat(Evaluations.evaluate(c.serverMinor(), c.expression(), OBJECT))
        .isInstanceOfSatisfying(
            EvaluationResult.Failure.class, f -> assertThat(f.message()).isEqualTo(c.message()));
  }

  static Stream<Case> offsetsPastEndSinceCelGo022() {
    return Stream.of(
        new Case("indexOf past end", "'tacocat'.indexOf('a', 30) == -1"),
        new Case("indexOf at end", "'tacocat'.indexOf('a', 7) == -1"),
        new Case("indexOf empty receiver", "''.indexOf('foo') == -1"),
        new Case("indexOf empty search past end", "'tacocat'.indexOf('', 30) == 30"),
        new Case("indexOf empty search negative", "'tacocat'.indexOf('', -1) == -1"),
        new Case("lastIndexOf past end", "'tacocat'.lastIndexOf('a', 30) == -1"),
        new Case("lastIndexOf empty search past end", "'tacocat'.lastIndexOf('', 30) == 30"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("offsetsPastEndSinceCelGo022")
  void evaluate_offsetPastEndOnCelGo022Server_returnsNotFound(Case c) {
    assertThat(Evaluations.value(32, c.expression())).isEqualTo(true);
    assertThat(Evaluations.value(33, c.expression())).isEqualTo(true);
  }
}
