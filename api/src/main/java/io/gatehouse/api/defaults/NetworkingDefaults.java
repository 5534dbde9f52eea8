package io.gatehouse.api.defaults;

import io.gatehouse.api.GroupVersionKind;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * networking.k8s.io/v1 ({@code pkg/apis/networking/v1/defaults.go}): a NetworkPolicy without
 * {@code policyTypes} is {@code [Ingress]}, plus {@code Egress} when it has egress rules; its
 * ports default to TCP; an IngressClass's parameters default to {@code scope: Cluster}. Ingress
 * has no defaults. Stateless.
 */
final class NetworkingDefaults {

  private NetworkingDefaults() {}

  static Map<GroupVersionKind, KindDefaulter> kinds() {
    return Map.of(
        new GroupVersionKind("networking.k8s.io", "v1", "NetworkPolicy"),
        (o, f) -> networkPolicy(o),
        new GroupVersionKind("networking.k8s.io", "v1", "IngressClass"),
        (o, f) -> ingressClass(o));
  }

  private static void networkPolicy(Map<String, @Nullable Object> np) {
    Map<String, @Nullable Object> spec = Fields.mapOrCreate(np, "spec");
    if (spec == null) {
      return;
    }
    for (String direction : new String[] {"ingress", "egress"}) {
      for (Map<String, @Nullable Object> rule : Fields.maps(spec, direction)) {
        for (Map<String, @Nullable Object> port : Fields.maps(rule, "ports")) {
          Fields.setIfUnset(port, "protocol", "TCP");
        }
      }
    }
    if (Fields.empty(spec, "policyTypes")) {
      spec.put("policyTypes", Fields.empty(spec, "egress")
          ? Fields.list("Ingress") : Fields.list("Ingress", "Egress"));
    }
  }

  private static void ingressClass(Map<String, @Nullable Object> ic) {
    Map<String, @Nullable Object> spec = Fields.map(ic, "spec");
    Map<String, @Nullable Object> parameters = spec == null ? null : Fields.map(spec, "parameters");
    if (parameters != null) {
      Fields.setIfUnset(parameters, "scope", "Cluster");
    }
  }
}
