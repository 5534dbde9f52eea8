package io.gatehouse.cel.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.cel.Activation;
import io.gatehouse.cel.CompilationError;
import io.gatehouse.cel.CompilationResult;
import io.gatehouse.cel.CompiledExpression;
import io.gatehouse.cel.Environment;
import io.gatehouse.cel.EnvironmentType;
import io.gatehouse.cel.EvaluationResult;
import io.gatehouse.cel.KubernetesVersion;
import java.util.Map;

/** Compiles and evaluates expressions in a real {@link Environment} for library tests. */
final class Evaluator {

  private final Environment env;
  private final Map<String, ?> variables;

  private Evaluator(Environment env, Map<String, ?> variables) {
    this.env = env;
    this.variables = Map.copyOf(variables);
  }

  static Evaluator of(Environment env) {
    return new Evaluator(env, Map.of());
  }

  /** An evaluator whose {@link #value(String)} and {@link #failure(String)} bind {@code vars}. */
  static Evaluator of(Environment env, Map<String, ?> vars) {
    return new Evaluator(env, vars);
  }

  /** An environment for stored expressions on a server of {@code 1.minor}. */
  static Evaluator stored(int minor) {
    return of(
        Environment.builder(KubernetesVersion.of(1, minor), EnvironmentType.STORED_EXPRESSIONS)
            .build());
  }

  CompiledExpression compile(String expression) {
    CompilationResult result = env.compile(expression);
    assertThat(result).isInstanceOf(CompiledExpression.class);
    return (CompiledExpression) result;
  }

  /** Returns the compilation result, whether it compiled or not. */
  CompilationResult compileResult(String expression) {
    return env.compile(expression);
  }

  /** Returns the compile error message, failing if {@code expression} compiles. */
  String compileError(String expression) {
    CompilationResult result = env.compile(expression);
    assertThat(result).isInstanceOf(CompilationError.class);
    return ((CompilationError) result).message();
  }

  /** Evaluates with the bound variables, with and without cost tracking, checking both agree. */
  Object value(String expression) {
    Object value = value(expression, variables);
    EvaluationResult tracked =
        compile(expression).evaluate(Activation.of(variables), Long.MAX_VALUE);
    assertThat(tracked).isInstanceOf(EvaluationResult.Success.class);
    assertThat(((EvaluationResult.Success) tracked).value()).isEqualTo(value);
    return value;
  }

  Object value(String expression, Map<String, ?> variables) {
    EvaluationResult result = compile(expression).evaluate(Activation.of(variables));
    assertThat(result).as(expression).isInstanceOf(EvaluationResult.Success.class);
    return ((EvaluationResult.Success) result).value();
  }

  /** Evaluates with the bound variables, with and without cost tracking, checking both agree. */
  String failure(String expression) {
    String message = failure(expression, variables);
    EvaluationResult tracked =
        compile(expression).evaluate(Activation.of(variables), Long.MAX_VALUE);
    assertThat(tracked).isInstanceOf(EvaluationResult.Failure.class);
    assertThat(((EvaluationResult.Failure) tracked).message()).isEqualTo(message);
    return message;
  }

  String failure(String expression, Map<String, ?> variables) {
    EvaluationResult result = compile(expression).evaluate(Activation.of(variables));
    assertThat(result).as(expression).isInstanceOf(EvaluationResult.Failure.class);
    return ((EvaluationResult.Failure) result).message();
  }
}
