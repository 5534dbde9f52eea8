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

  private Evaluator(Environment env) {
    this.env = env;
  }

  static Evaluator of(Environment env) {
    return new Evaluator(env);
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

  /** Returns the compile error message, failing if {@code expression} compiles. */
  String compileError(String expression) {
    CompilationResult result = env.compile(expression);
    assertThat(result).isInstanceOf(CompilationError.class);
    return ((CompilationError) result).message();
  }

  /** Evaluates without variables, with and without cost tracking, and checks both agree. */
  Object value(String expression) {
    Object value = value(expression, Map.of());
    EvaluationResult tracked = compile(expression).evaluate(Activation.empty(), Long.MAX_VALUE);
    assertThat(tracked).isInstanceOf(EvaluationResult.Success.class);
    assertThat(((EvaluationResult.Success) tracked).value()).isEqualTo(value);
    return value;
  }

  Object value(String expression, Map<String, ?> variables) {
    EvaluationResult result = compile(expression).evaluate(Activation.of(variables));
    assertThat(result).isInstanceOf(EvaluationResult.Success.class);
    return ((EvaluationResult.Success) result).value();
  }

  /** Evaluates without variables, with and without cost tracking, and checks both agree. */
  String failure(String expression) {
    String message = failure(expression, Map.of());
    EvaluationResult tracked = compile(expression).evaluate(Activation.empty(), Long.MAX_VALUE);
    assertThat(tracked).isInstanceOf(EvaluationResult.Failure.class);
    assertThat(((EvaluationResult.Failure) tracked).message()).isEqualTo(message);
    return message;
  }

  String failure(String expression, Map<String, ?> variables) {
    EvaluationResult result = compile(expression).evaluate(Activation.of(variables));
    assertThat(result).isInstanceOf(EvaluationResult.Failure.class);
    return ((EvaluationResult.Failure) result).message();
  }
}
