package io.gatehouse.api.defaults;

import io.gatehouse.api.GroupVersionKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * autoscaling ({@code pkg/apis/autoscaling/v2/defaults.go}, {@code v1/defaults.go}): a
 * HorizontalPodAutoscaler's {@code minReplicas} is 1; in v2 one without metrics targets 80% CPU
 * utilization, and a {@code behavior} that is present gets every unset field of its scale-up and
 * scale-down rules from the defaults (scale up: window 0, Max, 4 pods or 100% per 15 s; scale
 * down: no window, Max, 100% per 15 s). A missing {@code behavior} stays missing. Stateless.
 */
final class AutoscalingDefaults {

  private static final long DEFAULT_CPU_UTILIZATION = 80;

  private AutoscalingDefaults() {}

  static Map<GroupVersionKind, KindDefaulter> kinds() {
    return Map.of(
        new GroupVersionKind("autoscaling", "v2", "HorizontalPodAutoscaler"),
        (o, f) -> v2(o),
        new GroupVersionKind("autoscaling", "v1", "HorizontalPodAutoscaler"),
        (o, f) -> {
          Map<String, @Nullable Object> spec = Fields.mapOrCreate(o, "spec");
          if (spec != null) {
            Fields.setIfUnset(spec, "minReplicas", 1L);
          }
        });
  }

  private static void v2(Map<String, @Nullable Object> hpa) {
    Map<String, @Nullable Object> spec = Fields.mapOrCreate(hpa, "spec");
    if (spec == null) {
      return;
    }
    Fields.setIfUnset(spec, "minReplicas", 1L);
    if (Fields.empty(spec, "metrics")) {
      spec.put("metrics", Fields.list(Fields.object(
          "type", "Resource",
          "resource", Fields.object("name", "cpu",
              "target", Fields.object("type", "Utilization",
                  "averageUtilization", DEFAULT_CPU_UTILIZATION)))));
    }
    Map<String, @Nullable Object> behavior = Fields.map(spec, "behavior");
    if (behavior != null) {
      behavior.put("scaleUp", rules(Fields.map(behavior, "scaleUp"), scaleUpDefaults()));
      behavior.put("scaleDown", rules(Fields.map(behavior, "scaleDown"), scaleDownDefaults()));
    }
  }

  /** {@code copyHPAScalingRules}: the defaults with every field {@code from} sets taken from it. */
  private static Map<String, @Nullable Object> rules(@Nullable Map<String, @Nullable Object> from,
      Map<String, @Nullable Object> defaults) {
    if (from == null) {
      return defaults;
    }
    for (String key : List.of("stabilizationWindowSeconds", "selectPolicy", "policies",
        "tolerance")) {
      if (!Fields.unset(from, key)) {
        defaults.put(key, from.get(key));
      }
    }
    return defaults;
  }

  private static Map<String, @Nullable Object> scaleUpDefaults() {
    return Fields.object(
        "stabilizationWindowSeconds", 0L,
        "selectPolicy", "Max",
        "policies", Fields.list(
            Fields.object("type", "Pods", "value", 4L, "periodSeconds", 15L),
            Fields.object("type", "Percent", "value", 100L, "periodSeconds", 15L)));
  }

  private static Map<String, @Nullable Object> scaleDownDefaults() {
    return Fields.object(
        "selectPolicy", "Max",
        "policies", Fields.list(
            Fields.object("type", "Percent", "value", 100L, "periodSeconds", 15L)));
  }
}
