package io.gatehouse.cel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.common.types.SimpleType;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Homogeneous aggregate literals in environments that have {@code format()} (compatibility 1.29+):
 * cel-go's strict validator, which exempts format's argument literals.
 */
class HomogeneousLiteralsValidatorTest {

  private static final Environment ENV =
      Environment.builder(KubernetesVersion.of(1, 30), EnvironmentType.STORED_EXPRESSIONS)
          .variable("object", SimpleType.DYN)
          .build();

  private record Case(String name, String expression, int column, String message) {
    @Override
    public String toString() {
      return name;
    }

    CompilationError error() {
      return new CompilationError(
          expression,
          "ERROR: <input>:1:" + column + ": " + message + "\n | " + expression + "\n | "
              + ".".repeat(column - 1) + "^");
    }
  }

  static Stream<Case> rejected() {
    return Stream.of(
        new Case("mixed list", "[1, 'a']", 5, "expected type 'int' but found 'string'"),
        new Case("dyn after string", "['a', object.x]", 13,
            "expected type 'string' but found 'dyn'"),
        new Case("map values", "{'a': 1, 'b': 'x'}", 15, "expected type 'int' but found 'string'"),
        new Case("nested lists", "[[1], ['a']]", 7,
            "expected type 'list(int)' but found 'list(string)'"),
        new Case("literal under another call inside format", "'%d'.format([size([1, 'a'])])",
            23, "expected type 'int' but found 'string'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejected")
  void compile_heterogeneousLiteral_isRejected(Case c) {
    assertThat(ENV.compile(c.expression())).isEqualTo(c.error());
  }

  static Stream<String> accepted() {
    return Stream.of(
        "[object.x, object.y]",
        "'%s %d'.format(['a', 1])",
        "'%s'.format([[1, 'a', {'k': 2.5, 3: true}]])",
        "[1, 2].exists(x, x == 1)");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void compile_homogeneousOrExemptLiteral_isAccepted(String expression) {
    assertThat(ENV.compile(expression)).isInstanceOf(CompiledExpression.class);
  }
}
