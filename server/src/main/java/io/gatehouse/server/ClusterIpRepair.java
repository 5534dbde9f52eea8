package io.gatehouse.server;

import io.gatehouse.api.StatusException;
import io.gatehouse.api.Unstructured;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass of kube-apiserver 1.33's cluster IP repair controller ({@code RepairIPAddress},
 * {@code ipallocator/controller/repairip.go}) over the stored Services and IPAddresses. First every
 * cluster IP of every Service: outside every ServiceCIDR is reported; without an IPAddress, or
 * with one whose parent is not a Service or is a Service that does not exist, gets a new one; with
 * one held by another Service that has the same IP is reported as a duplicate; with one lacking
 * the allocator's labels gets a new one. Then every IPAddress of the allocator (label {@code
 * ipaddress.kubernetes.io/managed-by: ipallocator.k8s.io}): one whose parent is not a Service is
 * deleted; one whose Service does not exist (leaked) or does not hold its IP (wrong reference) is
 * deleted once it is older than the grace period — upstream's 60 s for a leak, which covers a
 * Service still being written; Gatehouse waits for a wrong reference too, which covers a Service
 * being updated to ClusterIP. The start-up pass, run before requests are served, has no grace
 * period. A Service or IPAddress about to be changed is read again first, as upstream's controller
 * reads its informer's latest state. Messages are upstream's event texts, logged (no Events are
 * recorded). Stateless; thread-safe.
 */
final class ClusterIpRepair {

  /** Upstream's grace period for an IPAddress without its Service. */
  static final Duration GRACE = Duration.ofSeconds(60);

  private static final Logger LOG = LoggerFactory.getLogger(ClusterIpRepair.class);

  private final Registry registry;
  private final StoredResource services;
  private final ClusterIpAllocator clusterIps;
  private final Clock clock;
  private final Consumer<RepairEvent> events;

  ClusterIpRepair(Registry registry, StoredResource services, ClusterIpAllocator clusterIps,
      Clock clock, Consumer<RepairEvent> events) {
    this.registry = registry;
    this.services = services;
    this.clusterIps = clusterIps;
    this.clock = clock;
    this.events = events;
  }

  /** One pass; {@code grace} is {@link #GRACE}, or zero at start-up. */
  void run(Duration grace) {
    List<ClusterIpAllocator.Range> ranges = clusterIps.ranges();
    Map<String, Unstructured> addresses = byName(clusterIps.list(clusterIps.ipAddresses()));
    for (Unstructured svc : clusterIps.list(services)) {
      for (long ip : ServiceAllocation.heldClusterIps(ServiceSpec.of(svc))) {
        if (ranges.stream().noneMatch(r -> r.prefix().containsHost(ip))) {
          events.accept(RepairEvent.onService("ClusterIPOutOfRange", svc, "Cluster IP [IPv4]: "
              + Ipv4Prefix.format(ip) + " is not within any configured Service CIDR; please "
              + "recreate service"));
          continue;
        }
        syncServiceIp(svc, ip, addresses.get(Ipv4Prefix.format(ip)));
      }
    }
    for (Unstructured address : clusterIps.list(clusterIps.ipAddresses())) {
      if (ClusterIpAllocator.MANAGED_BY.equals(
          address.labels().get(ClusterIpAllocator.LABEL_MANAGED_BY))) {
        syncIpAddress(address, grace);
      }
    }
  }

  private void syncServiceIp(Unstructured svc, long ip, @Nullable Unstructured address) {
    String name = Ipv4Prefix.format(ip);
    ClusterIpAllocator.Owner owner = new ClusterIpAllocator.Owner(svc.namespace(), svc.name());
    if (address == null) {
      if (!holds(current(svc.namespace(), svc.name()), name)) {
        return; // deleted or changed since it was listed
      }
      events.accept(RepairEvent.onService("ClusterIPNotAllocated", svc,
          "Cluster IP [IPv4]: " + name + " is not allocated; repairing"));
      clusterIps.create(ip, owner);
      return;
    }
    Map<?, ?> ref = parentRef(address);
    if (!referencesService(ref)) {
      wrongReference(svc, name, address, ip, owner);
      return;
    }
    if (!svc.namespace().equals(ref.get("namespace")) || !svc.name().equals(ref.get("name"))) {
      Optional<Unstructured> other = current(String.valueOf(ref.get("namespace")),
          String.valueOf(ref.get("name")));
      if (other.isEmpty()) {
        wrongReference(svc, name, address, ip, owner);
        return;
      }
      if (holds(other, name)) {
        events.accept(RepairEvent.onService("ClusterIPAlreadyAllocated", svc,
            "Cluster IP [IPv4]:" + name + " was assigned to multiple services; please recreate "
                + "service"));
      }
    }
    if (!"IPv4".equals(address.labels().get(ClusterIpAllocator.LABEL_FAMILY))
        || !ClusterIpAllocator.MANAGED_BY.equals(
            address.labels().get(ClusterIpAllocator.LABEL_MANAGED_BY))) {
      recreate(address, ip, owner);
    }
  }

