package io.gatehouse.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * kube-apiserver's Service network flags. Gatehouse's cluster is single-stack IPv4: the cluster IP
 * range must be one IPv4 CIDR. Immutable.
 *
 * @param serviceClusterIpRange {@code --service-cluster-ip-range}; empty for kube-apiserver's
 *     default {@value #DEFAULT_CLUSTER_IP_RANGE}
 * @param serviceNodePortRange {@code --service-node-port-range} ({@code low-high}, {@code
 *     base+offset} or one port); kube-apiserver's default is {@value #DEFAULT_NODE_PORT_RANGE}
 * @param advertiseAddress {@code --advertise-address}: the IP the {@code kubernetes} Service's
 *     Endpoints point at; empty for the bind address (127.0.0.1 when binding every address)
 */
public record ServiceNetworkOptions(
    Optional<String> serviceClusterIpRange,
    String serviceNodePortRange,
    Optional<String> advertiseAddress) {

  /** kube-apiserver's {@code DefaultServiceIPCIDR}. */
  public static final String DEFAULT_CLUSTER_IP_RANGE = "10.0.0.0/24";
  /** kube-apiserver's {@code DefaultServiceNodePortRange}. */
  public static final String DEFAULT_NODE_PORT_RANGE = "30000-32767";

  /** The defaults. */
  public static final ServiceNetworkOptions DEFAULT = new ServiceNetworkOptions(Optional.empty(),
      DEFAULT_NODE_PORT_RANGE, Optional.empty());

  /**
   * Checks the flags.
   *
   * @throws IllegalArgumentException naming every invalid flag, one per line
   */
  public ServiceNetworkOptions {
    List<String> errors = new ArrayList<>();
    String range = serviceClusterIpRange.orElse(DEFAULT_CLUSTER_IP_RANGE);
    Optional<Ipv4Prefix> prefix = Ipv4Prefix.parse(range);
    if (prefix.isEmpty()) {
      errors.add("--service-cluster-ip-range " + range + ": not an IPv4 CIDR (Gatehouse serves "
          + "single-stack IPv4 Services)");
    } else if (prefix.get().bits() < 12) {
      errors.add("specified --service-cluster-ip-range is too large; for 32-bit addresses, the "
          + "mask must be >= 12");
    } else if (prefix.get().size() < 8) {
      errors.add("the service cluster IP range must be at least 8 IP addresses");
    }
    if (PortRange.parse(serviceNodePortRange).isEmpty()) {
      errors.add("--service-node-port-range " + serviceNodePortRange + ": not a port range");
    }
    if (advertiseAddress.isPresent() && ServiceIpChecks.familyOf(advertiseAddress.get())
        .equals("unknown")) {
      errors.add("--advertise-address " + advertiseAddress.get() + ": not an IP address");
    }
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", errors));
    }
  }

  /** The cluster IP range in effect. */
  Ipv4Prefix clusterIpRange() {
    return Ipv4Prefix.parse(serviceClusterIpRange.orElse(DEFAULT_CLUSTER_IP_RANGE)).orElseThrow();
  }

  /** The node port range. */
  PortRange nodePortRange() {
    return PortRange.parse(serviceNodePortRange).orElseThrow();
  }

  /** The {@code kubernetes} Service's IP: the first one of the range ({@code ServiceIPRange}). */
  long kubernetesServiceIp() {
    return clusterIpRange().first();
  }
}
