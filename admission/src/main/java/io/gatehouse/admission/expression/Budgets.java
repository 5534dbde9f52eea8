package io.gatehouse.admission.expression;

/** Upstream's CEL limits for admission ({@code apis/cel/config.go}). */
public final class Budgets {

  /** The cost limit of one expression evaluation. */
  public static final long PER_CALL_LIMIT = 1_000_000;

  /** The budget of one policy evaluation (one binding and param). */
  public static final long RUNTIME_BUDGET = 10_000_000;

  /** The budget of the match conditions of one policy evaluation or webhook. */
  public static final long MATCH_CONDITIONS_BUDGET = 2_500_000;

  /** The greatest messageExpression result used as a message, in bytes. */
  public static final int MAX_MESSAGE_BYTES = 5 * 1024;

  /** The text of a budget exhausted by a list of expressions. */
  public static final String OUT_OF_BUDGET =
      "validation failed due to running out of cost budget, no further validation rules will be run";

  private Budgets() {}
}
