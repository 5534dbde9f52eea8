package io.gatehouse.api.defaults;

import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * core/v1 {@code SetDefaults_Service}: session affinity (None, or ClientIP with a 10800 s timeout),
 * type ClusterIP, port protocol TCP and target port = port, external traffic policy Cluster for
 * externally accessible services, internal traffic policy Cluster, load-balancer node ports
 * allocated, and ingress {@code ipMode: VIP} (LoadBalancerIPMode is GA). Cluster IPs, node ports
 * and IP families are the Service REST storage's business, not defaulting. Stateless.
 */
final class ServiceDefaults {

  private static final long CLIENT_IP_TIMEOUT_SECONDS = 10800;
  private static final Set<String> INTERNAL_POLICY_TYPES =
      Set.of("NodePort", "LoadBalancer", "ClusterIP");

  private ServiceDefaults() {}

  static void service(Map<String, @Nullable Object> svc) {
    Map<String, @Nullable Object> spec = Fields.mapOrCreate(svc, "spec");
    if (spec == null) {
      return;
    }
    Fields.setIfBlank(spec, "sessionAffinity", "None");
    Object affinity = spec.get("sessionAffinity");
    if ("None".equals(affinity)) {
      spec.remove("sessionAffinityConfig");
    } else if ("ClientIP".equals(affinity) && !hasClientIpTimeout(spec)) {
      spec.put("sessionAffinityConfig", Fields.object("clientIP",
          Fields.object("timeoutSeconds", CLIENT_IP_TIMEOUT_SECONDS)));
    }
    Fields.setIfBlank(spec, "type", "ClusterIP");
    String type = Fields.string(spec, "type");
    for (Map<String, @Nullable Object> port : Fields.maps(spec, "ports")) {
      Fields.setIfBlank(port, "protocol", "TCP");
      Object target = port.get("targetPort");
      if (target == null || "".equals(target) || target instanceof Number n && n.longValue() == 0) {
        port.put("targetPort", port.get("port") instanceof Long p ? p : 0L);
      }
    }
    boolean external = type.equals("LoadBalancer") || type.equals("NodePort")
        || type.equals("ClusterIP") && !Fields.empty(spec, "externalIPs");
    if (external) {
      Fields.setIfBlank(spec, "externalTrafficPolicy", "Cluster");
    }
    if (INTERNAL_POLICY_TYPES.contains(type)) {
      Fields.setIfUnset(spec, "internalTrafficPolicy", "Cluster");
    }
    if (type.equals("LoadBalancer")) {
      Fields.setIfUnset(spec, "allocateLoadBalancerNodePorts", true);
      Map<String, @Nullable Object> status = Fields.map(svc, "status");
      Map<String, @Nullable Object> lb = status == null ? null : Fields.map(status, "loadBalancer");
      for (Map<String, @Nullable Object> ingress : lb == null
          ? java.util.List.<Map<String, @Nullable Object>>of() : Fields.maps(lb, "ingress")) {
        if (!Fields.blank(ingress, "ip")) {
          Fields.setIfUnset(ingress, "ipMode", "VIP");
        }
      }
    }
  }

  private static boolean hasClientIpTimeout(Map<String, @Nullable Object> spec) {
    Map<String, @Nullable Object> config = Fields.map(spec, "sessionAffinityConfig");
    Map<String, @Nullable Object> clientIp = config == null ? null : Fields.map(config, "clientIP");
    return clientIp != null && !Fields.unset(clientIp, "timeoutSeconds");
  }
}
