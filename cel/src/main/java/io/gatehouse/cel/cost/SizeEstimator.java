package io.gatehouse.cel.cost;

import dev.cel.common.types.CelType;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * cel-go's {@code CostEstimator.EstimateSize}: the size range of a value the expression reads,
 * identified by its path from a variable ({@code ["object", "spec", "containers", "@items"]}).
 */
@FunctionalInterface
interface SizeEstimator {

  /** An estimator that knows nothing. */
  SizeEstimator NONE = (path, type) -> null;

  /**
   * Returns the size range of the value at {@code path} of static type {@code type}, or null if
   * unknown.
   *
   * @param path the path from a variable, or null if the value is not reachable from one
   */
  @Nullable Range estimateSize(@Nullable List<String> path, CelType type);
}