  private void wrongReference(Unstructured svc, String name, Unstructured address, long ip,
      ClusterIpAllocator.Owner owner) {
    events.accept(RepairEvent.onService("ClusterIPNotAllocated", svc,
        "the ClusterIP [IPv4]: " + name + " for Service " + svc.namespace() + "/" + svc.name()
            + " has a wrong reference; repairing"));
    recreate(address, ip, owner);
  }

  private void recreate(Unstructured address, long ip, ClusterIpAllocator.Owner owner) {
    if (delete(address)) {
      clusterIps.create(ip, owner);
    }
  }

  private void syncIpAddress(Unstructured address, Duration grace) {
    Map<?, ?> ref = parentRef(address);
    if (!referencesService(ref)) {
      events.accept(RepairEvent.onIpAddress("IPAddressNotAllocated", address, "IPAddress "
          + address.name() + " appears to have been modified, not referencing a Service "
          + goValue(ref) + ": cleaning up"));
      delete(address);
      return;
    }
    String namespace = String.valueOf(ref.get("namespace"));
    String service = String.valueOf(ref.get("name"));
    Optional<Unstructured> svc = current(namespace, service);
    if (holds(svc, address.name()) || !olderThan(address, grace)) {
      return;
    }
    if (svc.isEmpty()) {
      events.accept(RepairEvent.onIpAddress("IPAddressNotAllocated", address, "IPAddress: "
          + address.name() + " for Service " + namespace + "/" + service
          + " appears to have leaked: cleaning up"));
    } else {
      events.accept(RepairEvent.onIpAddress("IPAddressWrongReference", address, "IPAddress: "
          + address.name() + " for Service " + namespace + "/" + service
          + " has a wrong reference; cleaning up"));
    }
    delete(address);
  }

  /** Deletes {@code address} if it is still that object (uid precondition). */
  private boolean delete(Unstructured address) {
    try {
      registry.delete(clusterIps.ipAddresses(), "", address.name(),
          new DeleteOptions(address.uid(), "", false, ""), WriteAdmission.NONE);
      return true;
    } catch (StatusException e) {
      LOG.atInfo().setMessage("IPAddress not deleted").addKeyValue("ipAddress", address.name())
          .addKeyValue("error", e.getMessage()).log();
      return e.status().code() == 404;
    }
  }

  private Optional<Unstructured> current(String namespace, String name) {
    return registry.store().get(services.key(namespace, name)).kv().map(ObjectBytes::read);
  }

  private static boolean holds(Optional<Unstructured> svc, String ip) {
    return svc.map(s -> ServiceAllocation.heldClusterIps(ServiceSpec.of(s)).stream()
        .anyMatch(held -> Ipv4Prefix.format(held).equals(ip))).orElse(false);
  }

  private boolean olderThan(Unstructured address, Duration grace) {
    if (grace.isZero()) {
      return true;
    }
    try {
      Instant created = Instant.parse(String.valueOf(address.metadata().get("creationTimestamp")));
      return Duration.between(created, clock.instant()).compareTo(grace) > 0;
    } catch (DateTimeParseException e) {
      return true;
    }
  }

  private static Map<?, ?> parentRef(Unstructured address) {
    return address.get("spec", "parentRef").orElse(null) instanceof Map<?, ?> ref ? ref : Map.of();
  }

  private static boolean referencesService(Map<?, ?> ref) {
    Object group = ref.get("group");
    return "services".equals(ref.get("resource")) && (group == null || "".equals(group));
  }

  /** Go's {@code %v} of a {@code *ParentReference}: {@code &{group resource namespace name}}. */
  private static String goValue(Map<?, ?> ref) {
    return "&{" + text(ref.get("group")) + " " + text(ref.get("resource")) + " "
        + text(ref.get("namespace")) + " " + text(ref.get("name")) + "}";
  }

  private static String text(@Nullable Object o) {
    return o == null ? "" : String.valueOf(o);
  }

  private static Map<String, Unstructured> byName(List<Unstructured> objects) {
    Map<String, Unstructured> out = new HashMap<>();
    objects.forEach(o -> out.put(o.name(), o));
    return out;
  }
}
