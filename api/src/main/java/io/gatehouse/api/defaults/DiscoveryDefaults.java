package io.gatehouse.api.defaults;

import io.gatehouse.api.GroupVersionKind;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * discovery.k8s.io/v1 ({@code pkg/apis/discovery/v1/defaults.go}): an EndpointSlice port's name
 * defaults to {@code ""} and its protocol to TCP. Stateless.
 */
final class DiscoveryDefaults {

  private DiscoveryDefaults() {}

  static Map<GroupVersionKind, KindDefaulter> kinds() {
    return Map.of(new GroupVersionKind("discovery.k8s.io", "v1", "EndpointSlice"),
        (o, f) -> endpointSlice(o));
  }

  private static void endpointSlice(Map<String, @Nullable Object> slice) {
    for (Map<String, @Nullable Object> port : Fields.maps(slice, "ports")) {
      Fields.setIfUnset(port, "name", "");
      Fields.setIfUnset(port, "protocol", "TCP");
    }
  }
}
