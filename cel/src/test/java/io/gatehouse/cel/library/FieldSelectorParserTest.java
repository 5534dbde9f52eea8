package io.gatehouse.cel.library;

import static io.gatehouse.api.authz.SelectorOperator.EQUALS;
import static io.gatehouse.api.authz.SelectorOperator.NOT_EQUALS;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.authz.FieldSelectorRequirement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FieldSelectorParserTest {

  private record Case(String name, String selector, SelectorParse<FieldSelectorRequirement> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case ok(String name, String selector, FieldSelectorRequirement... requirements) {
    return new Case(name, selector, new SelectorParse<>(List.of(requirements), ""));
  }

  private static Case error(String name, String selector, String error) {
    return new Case(name, selector, SelectorParse.failed(error));
  }

  private static FieldSelectorRequirement req(
      String field, io.gatehouse.api.authz.SelectorOperator op, String value) {
    return new FieldSelectorRequirement(field, op, value);
  }

  static Stream<Case> cases() {
    return Stream.of(
        ok("single equality", "spec.nodeName=mynode", req("spec.nodeName", EQUALS, "mynode")),
        ok("double equals is equality", "a==b", req("a", EQUALS, "b")),
        ok("not equals", "a!=b", req("a", NOT_EQUALS, "b")),
        ok("terms sorted", "b=1,a=2", req("a", EQUALS, "2"), req("b", EQUALS, "1")),
        ok("sorted by raw term text", "a==x,a!=y", req("a", NOT_EQUALS, "y"), req("a", EQUALS, "x")),
        ok("empty selector", ""),
        ok("empty terms skipped", ",a=b,", req("a", EQUALS, "b")),
        ok("empty value", "a=", req("a", EQUALS, "")),
        ok("empty field kept", "=b", req("", EQUALS, "b")),
        ok("empty term dropped", "="),
        ok("escaped comma", "a=b\\,c", req("a", EQUALS, "b,c")),
        ok("escaped equals", "a=b\\=c", req("a", EQUALS, "b=c")),
        ok("escaped backslash", "a=b\\\\c", req("a", EQUALS, "b\\c")),
        ok("spaces kept", "a = b", req("a ", EQUALS, " b")),
        error("no operator", "abc", "invalid selector: 'abc'; can't understand 'abc'"),
        error("no operator in second term", "x=1,abc",
            "invalid selector: 'x=1,abc'; can't understand 'abc'"),
        error("unescaped equals", "a=b=c",
            "invalid field selector: unescaped character in value: 61"),
        error("unescaped equals after not", "a!=b=c",
            "invalid field selector: unescaped character in value: 61"),
        error("unknown escape", "a=b\\x", "invalid field selector: invalid escape sequence: \\x"),
        error("trailing backslash", "a=b\\", "invalid field selector: invalid escape sequence: \\"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void parse_selector_returnsUpstreamRequirementsOrError(Case c) {
    assertThat(FieldSelectorParser.parse(c.selector())).isEqualTo(c.expected());
  }
}
