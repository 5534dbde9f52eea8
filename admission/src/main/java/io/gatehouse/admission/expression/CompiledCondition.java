package io.gatehouse.admission.expression;

import dev.cel.common.types.CelType;
import io.gatehouse.cel.CompiledExpression;
import org.jspecify.annotations.Nullable;

/**
 * One admission expression after compilation: a program, or upstream's compile error text.
 *
 * <p>Immutable and thread-safe.
 *
 * @param expression the expression as written
 * @param program the program, or null if compilation failed
 * @param error upstream's error text ({@code compilation failed: ERROR: …} or {@code must evaluate
 *     to bool but got int}), or null
 * @param outputType the checked output type, or null if compilation failed
 */
public record CompiledCondition(
    String expression,
    @Nullable CompiledExpression program,
    @Nullable String error,
    @Nullable CelType outputType) {

  /** Returns the static maximum cost, {@code 0} for a failed compilation (it never runs). */
  public long maxCost() {
    return program == null ? 0 : program.estimatedCost().max();
  }
}
