package io.gatehouse.api.defaults;

import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Upstream's {@code SetObjectDefaults_<Kind>} for one group/version/kind. */
@FunctionalInterface
interface KindDefaulter {

  /** Defaults {@code object} in place; never throws. */
  void apply(Map<String, @Nullable Object> object, Set<Feature> features);
}
