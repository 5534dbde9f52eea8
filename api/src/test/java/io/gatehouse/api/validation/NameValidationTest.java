package io.gatehouse.api.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NameValidationTest {

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
  private static final String NAME_PART_ERR =
      "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end"
          + " with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex"
          + " used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
  private static final String LABEL_VALUE_ERR =
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or"
          + " '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or"
          + " 'my_value',  or '12345', regex used for validation is"
          + " '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

  private record Case(
      String name, Function<String, List<String>> validator, String input, List<String> errors) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Case> cases() {
    Function<String, List<String>> label = NameValidation::isDns1123Label;
    Function<String, List<String>> subdomain = NameValidation::isDns1123Subdomain;
    Function<String, List<String>> dns1035 = NameValidation::isDns1035Label;
    Function<String, List<String>> qualified = NameValidation::isQualifiedName;
    Function<String, List<String>> labelValue = NameValidation::isValidLabelValue;
    Function<String, List<String>> labelPrefix = s -> NameValidation.nameIsDnsLabel(s, true);
    Function<String, List<String>> subdomainPrefix =
        s -> NameValidation.nameIsDnsSubdomain(s, true);
    Function<String, List<String>> dns1035Prefix = s -> NameValidation.nameIsDns1035Label(s, true);
    String a63 = "a".repeat(63);
    String a64 = "a".repeat(64);
    return List.of(
        new Case("label ok", label, "my-label-name", List.of()),
        new Case("label digits", label, "123-abc", List.of()),
        new Case("label one char", label, "1", List.of()),
        new Case("label 63", label, a63, List.of()),
        new Case("label space", label, "contains a space", List.of(LABEL_ERR)),
        new Case("label empty", label, "", List.of(LABEL_ERR)),
        new Case("label upper", label, "Abc", List.of(LABEL_ERR)),
        new Case("label trailing dash", label, "abc-", List.of(LABEL_ERR)),
        new Case("label dots", label, "a.b", List.of("must not contain dots")),
        new Case("label 64", label, a64, List.of("must be no more than 63 characters")),
        new Case("label 64 with dots", label, "a." + "b".repeat(62),
            List.of("must be no more than 63 characters", "must not contain dots")),
        new Case("label bytes not chars", label, "é".repeat(32),
            List.of("must be no more than 63 characters", LABEL_ERR)),
        new Case("subdomain ok", subdomain, "apiextensions.k8s.io", List.of()),
        new Case("subdomain space", subdomain, "contains a space", List.of(SUBDOMAIN_ERR)),
        new Case("subdomain double dot", subdomain, "a..b", List.of(SUBDOMAIN_ERR)),
        new Case("subdomain trailing dot", subdomain, "a.", List.of(SUBDOMAIN_ERR)),
        new Case("subdomain dash before dot", subdomain, "a-.b", List.of(SUBDOMAIN_ERR)),
        new Case("subdomain newline", subdomain, "abc\n", List.of(SUBDOMAIN_ERR)),
        new Case("subdomain 254", subdomain, "a".repeat(254),
            List.of("must be no more than 253 characters")),
        new Case("dns1035 ok", dns1035, "my-label-name", List.of()),
        new Case("dns1035 digit first", dns1035, "1abc", List.of(DNS1035_ERR)),
        new Case("dns1035 space", dns1035, "contains a space", List.of(DNS1035_ERR)),
        new Case("qualified ok", qualified, "apiextensions.k8s.io/v1beta1", List.of()),
        new Case("qualified name", qualified, "my.name", List.of()),
        new Case("qualified upper underscore", qualified, "My_Name.1", List.of()),
        new Case("qualified space", qualified, "contains a space", List.of(NAME_PART_ERR)),
        new Case("qualified empty", qualified, "",
            List.of("name part must be non-empty", NAME_PART_ERR)),
        new Case("qualified empty prefix", qualified, "/name",
            List.of("prefix part must be non-empty")),
        new Case("qualified bad prefix", qualified, "Example.com/name",
            List.of("prefix part " + SUBDOMAIN_ERR)),
        new Case("qualified long name", qualified, "x/" + a64,
            List.of("name part must be no more than 63 characters")),
        new Case("qualified two slashes", qualified, "a/b/c",
            List.of("a qualified name must consist of alphanumeric characters, '-', '_' or '.',"
                + " and must start and end with an alphanumeric character (e.g. 'MyName',  or"
                + " 'my.name',  or '123-abc', regex used for validation is"
                + " '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain"
                + " prefix and '/' (e.g. 'example.com/MyName')")),
        new Case("label value ok", labelValue, "my-cool-label-Value", List.of()),
        new Case("label value empty", labelValue, "", List.of()),
        new Case("label value bad", labelValue, "my-cool-label-Value!!\n\n!!!",
            List.of(LABEL_VALUE_ERR)),
        new Case("label value 64", labelValue, a64, List.of("must be no more than 63 characters")),
        new Case("label prefix ok", labelPrefix, "my-label-prefix-", List.of()),
        new Case("label prefix space", labelPrefix, "contains a space-", List.of(LABEL_ERR)),
        // maskTrailingDash drops the byte before the dash too: "ab-" is checked as "aa".
        new Case("label prefix masks two bytes", labelPrefix, "a.-", List.of()),
        new Case("label prefix masks bytes", labelPrefix, "é-", List.of(LABEL_ERR)),
        new Case("subdomain prefix ok", subdomainPrefix, "mysubdomain.prefix.-", List.of()),
        new Case("subdomain prefix space", subdomainPrefix, "contains a space-",
            List.of(SUBDOMAIN_ERR)),
        new Case("dns1035 prefix ok", dns1035Prefix, "my-label-prefix-", List.of()),
        new Case("dns1035 prefix space", dns1035Prefix, "contains a space-",
            List.of(DNS1035_ERR)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void validate_input_returnsApimachineryErrors(Case c) {
    assertThat(c.validator().apply(c.input())).isEqualTo(c.errors());
  }

  @Test
  void nameIsDnsLabel_loneDashPrefix_failsAsUpstreamPanics() {
    assertThatThrownBy(() -> NameValidation.nameIsDnsLabel("-", true))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("runtime error: slice bounds out of range [:-1]");
  }

  @Test
  void nameIsDnsLabel_loneDashWithoutPrefix_returnsRegexError() {
    assertThat(NameValidation.nameIsDnsLabel("-", false)).containsExactly(LABEL_ERR);
  }
}
