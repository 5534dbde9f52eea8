package io.gatehouse.cel.library;

import static io.gatehouse.api.authz.SelectorOperator.DOES_NOT_EXIST;
import static io.gatehouse.api.authz.SelectorOperator.DOUBLE_EQUALS;
import static io.gatehouse.api.authz.SelectorOperator.EQUALS;
import static io.gatehouse.api.authz.SelectorOperator.EXISTS;
import static io.gatehouse.api.authz.SelectorOperator.GREATER_THAN;
import static io.gatehouse.api.authz.SelectorOperator.IN;
import static io.gatehouse.api.authz.SelectorOperator.LESS_THAN;
import static io.gatehouse.api.authz.SelectorOperator.NOT_EQUALS;
import static io.gatehouse.api.authz.SelectorOperator.NOT_IN;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.authz.LabelSelectorRequirement;
import io.gatehouse.api.authz.SelectorOperator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LabelSelectorParserTest {

  private static final String PARSE = "unable to parse requirement: ";
  private static final String NAME_REGEX =
      "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
          + "alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for "
          + "validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
  private static final String VALUE_REGEX =
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or "
          + "'.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or "
          + "'my_value',  or '12345', regex used for validation is "
          + "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
  private static final String SUBDOMAIN_REGEX =
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or "
          + "'.', and must start and end with an alphanumeric character (e.g. 'example.com', regex "
          + "used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

  private record Case(String name, String selector, SelectorParse<LabelSelectorRequirement> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case ok(String name, String selector, LabelSelectorRequirement... requirements) {
    return new Case(name, selector, new SelectorParse<>(List.of(requirements), ""));
  }

  private static Case error(String name, String selector, String error) {
    return new Case(name, selector, SelectorParse.failed(error));
  }

  private static LabelSelectorRequirement req(String key, SelectorOperator op, String... values) {
    return new LabelSelectorRequirement(key, op, List.of(values));
  }

  static Stream<Case> cases() {
    return Stream.of(
        ok("equalities", "x=a,y=b,z=c", req("x", EQUALS, "a"), req("y", EQUALS, "b"),
            req("z", EQUALS, "c")),
        ok("empty selector", ""),
        ok("blank selector", "  "),
        ok("sorted by key", "z,y,x", req("x", EXISTS), req("y", EXISTS), req("z", EXISTS)),
        ok("not equals", "x!=a,y=b", req("x", NOT_EQUALS, "a"), req("y", EQUALS, "b")),
        ok("double equals", "x==a", req("x", DOUBLE_EQUALS, "a")),
        ok("empty values", "x=,z= ", req("x", EQUALS, ""), req("z", EQUALS, "")),
        ok("does not exist", "!x", req("x", DOES_NOT_EXIST)),
        ok("greater and less", "x>1,y<2", req("x", GREATER_THAN, "1"), req("y", LESS_THAN, "2")),
        ok("in list sorted and distinct", "x in (b,a,b)", req("x", IN, "a", "b")),
        ok("notin empty set", "x notin ()", req("x", NOT_IN, "")),
        ok("leading comma", "x in (,a)", req("x", IN, "", "a")),
        ok("double comma", "x in (a,,b)", req("x", IN, "", "a", "b")),
        ok("trailing comma", "x in (a,)", req("x", IN, "", "a")),
        ok("keyword as value", "x in (in,notin)", req("x", IN, "in", "notin")),
        ok("keyword as key", "in in (a)", req("in", IN, "a")),
        ok("whitespace", "  x  in  ( a , b ) ,\ty ", req("x", IN, "a", "b"), req("y", EXISTS)),
        ok("prefixed key", "example.com/app=web", req("example.com/app", EQUALS, "web")),
        ok("mixed", "env in (prod),!canary,tier",
            req("canary", DOES_NOT_EXIST), req("env", IN, "prod"), req("tier", EXISTS)),
        error("garbage after requirement", "a=b c", "found 'c', expected: ',' or 'end of string'"),
        error("operator after value", "x==a==b", "found '==', expected: ',' or 'end of string'"),
        error("value after does-not-exist", "!x=a", "found '=', expected: ',' or 'end of string'"),
        error("starts with operator", "=a", "found '=', expected: !, identifier, or 'end of string'"),
        error("trailing comma", "x,", "found '', expected: identifier after ','"),
        error("double comma", "x,,y", "found ',', expected: identifier after ','"),
        error("missing operator", "x y",
            PARSE + "found 'y', expected: in, notin, =, ==, !=, gt, lt"),
        error("not as operator", "x!", PARSE + "found '!', expected: in, notin, =, ==, !=, gt, lt"),
        error("in without parenthesis", "x in a", PARSE + "found 'a' expected: '('"),
        error("unterminated set", "x in (", PARSE + "found '', expected: ',', ')' or identifier"),
        error("space in set", "x in (a b)", PARSE + "found 'b', expected: ',' or ')'"),
        error("operator in set", "x in (a,=)", PARSE + "found '=', expected: ',', or identifier"),
        error("parenthesis as exact value", "x=(a)", PARSE + "found '(', expected: identifier"),
        error("bang then operator", "! =a", PARSE + "found '=', expected: identifier"),
        error("not-equals first", "!=a", "found '!=', expected: !, identifier, or 'end of string'"),
        error("negative bound is no label value", "y<-2",
            PARSE + "values[0][y]: Invalid value: \"-2\": " + VALUE_REGEX),
        error("greater without value", "x>",
            PARSE + "values[0]: Invalid value: \"\": for 'Gt', 'Lt' operators, the value must be "
                + "an integer"),
        error("greater than word", "x>a",
            PARSE + "values[0]: Invalid value: \"a\": for 'Gt', 'Lt' operators, the value must be "
                + "an integer"),
        error("greater than out of range", "x>9223372036854775808",
            PARSE + "values[0]: Invalid value: \"9223372036854775808\": for 'Gt', 'Lt' operators, "
                + "the value must be an integer"),
        error("invalid value", "x=a||y", PARSE + "values[0][x]: Invalid value: \"a||y\": " + VALUE_REGEX),
        error("two value errors", "x<a@b",
            PARSE + "[values[0]: Invalid value: \"a@b\": for 'Gt', 'Lt' operators, the value must "
                + "be an integer, values[0][x]: Invalid value: \"a@b\": " + VALUE_REGEX + "]"),
        error("value too long", "x=" + "a".repeat(64),
            PARSE + "values[0][x]: Invalid value: \"" + "a".repeat(64)
                + "\": must be no more than 63 characters"),
        error("invalid key", "-x=a", PARSE + "<nil>: Invalid value: \"-x\": name part " + NAME_REGEX),
        error("key with two slashes", "a/b/c",
            PARSE + "<nil>: Invalid value: \"a/b/c\": a qualified name " + NAME_REGEX
                + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"),
        error("empty prefix", "/x", PARSE + "<nil>: Invalid value: \"/x\": prefix part must be non-empty"),
        error("empty name", "a/",
            PARSE + "<nil>: Invalid value: \"a/\": name part must be non-empty; name part "
                + NAME_REGEX),
        error("upper-case prefix", "Example.com/x",
            PARSE + "<nil>: Invalid value: \"Example.com/x\": prefix part " + SUBDOMAIN_REGEX),
        error("key too long", "k" + "a".repeat(63),
            PARSE + "<nil>: Invalid value: \"k" + "a".repeat(63)
                + "\": name part must be no more than 63 characters"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void parse_selector_returnsUpstreamRequirementsOrError(Case c) {
    assertThat(LabelSelectorParser.parse(c.selector())).isEqualTo(c.expected());
  }
}
