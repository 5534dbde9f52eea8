package io.gatehouse.api.defaults;

import io.gatehouse.api.GroupVersionKind;
import java.util.Map;

/**
 * scheduling.k8s.io/v1 ({@code pkg/apis/scheduling/v1/defaults.go}): a PriorityClass preempts
 * lower priorities unless told otherwise. Stateless.
 */
final class SchedulingDefaults {

  private SchedulingDefaults() {}

  static Map<GroupVersionKind, KindDefaulter> kinds() {
    return Map.of(new GroupVersionKind("scheduling.k8s.io", "v1", "PriorityClass"),
        (o, f) -> Fields.setIfUnset(o, "preemptionPolicy", "PreemptLowerPriority"));
  }
}
