package io.gatehouse.api.defaults;

import io.gatehouse.api.GroupVersionKind;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * flowcontrol.apiserver.k8s.io/v1 ({@code pkg/apis/flowcontrol/v1/defaults.go}): FlowSchema
 * matching precedence 1000; limited priority levels: nominal concurrency shares 30 when unset
 * (v1 keeps an explicit 0), lendable percent 0, queuing hand size 8, 64 queues, queue length limit
 * 50; exempt priority levels: shares and lendable percent 0. Stateless.
 */
final class FlowControlDefaults {

  private static final String GROUP = "flowcontrol.apiserver.k8s.io";

  private FlowControlDefaults() {}

  static Map<GroupVersionKind, KindDefaulter> kinds() {
    return Map.of(
        new GroupVersionKind(GROUP, "v1", "FlowSchema"), (o, f) -> {
          Map<String, @Nullable Object> spec = Fields.mapOrCreate(o, "spec");
          if (spec != null) {
            Fields.setIfZero(spec, "matchingPrecedence", 1000);
          }
        },
        new GroupVersionKind(GROUP, "v1", "PriorityLevelConfiguration"),
        (o, f) -> priorityLevel(o));
  }

  private static void priorityLevel(Map<String, @Nullable Object> plc) {
    Map<String, @Nullable Object> spec = Fields.map(plc, "spec");
    if (spec == null) {
      return;
    }
    Map<String, @Nullable Object> limited = Fields.map(spec, "limited");
    if (limited != null) {
      Fields.setIfUnset(limited, "nominalConcurrencyShares", 30L);
      Fields.setIfUnset(limited, "lendablePercent", 0L);
      Map<String, @Nullable Object> response = Fields.map(limited, "limitResponse");
      Map<String, @Nullable Object> queuing =
          response == null ? null : Fields.map(response, "queuing");
      if (queuing != null) {
        Fields.setIfZero(queuing, "handSize", 8);
        Fields.setIfZero(queuing, "queues", 64);
        Fields.setIfZero(queuing, "queueLengthLimit", 50);
      }
    }
    Map<String, @Nullable Object> exempt = Fields.map(spec, "exempt");
    if (exempt != null) {
      Fields.setIfUnset(exempt, "nominalConcurrencyShares", 0L);
      Fields.setIfUnset(exempt, "lendablePercent", 0L);
    }
  }
}
