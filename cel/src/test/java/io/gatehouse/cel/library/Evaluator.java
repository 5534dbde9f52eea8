package io.gatehouse.cel.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.cel.Activation;
import io.gatehouse.cel.CompilationResult;
import io.gatehouse.cel.CompiledExpression;
import io.gatehouse.cel.Environment;
import io.gatehouse.cel.EnvironmentType;
import io.gatehouse.cel.EvaluationResult;
import io.gatehouse.cel.KubernetesVersion;
import java.util.Map;

/** Compiles and evaluates test expressions through the public {@link Environment} API. */
final class Evaluator {

  private final Environment environment;
  private final Activation activation;

  private Evaluator(Environment environment, Activation activation) {
    this.environment = environment;
    this.activation = activation;
  }

  /** An evaluator for the stored-expressions environment of {@code server}, with no variables. */
  static Evaluator of(KubernetesVersion server) {
    return new Evaluator(
        Environment.builder(server, EnvironmentType.STORED_EXPRESSIONS).build(),
        Activation.empty());
  }

  /** An evaluator for {@code environment} binding {@code values}. */
  static Evaluator of(Environment environment, Map<String, ?> values) {
    return new Evaluator(environment, Activation.of(values));
  }

  CompilationResult compile(String expression) {
    return environment.compile(expression);
  }

  /** Evaluates with and without cost tracking and checks that both agree. */
  EvaluationResult evaluate(String expression) {
    CompilationResult compiled = compile(expression);
    assertThat(compiled).as(expression).isInstanceOf(CompiledExpression.class);
    CompiledExpression program = (CompiledExpression) compiled;
    EvaluationResult untracked = program.evaluate(activation);
    EvaluationResult tracked = program.evaluate(activation, Long.MAX_VALUE);
    assertThat(stripCost(tracked)).as(expression).isEqualTo(stripCost(untracked));
    return untracked;
  }

  /** Returns the value of a successful evaluation, failing the test otherwise. */
  Object value(String expression) {
    EvaluationResult result = evaluate(expression);
    assertThat(result).as(expression).isInstanceOf(EvaluationResult.Success.class);
    return ((EvaluationResult.Success) result).value();
  }

  /** Returns the message of a failed evaluation, failing the test otherwise. */
  String failure(String expression) {
    EvaluationResult result = evaluate(expression);
    assertThat(result).as(expression).isInstanceOf(EvaluationResult.Failure.class);
    return ((EvaluationResult.Failure) result).message();
  }

  private static Object stripCost(EvaluationResult r) {
    return switch (r) {
      case EvaluationResult.Success s -> s.value();
      case EvaluationResult.Failure f -> f.message();
    };
  }
}
