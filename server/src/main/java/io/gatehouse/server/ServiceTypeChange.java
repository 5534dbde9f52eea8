package io.gatehouse.server;

import io.gatehouse.api.Unstructured;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Upstream's {@code dropTypeDependentFields} ({@code pkg/registry/core/service/strategy.go}, called
 * from the Service strategy's {@code PrepareForUpdate}): when an update changes the type so that a
 * field no longer applies, and the client left that field as it was (for node ports: added none),
 * the field is cleared (the allocation code frees what it held): {@code clusterIP}/{@code
 * clusterIPs} (both unchanged) and the IP family fields when becoming ExternalName, node ports
 * when leaving NodePort/LoadBalancer, the health check node port, {@code
 * allocateLoadBalancerNodePorts} and {@code loadBalancerClass} when leaving LoadBalancer, {@code
 * externalTrafficPolicy} when no longer externally accessible. Independently of a type change,
 * {@code status.loadBalancer} is reset to empty whenever the new type is not LoadBalancer.
 * Stateless.
 */
final class ServiceTypeChange {

  private ServiceTypeChange() {}

  /**
   * Clears what no longer applies in {@code svc} (whose spec view is {@code s}) after an update
   * from the stored Service whose spec view is {@code o}.
   */
  static void dropTypeDependentFields(Unstructured svc, ServiceSpec s, ServiceSpec o) {
    if (!o.isExternalName() && s.isExternalName()) {
      if (s.clusterIp().equals(o.clusterIp()) && s.clusterIps().equals(o.clusterIps())) {
        s.clusterIp("");
        s.clusterIps(List.of());
      }
      if (s.ipFamilies().equals(o.ipFamilies())) {
        s.ipFamilies(List.of());
      }
      if (Objects.equals(s.ipFamilyPolicy(), o.ipFamilyPolicy())) {
        s.ipFamilyPolicy(null);
      }
    }
    if (o.needsNodePort() && !s.needsNodePort() && o.nodePorts().containsAll(s.nodePorts())) {
      for (Map<String, @Nullable Object> p : s.ports()) {
        ServiceSpec.nodePort(p, 0);
      }
    }
    if (o.needsHealthCheck() && !s.needsHealthCheck()
        && s.healthCheckNodePort() == o.healthCheckNodePort()) {
      s.healthCheckNodePort(0);
    }
    boolean leavesLoadBalancer = o.type().equals("LoadBalancer") && !s.type().equals("LoadBalancer");
    if (leavesLoadBalancer) {
      Object newAllocate = s.field("allocateLoadBalancerNodePorts");
      Object oldAllocate = o.field("allocateLoadBalancerNodePorts");
      if (newAllocate != null && newAllocate.equals(oldAllocate)) {
        s.remove("allocateLoadBalancerNodePorts");
      }
      if (Objects.equals(s.field("loadBalancerClass"), o.field("loadBalancerClass"))) {
        s.remove("loadBalancerClass");
      }
    }
    if (externallyAccessible(o) && !externallyAccessible(s)
        && Objects.equals(s.field("externalTrafficPolicy"), o.field("externalTrafficPolicy"))) {
      s.remove("externalTrafficPolicy");
    }
    if (!s.type().equals("LoadBalancer")) {
      clearLoadBalancerStatus(svc);
    }
  }

  /** Go's {@code Status.LoadBalancer = LoadBalancerStatus{}}: serialized as {@code {}}. */
  private static void clearLoadBalancerStatus(Unstructured svc) {
    if (svc.object().get("status") instanceof Map<?, ?> status
        && status.containsKey("loadBalancer")) {
      Map<Object, @Nullable Object> copy = new LinkedHashMap<>(status);
      copy.put("loadBalancer", new LinkedHashMap<String, Object>());
      svc.object().put("status", copy);
    }
  }

  /** LoadBalancer, NodePort, or ClusterIP with external IPs ({@code ExternallyAccessible}). */
  private static boolean externallyAccessible(ServiceSpec s) {
    return s.needsNodePort() || s.type().equals("ClusterIP")
        && s.field("externalIPs") instanceof List<?> ips && !ips.isEmpty();
  }
}
