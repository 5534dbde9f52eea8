package io.gatehouse.api.defaults;

import io.gatehouse.api.GroupVersionKind;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * apiregistration.k8s.io/v1 ({@code kube-aggregator/pkg/apis/apiregistration/v1/defaults.go}): an
 * APIService's service port defaults to 443. Stateless.
 */
final class ApiRegistrationDefaults {

  private ApiRegistrationDefaults() {}

  static Map<GroupVersionKind, KindDefaulter> kinds() {
    return Map.of(new GroupVersionKind("apiregistration.k8s.io", "v1", "APIService"), (o, f) -> {
      Map<String, @Nullable Object> spec = Fields.map(o, "spec");
      Map<String, @Nullable Object> service = spec == null ? null : Fields.map(spec, "service");
      if (service != null) {
        Fields.setIfUnset(service, "port", 443L);
      }
    });
  }
}
