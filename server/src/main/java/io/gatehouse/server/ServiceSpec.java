package io.gatehouse.server;

import io.gatehouse.api.Unstructured;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A read-write view of a Service's {@code spec} for the allocation code, with Go's zero values
 * for absent fields (empty string, empty list, 0). Writes go to the wrapped map. Not thread-safe;
 * lives as long as one request's object.
 */
final class ServiceSpec {

  static final String NONE = "None";

  private final Map<String, @Nullable Object> spec;

  private ServiceSpec(Map<String, @Nullable Object> spec) {
    this.spec = spec;
  }

  /** The view of {@code service}'s spec, created empty when absent. */
  @SuppressWarnings("unchecked")
  static ServiceSpec of(Unstructured service) {
    Map<String, @Nullable Object> o = service.object();
    if (!(o.get("spec") instanceof Map<?, ?>)) {
      o.put("spec", new LinkedHashMap<String, Object>());
    }
    return new ServiceSpec((Map<String, @Nullable Object>) o.get("spec"));
  }

  String type() {
    return spec.get("type") instanceof String s && !s.isEmpty() ? s : "ClusterIP";
  }

  boolean isExternalName() {
    return type().equals("ExternalName");
  }

  /** Whether the type needs node ports: NodePort or LoadBalancer ({@code needsNodePort}). */
  boolean needsNodePort() {
    return type().equals("NodePort") || type().equals("LoadBalancer");
  }

  /**
   * Whether node ports are allocated for ports that do not ask for one: always for NodePort, for
   * LoadBalancer unless {@code allocateLoadBalancerNodePorts} is false.
   */
  boolean allocatesNodePorts() {
    return type().equals("NodePort")
        || type().equals("LoadBalancer") && !Boolean.FALSE.equals(spec.get("allocateLoadBalancerNodePorts"));
  }

  /** Whether a health check node port is needed: LoadBalancer with traffic policy Local. */
  boolean needsHealthCheck() {
    return type().equals("LoadBalancer") && "Local".equals(spec.get("externalTrafficPolicy"));
  }

  String clusterIp() {
    return spec.get("clusterIP") instanceof String s ? s : "";
  }

  void clusterIp(String ip) {
    if (ip.isEmpty()) {
      spec.remove("clusterIP");
    } else {
      spec.put("clusterIP", ip);
    }
  }

  List<String> clusterIps() {
    return strings(spec.get("clusterIPs"));
  }

  void clusterIps(List<String> ips) {
    if (ips.isEmpty()) {
      spec.remove("clusterIPs");
    } else {
      spec.put("clusterIPs", new ArrayList<>(ips));
    }
  }

  /** Whether the Service is headless: {@code clusterIPs} is exactly {@code [None]}. */
  boolean headless() {
    List<String> ips = clusterIps();
    return ips.size() == 1 && ips.getFirst().equals(NONE);
  }

  /** Whether the Service holds allocated cluster IPs: not ExternalName, not headless, some IP. */
  boolean holdsClusterIps() {
    List<String> ips = clusterIps();
    return !isExternalName() && !ips.isEmpty() && !ips.getFirst().equals(NONE);
  }

  List<String> ipFamilies() {
    return strings(spec.get("ipFamilies"));
  }

  void ipFamilies(List<String> families) {
    if (families.isEmpty()) {
      spec.remove("ipFamilies");
    } else {
      spec.put("ipFamilies", new ArrayList<>(families));
    }
  }

  @Nullable String ipFamilyPolicy() {
    return spec.get("ipFamilyPolicy") instanceof String s ? s : null;
  }

  void ipFamilyPolicy(@Nullable String policy) {
    if (policy == null) {
      spec.remove("ipFamilyPolicy");
    } else {
      spec.put("ipFamilyPolicy", policy);
    }
  }

  boolean selectorless() {
    return !(spec.get("selector") instanceof Map<?, ?> m) || m.isEmpty();
  }

  /** The ports (the maps themselves, to be updated in place). */
  @SuppressWarnings("unchecked")
  List<Map<String, @Nullable Object>> ports() {
    List<Map<String, @Nullable Object>> out = new ArrayList<>();
    if (spec.get("ports") instanceof List<?> l) {
      for (Object p : l) {
        if (p instanceof Map<?, ?> m) {
          out.add((Map<String, @Nullable Object>) m);
        }
      }
    }
    return out;
  }

  static long port(Map<String, @Nullable Object> p) {
    return p.get("port") instanceof Number n ? n.longValue() : 0;
  }

  static long nodePort(Map<String, @Nullable Object> p) {
    return p.get("nodePort") instanceof Number n ? n.longValue() : 0;
  }

  static void nodePort(Map<String, @Nullable Object> p, long port) {
    if (port == 0) {
      p.remove("nodePort");
    } else {
      p.put("nodePort", port);
    }
  }

  static String protocol(Map<String, @Nullable Object> p) {
    return p.get("protocol") instanceof String s ? s : "TCP";
  }

  static String name(Map<String, @Nullable Object> p) {
    return p.get("name") instanceof String s ? s : "";
  }

  /** The non-zero node ports, in port order ({@code collectServiceNodePorts}). */
  List<Long> nodePorts() {
    List<Long> out = new ArrayList<>();
    for (Map<String, @Nullable Object> p : ports()) {
      if (nodePort(p) != 0) {
        out.add(nodePort(p));
      }
    }
    return out;
  }

  long healthCheckNodePort() {
    return spec.get("healthCheckNodePort") instanceof Number n ? n.longValue() : 0;
  }

  void healthCheckNodePort(long port) {
    if (port == 0) {
      spec.remove("healthCheckNodePort");
    } else {
      spec.put("healthCheckNodePort", port);
    }
  }

  /** Any other field of the spec, or null. */
  @Nullable Object field(String name) {
    return spec.get(name);
  }

  void remove(String name) {
    spec.remove(name);
  }

  private static List<String> strings(@Nullable Object v) {
    List<String> out = new ArrayList<>();
    if (v instanceof List<?> l) {
      for (Object o : l) {
        out.add(o instanceof String s ? s : String.valueOf(o));
      }
    }
    return out;
  }
}
