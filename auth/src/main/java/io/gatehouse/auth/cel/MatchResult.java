package io.gatehouse.auth.cel;

/** What a webhook's matchConditions say about one request. */
public sealed interface MatchResult {

  /** Every condition is true (or there are none): the webhook is called. */
  record Matched() implements MatchResult {}

  /**
   * A condition is false: the webhook is skipped with no opinion.
   *
   * @param index the index of the first false condition
   * @param expression its expression
   */
  record NotMatched(int index, String expression) implements MatchResult {}

  /**
   * No condition is false but at least one failed: the failure policy decides.
   *
   * @param error upstream's error text (aggregated when several failed)
   */
  record Errored(String error) implements MatchResult {}
}
