package io.gatehouse.auth.cel;

/**
 * The outcome of compiling one {@code matchConditions} expression.
 */
public sealed interface CompiledMatchCondition {

  /** Returns the expression as written. */
  String expression();

  /**
   * A condition ready to evaluate.
   *
   * @param expression the expression
   * @param program the compiled program (its output type is {@code bool})
   */
  record Compiled(String expression, io.gatehouse.cel.CompiledExpression program)
      implements CompiledMatchCondition {}

  /**
   * A condition upstream rejects when the configuration is loaded.
   *
   * @param expression the expression
   * @param detail upstream's detail: {@code compilation failed: …}, {@code must evaluate to bool
   *     but got int} or {@code program instantiation failed: …}
   * @param internal whether upstream reports it as an internal error rather than an invalid value
   */
  record Invalid(String expression, String detail, boolean internal)
      implements CompiledMatchCondition {}
}
