package io.gatehouse.server.crd.cel;

import io.gatehouse.api.GoQuote;
import io.gatehouse.cel.Activation;
import io.gatehouse.cel.CompiledExpression;
import io.gatehouse.cel.EvaluationResult;
import io.gatehouse.cel.cost.CostLimits;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a failed rule's {@code messageExpression} (upstream's {@code
 * evalMessageExpression}): the trimmed message, or no message (the rule's default is used) when
 * evaluation fails, the value is not a string, is longer than 5 KiB, has line breaks or is empty;
 * running out of budget or over the per-call limit is fatal. Immutable.
 *
 * @param message the message, or {@code null} for the default
 * @param fatal the detail of a fatal error (no further rules run), or {@code null}
 * @param remainingBudget the budget left
 */
record MessageOutcome(@Nullable String message, @Nullable String fatal, long remainingBudget) {

  /** {@code MaxEvaluatedMessageExpressionSizeBytes}. */
  static final int MAX_MESSAGE_BYTES = 5 * 1024;

  static MessageOutcome evaluate(CompiledExpression expr, String source, Activation activation,
      long budget) {
    EvaluationResult result = expr.evaluate(activation, CostLimits.PER_CALL_LIMIT);
    if (result instanceof EvaluationResult.Failure f && f.costLimitExceeded()) {
      return new MessageOutcome(null, "no further validation rules will be run due to call cost "
          + "exceeds limit for messageExpression: " + GoQuote.quote(source), -1);
    }
    long cost = Math.max(0, result.cost());
    if (cost > budget) {
      return new MessageOutcome(null, "messageExpression evaluation failed due to running out "
          + "of cost budget, no further validation rules will be run", -1);
    }
    long left = budget - cost;
    if (!(result instanceof EvaluationResult.Success s) || !(s.value() instanceof String text)) {
      return new MessageOutcome(null, null, left);
    }
    String trimmed = text.strip();
    if (trimmed.getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE_BYTES
        || trimmed.indexOf('\n') >= 0 || trimmed.isEmpty()) {
      return new MessageOutcome(null, null, left);
    }
    return new MessageOutcome(trimmed, null, left);
  }
}
