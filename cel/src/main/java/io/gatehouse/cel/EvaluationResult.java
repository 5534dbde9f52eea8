package io.gatehouse.cel;

/**
 * The outcome of one evaluation: a value or an error, each with the runtime cost spent.
 *
 * <p>{@code cost} is {@link #UNTRACKED} when the evaluation ran without cost tracking (allowed only
 * when the static estimate proves the limits cannot be reached).
 */
public sealed interface EvaluationResult {

  /** The cost reported by evaluations that ran without tracking. */
  long UNTRACKED = -1;

  /** Returns the runtime cost, or {@link #UNTRACKED}. */
  long cost();

  /**
   * A value.
   *
   * @param value the CEL value ({@code Boolean}, {@code Long}, {@code String}, maps, lists, …)
   * @param cost the runtime cost
   */
  record Success(Object value, long cost) implements EvaluationResult {}

  /**
   * An evaluation error.
   *
   * @param message the error as cel-go words it, e.g. {@code no such key: foo}
   * @param cost the runtime cost spent before the error
   * @param costLimitExceeded whether the error is the per-expression cost limit
   */
  record Failure(String message, long cost, boolean costLimitExceeded)
      implements EvaluationResult {}
}
