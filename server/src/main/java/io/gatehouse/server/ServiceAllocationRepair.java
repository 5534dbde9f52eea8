package io.gatehouse.server;

import io.gatehouse.api.Unstructured;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up pass of kube-apiserver's allocation repair controllers ({@code RepairIPAddress} and
 * the node port {@code Repair}), run before the server accepts requests, so nothing is being
 * allocated meanwhile: the stored Services are the truth. Every cluster IP a Service holds gets its
 * IPAddress if it lacks one; every IPAddress of the allocator that no Service holds (left by a
 * crash between reserving and storing a Service, or by one between deleting it and releasing) is
 * deleted at once (upstream waits for a leak to persist, because its repair runs while requests
 * are served); the node port bitmap is rewritten from the Services' node ports. Conflicts that
 * need a human (an IP outside every ServiceCIDR, an IP or port held by two Services) are logged as
 * upstream's events word them. Stateless.
 */
final class ServiceAllocationRepair {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceAllocationRepair.class);

  private ServiceAllocationRepair() {}

  static void run(StoredResource services, ClusterIpAllocator clusterIps,
      NodePortAllocator nodePorts) {
    List<Unstructured> stored = clusterIps.list(services);
    repairClusterIps(stored, clusterIps);
    repairNodePorts(stored, nodePorts);
  }

  private static void repairClusterIps(List<Unstructured> services,
      ClusterIpAllocator clusterIps) {
    List<ClusterIpAllocator.Range> ranges = clusterIps.ranges();
    Map<String, Unstructured> addresses = new HashMap<>();
    for (Unstructured a : clusterIps.list(clusterIps.ipAddresses())) {
      addresses.put(a.name(), a);
    }
    Set<String> held = new HashSet<>();
    for (Unstructured svc : services) {
      for (long ip : ServiceAllocation.heldClusterIps(ServiceSpec.of(svc))) {
        String name = Ipv4Prefix.format(ip);
        if (ranges.stream().noneMatch(r -> r.prefix().containsHost(ip))) {
          warn("ClusterIPOutOfRange", svc, "Cluster IP [IPv4]: " + name
              + " is not within any configured Service CIDR; please recreate service");
          continue;
        }
        Unstructured address = addresses.get(name);
        if (address == null) {
          warn("ClusterIPNotAllocated", svc, "Cluster IP [IPv4]:" + name
              + " is not allocated; repairing");
          clusterIps.create(ip, new ClusterIpAllocator.Owner(svc.namespace(), svc.name()));
        } else if (!owns(address, svc)) {
          warn("ClusterIPAlreadyAllocated", svc, "Cluster IP [IPv4]:" + name
              + " was assigned to multiple services; please recreate service");
          continue;
        }
        held.add(name);
      }
    }
    for (Unstructured address : addresses.values()) {
      boolean managed = ClusterIpAllocator.MANAGED_BY.equals(
          address.labels().get(ClusterIpAllocator.LABEL_MANAGED_BY));
      if (managed && !held.contains(address.name())) {
        LOG.atWarn().setMessage("IPAddress appears to have leaked: cleaning up")
            .addKeyValue("ipAddress", address.name()).log();
        Ipv4Prefix.parseAddress(address.name()).ifPresent(clusterIps::release);
      }
    }
  }

  private static boolean owns(Unstructured address, Unstructured svc) {
    return address.get("spec", "parentRef").orElse(null) instanceof Map<?, ?> ref
        && "services".equals(ref.get("resource"))
        && svc.namespace().equals(ref.get("namespace")) && svc.name().equals(ref.get("name"))
        && (ref.get("group") == null || "".equals(ref.get("group")));
  }

  private static void repairNodePorts(List<Unstructured> services, NodePortAllocator nodePorts) {
    PortRange range = nodePorts.range();
    BitSet taken = new BitSet(range.size());
    for (Unstructured svc : services) {
      for (int port : ServiceAllocation.heldNodePorts(ServiceSpec.of(svc))) {
        if (!range.contains(port)) {
          warn("PortOutOfRange", svc, "Port " + port + " is not within the port range " + range
              + "; please recreate service");
        } else if (taken.get(port - range.base())) {
          warn("PortAlreadyAllocated", svc, "Port " + port
              + " was assigned to multiple services; please recreate service");
        } else {
          taken.set(port - range.base());
        }
      }
    }
    nodePorts.reset(taken);
  }

  private static void warn(String reason, Unstructured svc, String message) {
    LOG.atWarn().setMessage(message).addKeyValue("reason", reason)
        .addKeyValue("service", svc.namespace() + "/" + svc.name()).log();
  }
}
