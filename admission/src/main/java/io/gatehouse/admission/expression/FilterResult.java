package io.gatehouse.admission.expression;

import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The outcome of evaluating a filter's expressions in order against one budget. */
public sealed interface FilterResult {

  /**
   * Every expression ran.
   *
   * @param results one entry per expression, null where the filter has a placeholder
   * @param remaining the budget left, or the budget minus the static maximum when untracked
   */
  record Evaluated(List<@Nullable ExpressionResult> results, long remaining)
      implements FilterResult {
    /** Wraps the results unmodifiably. */
    public Evaluated {
      results = Collections.unmodifiableList(results);
    }
  }

  /**
   * The whole filter failed: the budget ran out and no further expression ran.
   *
   * @param message upstream's text
   */
  record Failed(String message) implements FilterResult {}
}
