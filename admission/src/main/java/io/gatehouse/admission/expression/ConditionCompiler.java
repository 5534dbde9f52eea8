package io.gatehouse.admission.expression;

import dev.cel.common.types.CelType;
import io.gatehouse.cel.CompilationError;
import io.gatehouse.cel.CompilationResult;
import io.gatehouse.cel.CompiledExpression;
import io.gatehouse.cel.Environment;
import java.util.List;
import java.util.StringJoiner;

/**
 * Compiles admission expressions as upstream's {@code CompileCELExpression}: compile errors become
 * {@code compilation failed: <issues>}, and the output type must equal one of the declared return
 * types ({@code must evaluate to bool but got dyn}). Stateless; thread-safe.
 */
public final class ConditionCompiler {

  private ConditionCompiler() {}

  /**
   * Compiles {@code expression} in {@code environment}; an empty {@code returnTypes} accepts any
   * output type (variables).
   */
  public static CompiledCondition compile(
      Environment environment, String expression, List<CelType> returnTypes) {
    CompilationResult result = environment.compile(expression);
    if (result instanceof CompilationError error) {
      return new CompiledCondition(
          expression, null, "compilation failed: " + error.message(), null);
    }
    CompiledExpression program = (CompiledExpression) result;
    CelType output = program.outputType();
    if (!returnTypes.isEmpty() && !returnTypes.contains(output)) {
      String reason;
      if (returnTypes.size() == 1) {
        reason = "must evaluate to " + CelTypeNames.of(returnTypes.get(0));
      } else {
        StringJoiner names = new StringJoiner(" ", "must evaluate to one of [", "]");
        returnTypes.forEach(t -> names.add(CelTypeNames.of(t)));
        reason = names.toString();
      }
      return new CompiledCondition(
          expression, null, reason + " but got " + CelTypeNames.of(output), null);
    }
    return new CompiledCondition(expression, program, null, output);
  }
}
