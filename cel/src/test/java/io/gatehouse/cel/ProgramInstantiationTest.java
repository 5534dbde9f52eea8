package io.gatehouse.cel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.common.types.SimpleType;
import io.gatehouse.cel.CompilationError.Stage;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Errors of cel-go's program creation under {@code cel.OptOptimize} (Kubernetes' {@code program
 * instantiation failed: …}): folded conversions of constants, and their order with the constant
 * regex precompilation of the regex library.
 */
class ProgramInstantiationTest {

  private static final String TO_INT = "type conversion error from 'string' to 'int'";
  private static final String TO_DURATION =
      "type conversion error from 'string' to 'google.protobuf.Duration'";
  private static final String TO_TIMESTAMP =
      "type conversion error from 'string' to 'google.protobuf.Timestamp'";
  private static final String BAD_CLASS = "error parsing regexp: missing closing ]: `[`";

  private record Case(String name, int minor, String expression, String programError) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Environment environment(int minor) {
    return Environment.builder(KubernetesVersion.of(1, minor), EnvironmentType.STORED_EXPRESSIONS)
        .variable("object", SimpleType.DYN)
        .variable("s", SimpleType.STRING)
        .build();
  }

  static Stream<Case> failures() {
    Stream<Case> everyVersion =
        IntStream.rangeClosed(28, 33)
            .boxed()
            .flatMap(
                minor ->
                    Stream.of(
                        new Case("int of word, 1." + minor, minor, "int('x') == 1", TO_INT),
                        new Case("uint of negative, 1." + minor, minor, "uint(-1) > 0u",
                            "unsigned integer overflow"),
                        new Case("duration through dyn, 1." + minor, minor,
                            "duration(dyn('bad')) > duration('1s')", TO_DURATION),
                        new Case("timestamp through dyn, 1." + minor, minor,
                            "timestamp(dyn('bad')) == timestamp(0)", TO_TIMESTAMP)));
    return Stream.concat(
        everyVersion,
        Stream.of(
            // Without literal validators (1.28) cel-go meets bad duration and timestamp
            // literals only when it folds them.
            new Case("duration literal, 1.28", 28, "duration('bad') > duration('1s')",
                TO_DURATION),
            new Case("timestamp literal, 1.28", 28, "timestamp('bad') == timestamp(0)",
                TO_TIMESTAMP),
            new Case("inside string()", 33, "string(int('x')) == '1'", TO_INT),
            new Case("of a folded string()", 33, "int(string(1.5)) == 1", TO_INT),
            new Case("of a folded dyn of a list", 33, "int(dyn([1])) == 1",
                "no such overload: int(list)"),
            new Case("in a branch never taken", 33, "true ? 1 : int('x')", TO_INT),
            new Case("in a comprehension over nothing", 33, "[].all(x, int('x') == x)", TO_INT),
            new Case("beside a variable", 33, "object.spec.replicas == int('x')", TO_INT),
            new Case("conversion before regex", 33, "int('x') == 1 || s.find('[') == ''",
                TO_INT),
            new Case("regex before conversion", 33, "s.find('[') == '' || int('x') == 1",
                BAD_CLASS),
            new Case("regex from folded bytes", 33, "s.find(string(b'[')) == ''", BAD_CLASS),
            new Case("regex from folded dyn", 28, "s.matches(dyn('['))", BAD_CLASS)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void compile_failingConstantFolding_failsProgramInstantiation(Case c) {
    CompilationError expected =
        new CompilationError(c.expression(), c.programError(), Stage.PROGRAM_INSTANTIATION);

    assertThat(environment(c.minor()).compile(c.expression())).isEqualTo(expected);
  }

  private record Value(String name, String expression, Object expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Value> values() {
    return Stream.of(
        new Value("valid conversions fold", "int('12') + int(dyn('3')) + int(string(5u))", 20L),
        new Value("conversion of a variable", "int(object.n) == 7", true),
        new Value("conversion of a computed value", "int(object.t + 'x') == 1 || true", true),
        new Value("type of a type name", "type(int) == type", true),
        new Value("regex of a variable", "s.find(object.p)", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("values")
  void compile_notFailingWhilePlanning_evaluates(Value v) {
    CompilationResult result = environment(33).compile(v.expression());

    assertThat(result).isInstanceOf(CompiledExpression.class);
    Object object = CelValues.fromJson(Map.of("n", "7", "t", "1", "p", "z"));
    EvaluationResult evaluation =
        ((CompiledExpression) result).evaluate(Activation.of(Map.of("object", object, "s", "abc")));
    assertThat(evaluation)
        .isInstanceOfSatisfying(
            EvaluationResult.Success.class, s -> assertThat(s.value()).isEqualTo(v.expected()));
  }
}
