package io.gatehouse.cel.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.cel.Environment;
import io.gatehouse.cel.EnvironmentType;
import io.gatehouse.cel.KubernetesVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The cases of upstream's {@code format_test.go} and more. */
class FormatLibraryTest {

  private static final Evaluator EVAL = Evaluator.stored(33);

  private static final List<String> NAMES =
      List.of("dns1123Label", "dns1123Subdomain", "dns1035Label", "qualifiedName",
          "dns1123LabelPrefix", "dns1123SubdomainPrefix", "dns1035LabelPrefix", "labelValue",
          "uri", "uuid", "byte", "date", "datetime");

  private static final String LABEL_ERR =
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and"
          + " must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc',"
          + " regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
  private static final String SUBDOMAIN_ERR =
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or"
          + " '.', and must start and end with an alphanumeric character (e.g. 'example.com',"
          + " regex used for validation is"
          + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
  private static final String DNS1035_ERR =
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an"
          + " alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or"
          + " 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

  private record Case(String name, String expression, Object expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case valid(String name, String expression) {
    return new Case(name, expression, Optional.empty());
  }

  private static Case invalid(String name, String expression, String... errors) {
    return new Case(name, expression, Optional.of(List.of(errors)));
  }

  static List<Case> values() {
    List<Case> cases = new ArrayList<>(List.of(
        valid("example dns1123Label", "format.dns1123Label().validate('my-label-name')"),
        valid("example dns1123Subdomain",
            "format.dns1123Subdomain().validate('apiextensions.k8s.io')"),
        valid("example qualifiedName",
            "format.qualifiedName().validate('apiextensions.k8s.io/v1beta1')"),
        valid("example dns1123LabelPrefix",
            "format.dns1123LabelPrefix().validate('my-label-prefix-')"),
        valid("example dns1123SubdomainPrefix",
            "format.dns1123SubdomainPrefix().validate('mysubdomain.prefix.-')"),
        valid("example dns1035LabelPrefix",
            "format.dns1035LabelPrefix().validate('my-label-prefix-')"),
        valid("example uri", "format.uri().validate('http://example.com')"),
        valid("example uuid", "format.uuid().validate('123e4567-e89b-12d3-a456-426614174000')"),
        valid("example byte", "format.byte().validate('aGVsbG8=')"),
        valid("example date", "format.date().validate('2021-01-01')"),
        valid("example datetime", "format.datetime().validate('2021-01-01T00:00:00Z')"),
        invalid("dns1123Label", "format.dns1123Label().validate('contains a space')", LABEL_ERR),
        invalid("dns1123Subdomain", "format.dns1123Subdomain().validate('contains a space')",
            SUBDOMAIN_ERR),
        invalid("dns1035Label", "format.dns1035Label().validate('contains a space')",
            DNS1035_ERR),
        invalid("qualifiedName", "format.qualifiedName().validate('contains a space')",
            "name part must consist of alphanumeric characters, '-', '_' or '.', and must start"
                + " and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or"
                + " '123-abc', regex used for validation is"
                + " '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"),
        invalid("dns1123LabelPrefix",
            "format.dns1123LabelPrefix().validate('contains a space-')", LABEL_ERR),
        invalid("dns1123SubdomainPrefix",
            "format.dns1123SubdomainPrefix().validate('contains a space-')", SUBDOMAIN_ERR),
        invalid("dns1035LabelPrefix",
            "format.dns1035LabelPrefix().validate('contains a space-')", DNS1035_ERR),
        invalid("dns1123Label too long", "format.dns1123Label().validate('" + "a".repeat(64) + "')",
            "must be no more than 63 characters"),
        invalid("dns1123Label dots", "format.dns1123Label().validate('a.b')",
            "must not contain dots"),
        valid("dns1123Label success", "format.dns1123Label().validate('my-label-name')"),
        valid("dns1123Subdomain success", "format.dns1123Subdomain().validate('example.com')"),
        valid("dns1035Label success", "format.dns1035Label().validate('my-label-name')"),
        valid("qualifiedName success", "format.qualifiedName().validate('my.name')"),
        valid("byte success", "format.byte().validate('aGVsbG8=')"),
        invalid("byte failure", "format.byte().validate('aGVsbG8')", "invalid base64"),
        invalid("byte empty", "format.byte().validate('')", "invalid base64"),
        invalid("byte url alphabet", "format.byte().validate('a-_b')", "invalid base64"),
        valid("byte no padding needed", "format.byte().validate('YWJj')"),
        valid("date success", "format.date().validate('2020-01-01')"),
        invalid("date failure", "format.date().validate('2020-01-32')", "invalid date"),
        valid("date leap day", "format.date().validate('2024-02-29')"),
        invalid("date not leap", "format.date().validate('2100-02-29')", "invalid date"),
        invalid("date short month", "format.date().validate('2020-1-01')", "invalid date"),
        valid("datetime success", "format.datetime().validate('2020-01-01T00:00:00Z')"),
        invalid("datetime failure", "format.datetime().validate('2020-01-32T00:00:00Z')",
            "invalid datetime"),
        valid("datetime offset fraction",
            "format.datetime().validate('2020-01-01t23:59:59.123+05:30')"),
        invalid("datetime hour", "format.datetime().validate('2020-01-01T24:00:00Z')",
            "invalid datetime"),
        invalid("datetime no zone", "format.datetime().validate('2020-01-01T00:00:00')",
            "invalid datetime"),
        valid("datetime any rune before fraction",
            "format.datetime().validate('2020-01-01T00:00:00\\U0001F600' + '1Z')"),
        valid("datetime ignores after second t",
            "format.datetime().validate('2020-01-01T00:00:00ZTrailing')"),
        invalid("uuid failure", "format.uuid().validate('123e4567-e89b-12d3-a456')",
            "does not match the UUID format"),
        valid("uuid without dashes",
            "format.uuid().validate('123E4567E89B12D3A456426614174000')"),
        invalid("uri relative", "format.uri().validate('foo')",
            "parse \"foo\": invalid URI for request"),
        invalid("uri empty", "format.uri().validate('')", "parse \"\": empty url"),
        invalid("uri missing scheme", "format.uri().validate(':foo')",
            "parse \":foo\": missing protocol scheme"),
        invalid("uri host space", "format.uri().validate('http://a b.com/')",
            "parse \"http://a b.com/\": invalid character \" \" in host name"),
        invalid("uri port", "format.uri().validate('http://host:port/')",
            "parse \"http://host:port/\": invalid port \":port\" after host"),
        invalid("uri bracket", "format.uri().validate('http://[::1/x')",
            "parse \"http://[::1/x\": missing ']' in host"),
        invalid("uri escape", "format.uri().validate('/path%zz')",
            "parse \"/path%zz\": invalid URL escape \"%zz\""),
        invalid("uri userinfo", "format.uri().validate('http://us er@host/')",
            "parse \"http://us er@host/\": net/url: invalid userinfo"),
        invalid("uri control", "format.uri().validate('http://a/\\x7f')",
            "parse \"http://a/\\x7f\": net/url: invalid control character in URL"),
        // Go slices the escape by bytes and quotes the broken UTF-8 byte as \xc3.
        invalid("uri escape cuts a rune", "format.uri().validate('/%aé')",
            "parse \"/%aé\": invalid URL escape \"%a\\xc3\""),
        valid("uri opaque", "format.uri().validate('mailto:someone@example.com')"),
        valid("uri path", "format.uri().validate('/absolute/path?q=1')"),
        valid("uri ipv6 zone", "format.uri().validate('http://[fe80::1%25en0]:8080/')"),
        new Case("unknown format", "format.named('unknown').hasValue()", false),
        valid("labelValue success", "format.labelValue().validate('my-cool-label-Value')"),
        invalid("labelValue failure",
            "format.labelValue().validate('my-cool-label-Value!!\\n\\n!!!')",
            "a valid label must be an empty string or consist of alphanumeric characters, '-',"
                + " '_' or '.', and must start and end with an alphanumeric character (e.g."
                + " 'MyValue',  or 'my_value',  or '12345', regex used for validation is"
                + " '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"),
        new Case("value of errors", "format.dns1123Label().validate('A').value().size()", 1L),
        new Case("format equals null", "format.uuid() == dyn(null)", false)));
    for (String lhs : NAMES) {
      cases.add(new Case("lookup " + lhs, "format.named('" + lhs + "').hasValue()", true));
      cases.add(new Case("lookup equals " + lhs,
          "format.named('" + lhs + "').value() == format." + lhs + "()", true));
      for (String rhs : NAMES) {
        if (!lhs.equals(rhs)) {
          cases.add(new Case("compare " + lhs + " " + rhs,
              "format." + lhs + "() == format." + rhs + "()", false));
        }
      }
    }
    return cases;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("values")
  void evaluate_expression_returnsUpstreamValue(Case c) {
    assertThat(EVAL.value(c.expression())).isEqualTo(c.expected());
  }

  static List<Case> errors() {
    return List.of(
        new Case("prefix lone dash", "format.dns1123LabelPrefix().validate('-')",
            "internal error: runtime error: slice bounds out of range [:-1]"),
        new Case("format equals int", "format.uuid() == dyn(1)", "no such overload"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void evaluate_failingExpression_returnsUpstreamMessage(Case c) {
    assertThat(EVAL.failure(c.expression())).isEqualTo(c.expected());
  }

  @Test
  void compile_beforeKubernetes131_doesNotKnowFormat() {
    Evaluator compat130 =
        Evaluator.of(
            Environment.builder(KubernetesVersion.of(1, 31), EnvironmentType.NEW_EXPRESSIONS)
                .build());
    assertThat(compat130.compileError("format.named('uuid').hasValue()"))
        .contains("undeclared reference to 'format'");
    assertThat(Evaluator.stored(31).value("format.named('uuid').hasValue()")).isEqualTo(true);
  }

  private record SizeCase(String name, long maxRegexSize) {
    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * Upstream's {@code MaxRegexSize} per format; uri, uuid, byte, date and datetime are Go's {@code
   * len} of govalidator's {@code URL} and {@code Base64} (v0.0.0-20190424111038-f61b66f89f4a) and
   * kube-openapi's {@code strfmt.UUIDPattern} and {@code strfmt.DateTimePattern}.
   */
  static List<SizeCase> regexSizes() {
    return List.of(
        new SizeCase("dns1123Label", 30),
        new SizeCase("dns1123Subdomain", 60),
        new SizeCase("dns1035Label", 30),
        new SizeCase("qualifiedName", 60),
        new SizeCase("dns1123LabelPrefix", 30),
        new SizeCase("dns1123SubdomainPrefix", 60),
        new SizeCase("dns1035LabelPrefix", 30),
        new SizeCase("labelValue", 40),
        new SizeCase("uri", 1120),
        new SizeCase("uuid", 70),
        new SizeCase("byte", 84),
        new SizeCase("date", 71),
        new SizeCase("datetime", 71));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("regexSizes")
  void maxRegexSize_namedFormat_isUpstreamMaxRegexSize(SizeCase c) {
    NamedFormat format = FormatLibrary.named(c.name());

    assertThat(format).isNotNull();
    assertThat(format.maxRegexSize()).isEqualTo(c.maxRegexSize());
  }

  @Test
  void regexSizes_everyFormat_isListed() {
    assertThat(regexSizes()).extracting(SizeCase::name).containsExactlyElementsOf(NAMES);
  }
}
