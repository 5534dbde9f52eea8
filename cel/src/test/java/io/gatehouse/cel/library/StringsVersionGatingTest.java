package io.gatehouse.cel.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.cel.CompilationError;
import io.gatehouse.cel.CompilationResult;
import io.gatehouse.cel.CompiledExpression;
import io.gatehouse.cel.Environment;
import io.gatehouse.cel.EnvironmentType;
import io.gatehouse.cel.KubernetesVersion;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The strings library version an environment offers follows its compatibility version: version 0
 * before 1.29, version 2 from 1.29 (so new expressions get it on 1.30 servers).
 */
class StringsVersionGatingTest {

  private record Case(int serverMinor, EnvironmentType type, int stringsVersion) {
    @Override
    public String toString() {
      return "1." + serverMinor + " " + type + " -> strings v" + stringsVersion;
    }

    Environment environment() {
      return Environment.builder(KubernetesVersion.of(1, serverMinor), type).build();
    }
  }

  static Stream<Case> environments() {
    return Stream.of(
        new Case(28, EnvironmentType.STORED_EXPRESSIONS, 0),
        new Case(29, EnvironmentType.NEW_EXPRESSIONS, 0),
        new Case(29, EnvironmentType.STORED_EXPRESSIONS, 2),
        new Case(30, EnvironmentType.NEW_EXPRESSIONS, 2),
        new Case(30, EnvironmentType.STORED_EXPRESSIONS, 2),
        new Case(33, EnvironmentType.NEW_EXPRESSIONS, 2));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("environments")
  void libraries_byCompatibilityVersion_offerOneStringsVersion(Case c) {
    assertThat(c.environment().libraries())
        .filteredOn(l -> l instanceof StringsLibrary)
        .singleElement()
        .extracting(l -> ((StringsLibrary) l).version())
        .isEqualTo(c.stringsVersion());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("environments")
  void compile_formatAndQuote_onlyFromVersion2(Case c) {
    Class<? extends CompilationResult> expected =
        c.stringsVersion() >= 2 ? CompiledExpression.class : CompilationError.class;
    Environment env = c.environment();
    assertThat(env.compile("'%d items'.format([3])")).isInstanceOf(expected);
    assertThat(env.compile("strings.quote('a')")).isInstanceOf(expected);
    assertThat(env.compile("'abc'.charAt(1) + ['a'].join('-') + 'x'.trim()"))
        .isInstanceOf(CompiledExpression.class);
  }

  static Stream<Case> version0Environments() {
    return environments().filter(c -> c.stringsVersion() == 0);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("version0Environments")
  void compile_formatInVersion0_isUndeclared(Case c) {
    assertThat(c.environment().compile("'x'.format([])"))
        .isEqualTo(
            new CompilationError(
                "'x'.format([])",
                "ERROR: <input>:1:11: undeclared reference to 'format' (in container '')\n"
                    + " | 'x'.format([])\n"
                    + " | ..........^"));
  }
}
