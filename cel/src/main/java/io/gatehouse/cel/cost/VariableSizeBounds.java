package io.gatehouse.cel.cost;

import dev.cel.common.types.CelType;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Sizes every string, bytes, list and map reachable from a variable by that variable's declared
 * bound: a value decoded from at most {@code n} bytes of JSON has at most {@code n} characters,
 * elements or entries. Kubernetes itself declares no such bound for admission variables (it never
 * estimates their cost); Gatehouse callers declare {@link CostLimits#MAX_REQUEST_SIZE_BYTES} for
 * request-derived variables.
 *
 * <p>Scalars are left to cel-go's fixed size of 1. Immutable; thread-safe.
 */
record VariableSizeBounds(Map<String, Long> bounds) implements SizeEstimator {

  VariableSizeBounds {
    bounds = Map.copyOf(bounds);
  }

  @Override
  public @Nullable Range estimateSize(@Nullable List<String> path, CelType type) {
    if (path == null || path.isEmpty() || Coster.isScalar(type)) {
      return null;
    }
    Long bound = bounds.get(path.get(0));
    return bound == null ? null : new Range(0, bound);
  }
}
