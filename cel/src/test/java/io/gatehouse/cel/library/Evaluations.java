package io.gatehouse.cel.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.common.types.SimpleType;
import io.gatehouse.cel.Activation;
import io.gatehouse.cel.CelValues;
import io.gatehouse.cel.CompilationError;
import io.gatehouse.cel.CompilationResult;
import io.gatehouse.cel.CompiledExpression;
import io.gatehouse.cel.Environment;
import io.gatehouse.cel.EnvironmentType;
import io.gatehouse.cel.EvaluationResult;
import io.gatehouse.cel.KubernetesVersion;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles and evaluates expressions in Kubernetes environments for the library tests: stored
 * expressions on a server of the given minor, with a dyn variable {@code object}.
 */
final class Evaluations {

  private static final Map<Integer, Environment> ENVIRONMENTS = new ConcurrentHashMap<>();

  private Evaluations() {}

  static Environment server(int minor) {
    return ENVIRONMENTS.computeIfAbsent(
        minor,
        m ->
            Environment.builder(KubernetesVersion.of(1, m), EnvironmentType.STORED_EXPRESSIONS)
                .variable("object", SimpleType.DYN)
                .build());
  }

  static CompilationResult compile(int minor, String expression) {
    return server(minor).compile(expression);
  }

  /** Evaluates with {@code object} bound to {@code object} converted from JSON. */
  static EvaluationResult evaluate(int minor, String expression, Object object) {
    CompilationResult compiled = compile(minor, expression);
    assertThat(compiled).as(expression).isInstanceOf(CompiledExpression.class);
    return ((CompiledExpression) compiled)
        .evaluate(Activation.of(Map.of("object", CelValues.fromJson(object))), 10_000_000);
  }

  static EvaluationResult evaluate(int minor, String expression) {
    return evaluate(minor, expression, Map.of());
  }

  /** Returns the value of a successful evaluation; fails the test otherwise. */
  static Object value(int minor, String expression) {
    return value(minor, expression, Map.of());
  }

  /** Returns the value of a successful evaluation with {@code object} bound. */
  static Object value(int minor, String expression, Object object) {
    EvaluationResult result = evaluate(minor, expression, object);
    assertThat(result).as(expression).isInstanceOf(EvaluationResult.Success.class);
    return ((EvaluationResult.Success) result).value();
  }

  /** Returns the message of a failed evaluation; fails the test otherwise. */
  static String failure(int minor, String expression) {
    return failure(minor, expression, Map.of());
  }

  /** Returns the message of a failed evaluation with {@code object} bound. */
  static String failure(int minor, String expression, Object object) {
    EvaluationResult result = evaluate(minor, expression, object);
    assertThat(result).as(expression).isInstanceOf(EvaluationResult.Failure.class);
    return ((EvaluationResult.Failure) result).message();
  }

  /** Returns the compile error text; fails the test if the expression compiles. */
  static String compileError(int minor, String expression) {
    CompilationResult result = compile(minor, expression);
    assertThat(result).as(expression).isInstanceOf(CompilationError.class);
    return ((CompilationError) result).message();
  }
}
