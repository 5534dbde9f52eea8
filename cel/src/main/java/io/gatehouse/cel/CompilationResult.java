package io.gatehouse.cel;

/**
 * The outcome of compiling one expression: a program ready to evaluate, or the compile error as
 * cel-go would print it. Compile errors are values, not exceptions.
 */
public sealed interface CompilationResult permits CompiledExpression, CompilationError {

  /** Returns the expression source as given. */
  String expression();
}
