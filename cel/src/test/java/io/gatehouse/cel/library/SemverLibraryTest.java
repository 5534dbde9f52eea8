package io.gatehouse.cel.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.cel.Environment;
import io.gatehouse.cel.EnvironmentType;
import io.gatehouse.cel.KubernetesVersion;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The cases of upstream's {@code semver_test.go} and blang/semver's parse and order rules. */
class SemverLibraryTest {

  private static final Evaluator EVAL = Evaluator.stored(33);

  private record Case(String name, String expression, Object expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Case> values() {
    return List.of(
        new Case("parse", "semver('1.2.3') == semver('1.2.3')", true),
        new Case("isSemver", "isSemver('1.2.3-beta.1+build.1')", true),
        new Case("isSemver empty", "isSemver('')", false),
        new Case("isSemver v prefix", "isSemver('v1.0.0')", false),
        new Case("isSemver leading whitespace", "isSemver(' 1.0.0')", false),
        new Case("isSemver contains whitespace", "isSemver('1. 0.0')", false),
        new Case("isSemver trailing whitespace", "isSemver('1.0.0 ')", false),
        new Case("isSemver leading zeros", "isSemver('01.01.01')", false),
        new Case("isSemver major only", "isSemver('1')", false),
        new Case("isSemver major minor only", "isSemver('1.1')", false),
        new Case("isSemver empty normalize", "isSemver('', true)", false),
        new Case("isSemver leading whitespace normalize", "isSemver(' 1.0.0', true)", false),
        new Case("isSemver contains whitespace normalize", "isSemver('1. 0.0', true)", false),
        new Case("isSemver trailing whitespace normalize", "isSemver('1.0.0 ', true)", false),
        new Case("isSemver v prefix normalize", "isSemver('v1.0.0', true)", true),
        new Case("isSemver leading zeros normalize", "isSemver('01.01.01', true)", true),
        new Case("isSemver major only normalize", "isSemver('1', true)", true),
        new Case("isSemver major minor only normalize", "isSemver('1.1', true)", true),
        new Case("isSemver normalize off", "isSemver('v1.0.0', false)", false),
        new Case("equality normalize", "semver('v01.01', true) == semver('1.1.0')", true),
        new Case("normalize zero patch prerelease",
            "semver('1.2.00-x', true) == semver('1.2.0-x')", true),
        new Case("normalize keeps prerelease", "semver('v1.2.03-rc.1', true).patch()", 3L),
        new Case("equality reflexivity", "semver('1.2.3') == semver('1.2.3')", true),
        new Case("inequality", "semver('1.2.3') == semver('1.0.0')", false),
        new Case("build metadata ignored", "semver('1.0.0+a') == semver('1.0.0+b')", true),
        new Case("less", "semver('1.0.0').isLessThan(semver('1.2.3'))", true),
        new Case("less false", "semver('1.0.0').isLessThan(semver('1.0.0'))", false),
        new Case("greater", "semver('1.2.3').isGreaterThan(semver('1.0.0'))", true),
        new Case("greater false", "semver('1.0.0').isGreaterThan(semver('1.0.0'))", false),
        new Case("compare equal", "semver('1.2.3').compareTo(semver('1.2.3'))", 0L),
        new Case("compare less", "semver('1.0.0').compareTo(semver('1.2.3'))", -1L),
        new Case("compare greater", "semver('1.2.3').compareTo(semver('1.0.0'))", 1L),
        new Case("major", "semver('1.2.3').major()", 1L),
        new Case("minor", "semver('1.2.3').minor()", 2L),
        new Case("patch", "semver('1.2.3').patch()", 3L),
        new Case("major beyond int64 wraps", "semver('18446744073709551615.0.0').major()", -1L),
        new Case("unsigned order",
            "semver('18446744073709551615.0.0').isGreaterThan(semver('1.0.0'))", true),
        new Case("prerelease order",
            "[semver('1.0.0-alpha'), semver('1.0.0-alpha.1'), semver('1.0.0-alpha.beta'),"
                + " semver('1.0.0-beta'), semver('1.0.0-beta.2'), semver('1.0.0-beta.11'),"
                + " semver('1.0.0-rc.1'), semver('1.0.0')]"
                + ".map(v, v.compareTo(semver('1.0.0-beta.2')))",
            List.of(-1L, -1L, -1L, -1L, 0L, 1L, 1L, 1L)),
        new Case("numeric prerelease below alphanumeric",
            "semver('1.0.0-1').isLessThan(semver('1.0.0-a'))", true),
        new Case("int on the left is unequal", "dyn(1) == semver('1.0.0')", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("values")
  void evaluate_expression_returnsUpstreamValue(Case c) {
    assertThat(EVAL.value(c.expression())).isEqualTo(c.expected());
  }

  static List<Case> errors() {
    return List.of(
        new Case("parse invalid version", "semver('v1.0')", "No Major.Minor.Patch elements found"),
        new Case("empty", "semver('')", "Version string empty"),
        new Case("major chars", "semver('a.0.0')",
            "Invalid character(s) found in major number \"a\""),
        new Case("major whitespace", "semver(' 1.0.0')",
            "Invalid character(s) found in major number \" 1\""),
        new Case("major zeros", "semver('01.0.0')",
            "Major number must not contain leading zeroes \"01\""),
        new Case("minor chars", "semver('1.a.0')",
            "Invalid character(s) found in minor number \"a\""),
        new Case("minor zeros", "semver('1.01.0')",
            "Minor number must not contain leading zeroes \"01\""),
        new Case("minor empty", "semver('1..0')",
            "strconv.ParseUint: parsing \"\": invalid syntax"),
        new Case("patch chars", "semver('1.0.a')",
            "Invalid character(s) found in patch number \"a\""),
        new Case("patch tab", "semver('1.0.0\\t')",
            "Invalid character(s) found in patch number \"0\\t\""),
        new Case("patch unicode", "semver('1.0.é')",
            "Invalid character(s) found in patch number \"é\""),
        new Case("patch no-break space", "semver('1.0.\\u00a0')",
            "Invalid character(s) found in patch number \"\\u00a0\""),
        new Case("patch zeros", "semver('1.0.01')",
            "Patch number must not contain leading zeroes \"01\""),
        new Case("major overflow", "semver('18446744073709551616.0.0')",
            "strconv.ParseUint: parsing \"18446744073709551616\": value out of range"),
        new Case("prerelease empty", "semver('1.0.0-')", "Prerelease is empty"),
        new Case("prerelease zeros", "semver('1.0.0-01')",
            "Numeric PreRelease version must not contain leading zeroes \"01\""),
        new Case("prerelease chars", "semver('1.0.0-a_b')",
            "Invalid character(s) found in prerelease \"a_b\""),
        new Case("build empty", "semver('1.0.0+')", "Build meta data is empty"),
        new Case("build chars", "semver('1.0.0+a_b')",
            "Invalid character(s) found in build meta data \"a_b\""),
        new Case("normalize short prerelease", "semver('1.0-beta', true)",
            "short version cannot contain PreRelease/Build meta data"),
        new Case("normalize empty", "semver('', true)",
            "strconv.ParseUint: parsing \"\": invalid syntax"),
        new Case("equality with int", "semver('1.0.0') == dyn(1)", "no such overload"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void evaluate_failingExpression_returnsUpstreamMessage(Case c) {
    assertThat(EVAL.failure(c.expression())).isEqualTo(c.expected());
  }

  @Test
  void compile_wrongArgument_reportsNoMatchingOverload() {
    assertThat(EVAL.compileError("isSemver([1, 2, 3])"))
        .contains("found no matching overload for 'isSemver' applied to '(list(int))'");
  }

  @Test
  void compile_beforeKubernetes133_doesNotKnowSemver() {
    Evaluator compat132 =
        Evaluator.of(
            Environment.builder(KubernetesVersion.of(1, 33), EnvironmentType.NEW_EXPRESSIONS)
                .build());
    assertThat(compat132.compileError("isSemver('1.0.0')"))
        .contains("undeclared reference to 'isSemver'");
  }
}
