package io.gatehouse.admission.matching;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of evaluating match conditions.
 *
 * @param matches whether the request matched (false when skipped for an error under {@code
 *     Ignore})
 * @param error the error under {@code Fail} (upstream's aggregate text), or null
 * @param failedConditionName the name of the condition that evaluated to false, or null
 * @param failedConditionIndex the index of that condition, or -1
 */
public record MatchConditionResult(
    boolean matches,
    @Nullable String error,
    @Nullable String failedConditionName,
    int failedConditionIndex) {

  static final MatchConditionResult MATCHED = new MatchConditionResult(true, null, null, -1);
  static final MatchConditionResult SKIPPED = new MatchConditionResult(false, null, null, -1);

  static MatchConditionResult error(String message) {
    return new MatchConditionResult(false, message, null, -1);
  }
}
