package io.gatehouse.cel.library;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.primitives.UnsignedLong;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import io.gatehouse.cel.BaseEnvironment;
import io.gatehouse.cel.CompilationError;
import io.gatehouse.cel.Environment;
import io.gatehouse.cel.EnvironmentType;
import io.gatehouse.cel.KubernetesVersion;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SetsLibraryTest {

  private static final Evaluator EVAL =
      Evaluator.of(
          Environment.builder(KubernetesVersion.of(1, 33), EnvironmentType.STORED_EXPRESSIONS)
              .variable("x", ListType.create(SimpleType.INT))
              .variable("mixed", ListType.create(SimpleType.DYN))
              .build(),
          Map.of(
              "x", List.of(5L, 4L, 3L, 2L, 1L),
              "mixed", List.of(1L, 2.0, UnsignedLong.valueOf(3))));

  /**
   * cel-go's ext/sets_test.go expressions, all true. Its environment has no homogeneous-literal
   * rule, so mixed literals such as {@code [1.0, 1]} are written {@code [dyn(1.0), dyn(1)]} here.
   */
  static Stream<String> trueExpressions() {
    return Stream.of(
        "sets.contains(x, [1, 2, 3])",
        "sets.contains(x, [1, 1, 1, 1, 1])",
        "sets.contains([], [])",
        "sets.contains([1], [])",
        "sets.contains([1], [1])",
        "sets.contains([1], [1, 1])",
        "sets.contains([1, 1], [1])",
        "sets.contains([2, 1], [1])",
        "sets.contains([1, 2, 3, 4], [2, 3])",
        "sets.contains([dyn(1)], [dyn(1.0), dyn(1)])",
        "sets.contains([dyn(1), dyn(2)], [dyn(2u), dyn(2.0)])",
        "sets.contains([dyn(1), dyn(2u)], [dyn(2), dyn(2.0)])",
        "sets.contains([dyn(1), dyn(2.0), dyn(3u)], [dyn(1.0), dyn(2u), dyn(3)])",
        "sets.contains([[dyn(1)], [dyn(2), dyn(3)]], [[dyn(2), dyn(3.0)]])",
        "!sets.contains([1], [2])",
        "!sets.contains([1], [1, 2])",
        "!sets.contains([dyn(1)], [dyn('1'), dyn(1)])",
        "!sets.contains([dyn(1)], [dyn(1.1), dyn(1u)])",
        "sets.equivalent([], [])",
        "sets.equivalent([1], [1])",
        "sets.equivalent([1], [1, 1])",
        "sets.equivalent([1, 1], [1])",
        "sets.equivalent([dyn(1)], [dyn(1u), dyn(1.0)])",
        "sets.equivalent([dyn(1), dyn(2), dyn(3)], [dyn(3u), dyn(2.0), dyn(1)])",
        "sets.equivalent([[dyn(1.0)], [dyn(2), dyn(3)]], [[dyn(1)], [dyn(2), dyn(3.0)]])",
        "!sets.equivalent([2, 1], [1])",
        "!sets.equivalent([1], [1, 2])",
        "!sets.equivalent([dyn(1), dyn(2)], [dyn(2u), dyn(2), dyn(2.0)])",
        "!sets.equivalent([dyn(1), dyn(2)], [dyn(1u), dyn(2), dyn(2.3)])",
        "sets.intersects([1], [1])",
        "sets.intersects([1], [1, 1])",
        "sets.intersects([1, 1], [1])",
        "sets.intersects([2, 1], [1])",
        "sets.intersects([1], [1, 2])",
        "sets.intersects([dyn(1)], [dyn(1.0), dyn(2)])",
        "sets.intersects([dyn(1), dyn(2)], [dyn(2u), dyn(2), dyn(2.0)])",
        "sets.intersects([dyn(1), dyn(2)], [dyn(1u), dyn(2), dyn(2.3)])",
        "sets.intersects([[dyn(1)], [dyn(2), dyn(3)]], [[dyn(1), dyn(2)], [dyn(2), dyn(3.0)]])",
        "!sets.intersects([], [])",
        "!sets.intersects([1], [])",
        "!sets.intersects([1], [2])",
        "!sets.intersects([dyn(1)], [dyn('1'), dyn(2)])",
        "!sets.intersects([dyn(1)], [dyn(1.1), dyn(2u)])",
        // elements of list(dyn) data compare numerically, maps compare deeply
        "sets.equivalent(mixed, [3, 2, 1])",
        "sets.contains([{'a': 1}, {'b': 2}], [{'b': 2}])",
        "!sets.contains([{'a': 1}], [{'a': 2}])",
        "sets.intersects(['a', 'b'], ['b', 'c'])");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("trueExpressions")
  void evaluate_celGoVector_isTrue(String expression) {
    assertThat(EVAL.value(expression)).isEqualTo(true);
  }

  private record CompileCase(String expression, String message) {
    @Override
    public String toString() {
      return expression;
    }
  }

  static Stream<CompileCase> compileErrors() {
    return Stream.of(
        new CompileCase(
            "sets.contains([1], [1.0])",
            "ERROR: <input>:1:14: found no matching overload for 'sets.contains' applied to"
                + " '(list(int), list(double))'\n"
                + " | sets.contains([1], [1.0])\n"
                + " | .............^"),
        new CompileCase(
            "sets.intersects([1], 1)",
            "ERROR: <input>:1:16: found no matching overload for 'sets.intersects' applied to"
                + " '(list(int), int)'\n"
                + " | sets.intersects([1], 1)\n"
                + " | ...............^"),
        new CompileCase(
            "sets.equivalent(['a'], [1])",
            "ERROR: <input>:1:16: found no matching overload for 'sets.equivalent' applied to"
                + " '(list(string), list(int))'\n"
                + " | sets.equivalent(['a'], [1])\n"
                + " | ...............^"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("compileErrors")
  void compile_mismatchedListTypes_failsWithCelGoMessage(CompileCase c) {
    assertThat(EVAL.compileResult(c.expression()))
        .isEqualTo(new CompilationError(c.expression(), c.message()));
  }

  private record VersionCase(KubernetesVersion server, EnvironmentType type, boolean offered) {
    @Override
    public String toString() {
      return server + " " + type + (offered ? " offers sets" : " lacks sets");
    }
  }

  static Stream<VersionCase> versions() {
    return Stream.of(
        new VersionCase(KubernetesVersion.of(1, 28), EnvironmentType.STORED_EXPRESSIONS, false),
        new VersionCase(KubernetesVersion.of(1, 29), EnvironmentType.NEW_EXPRESSIONS, false),
        new VersionCase(KubernetesVersion.of(1, 29), EnvironmentType.STORED_EXPRESSIONS, true),
        new VersionCase(KubernetesVersion.of(1, 30), EnvironmentType.NEW_EXPRESSIONS, true),
        new VersionCase(KubernetesVersion.of(1, 33), EnvironmentType.NEW_EXPRESSIONS, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("versions")
  void compile_setsCall_onlyFromCompatibilityVersion129(VersionCase c) {
    Environment env = Environment.builder(c.server(), c.type()).build();
    assertThat(env.libraries().contains(SetsLibrary.INSTANCE)).isEqualTo(c.offered());
    assertThat(env.compile("sets.contains([1], [1])") instanceof CompilationError)
        .isEqualTo(!c.offered());
  }

  @Test
  void compile_setsCallOn128_reportsUndeclaredReference() {
    Environment env =
        Environment.builder(KubernetesVersion.of(1, 28), EnvironmentType.STORED_EXPRESSIONS)
            .build();
    // cel-go's checker first tries 'sets.contains' as a namespaced function, then checks the
    // target 'sets' as an identifier.
    assertThat(env.compile("sets.contains([1], [1])"))
        .isInstanceOfSatisfying(
            CompilationError.class,
            e ->
                assertThat(e.message())
                    .startsWith(
                        "ERROR: <input>:1:1: undeclared reference to 'sets' (in container '')\n"
                            + " | sets.contains([1], [1])\n"
                            + " | ^\n"));
  }

  @Test
  void libraries_introducedVersion_matchesBaseEnvironment() {
    KubernetesVersion server = KubernetesVersion.NEWEST;
    assertThat(BaseEnvironment.libraries(KubernetesVersion.of(1, 28), server))
        .contains(ListsLibrary.INSTANCE, RegexLibrary.INSTANCE, UrlsLibrary.INSTANCE)
        .doesNotContain(SetsLibrary.INSTANCE);
    assertThat(BaseEnvironment.libraries(KubernetesVersion.of(1, 29), server))
        .contains(SetsLibrary.INSTANCE);
    assertThat(BaseEnvironment.libraries(KubernetesVersion.of(1, 0), server))
        .contains(ListsLibrary.INSTANCE, RegexLibrary.INSTANCE, UrlsLibrary.INSTANCE);
  }
}
