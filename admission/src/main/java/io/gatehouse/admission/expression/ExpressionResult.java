package io.gatehouse.admission.expression;

/** The outcome of one expression of a filter. */
public sealed interface ExpressionResult {

  /**
   * A value.
   *
   * @param value the CEL value
   */
  record Value(Object value) implements ExpressionResult {}

  /**
   * An error, worded as upstream: {@code expression '<e>' resulted in error: <err>} or {@code
   * compilation error: <details>}.
   *
   * @param message the error text
   */
  record Error(String message) implements ExpressionResult {}
}
