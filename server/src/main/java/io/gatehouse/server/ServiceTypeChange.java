package io.gatehouse.server;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Upstream's {@code dropTypeDependentFields} (the Service strategy's {@code PrepareForUpdate}):
 * when an update changes the type so that a field no longer applies, and the client left that
 * field as it was (for node ports: added none), the field is cleared (the allocation code frees what it held): cluster IPs and
 * IP families when becoming ExternalName, node ports when leaving NodePort/LoadBalancer, the
 * health check node port, {@code allocateLoadBalancerNodePorts} and {@code loadBalancerClass}
 * when leaving LoadBalancer, {@code externalTrafficPolicy} when no longer externally accessible.
 * Stateless.
 */
final class ServiceTypeChange {

  private ServiceTypeChange() {}

  static void dropTypeDependentFields(ServiceSpec s, ServiceSpec o) {
    if (!o.isExternalName() && s.isExternalName()) {
      if (s.clusterIps().equals(o.clusterIps())) {
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
  }

  /** LoadBalancer, NodePort, or ClusterIP with external IPs ({@code ExternallyAccessible}). */
  private static boolean externallyAccessible(ServiceSpec s) {
    return s.needsNodePort() || s.type().equals("ClusterIP")
        && s.field("externalIPs") instanceof List<?> ips && !ips.isEmpty();
  }
}
