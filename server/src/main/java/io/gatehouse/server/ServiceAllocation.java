package io.gatehouse.server;

import io.gatehouse.api.GoQuote;
import io.gatehouse.api.Status;
import io.gatehouse.api.StatusException;
import io.gatehouse.api.StatusReason;
import io.gatehouse.api.Unstructured;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Service REST storage's allocation ({@code pkg/registry/core/service/storage}: {@code
 * beginCreate}, {@code beginUpdate}, {@code afterDelete} and {@code alloc.go}) as {@link
 * StoreHooks}: cluster IPs from {@link ClusterIpAllocator}, node ports and health check node ports
 * from {@link NodePortAllocator}, with upstream's normalisation of {@code clusterIP}/{@code
 * clusterIPs}, its patching of allocated values a client left out, its type-change handling
 * (ExternalName ↔ ClusterIP, NodePort → ClusterIP …) and its errors. What a write reserved is freed
 * if the write fails; what an update gives up is freed only after it is stored; a delete frees
 * everything and deletes the Service's Endpoints. A crash between a reservation and the write is
 * repaired at the next start or by the periodic repair ({@link ServiceAllocationRepair}). Node
 * ports count only for NodePort and LoadBalancer Services (upstream's validation keeps other types
 * from having any). Thread-safe.
 */
final class ServiceAllocation implements StoreHooks {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceAllocation.class);

  private final ClusterIpAllocator clusterIps;
  private final NodePortAllocator nodePorts;
  private final Registry registry;
  private final StoredResource endpoints;

  ServiceAllocation(ClusterIpAllocator clusterIps, NodePortAllocator nodePorts, Registry registry,
      StoredResource endpoints) {
    this.clusterIps = clusterIps;
    this.nodePorts = nodePorts;
    this.registry = registry;
    this.endpoints = endpoints;
  }

  @Override
  public Finish beginCreate(Unstructured obj, boolean dryRun) {
    ServiceSpec s = ServiceSpec.of(obj);
    if (!s.clusterIp().isEmpty() && s.clusterIps().isEmpty()) {
      s.clusterIps(List.of(s.clusterIp()));
    }
    ServiceIpChecks.initialize(obj, null);
    ServiceIpFamilies.initialize(obj, null);
    List<Long> allocated = new ArrayList<>();
    NodePortOperation ports = new NodePortOperation(nodePorts, dryRun);
    try {
      allocated.addAll(allocateClusterIps(obj, s, dryRun));
      if (s.needsNodePort()) {
        initNodePorts(obj, s, ports);
      }
      if (s.needsHealthCheck()) {
        allocateHealthCheckNodePort(s, ports);
      }
    } catch (RuntimeException e) {
      revert(allocated, ports, dryRun);
      throw e;
    }
    return finish(obj, allocated, List.of(), ports, dryRun);
  }

  @Override
  public Finish beginUpdate(Unstructured obj, Unstructured old, boolean dryRun) {
    ServiceSpec s = ServiceSpec.of(obj);
    ServiceSpec o = ServiceSpec.of(old);
    patchAllocatedValues(s, o);
    normalizeClusterIps(s, o);
    boolean unchanged = ServiceIpChecks.initialize(obj, old);
    ServiceIpFamilies.initialize(obj, old);
    List<Long> allocated = new ArrayList<>();
    List<Long> released = new ArrayList<>();
    NodePortOperation ports = new NodePortOperation(nodePorts, dryRun);
    try {
      if (!unchanged || s.isExternalName()) {
        updateClusterIps(obj, s, o, dryRun, allocated, released);
      }
      updateNodePorts(obj, s, o, ports);
      ServiceTypeChange.dropTypeDependentFields(obj, s, o);
      ServiceIpChecks.fail(obj, ServiceIpChecks.upgradeDowngrade(s, o));
    } catch (RuntimeException e) {
      revert(allocated, ports, dryRun);
      throw e;
    }
    return finish(obj, allocated, released, ports, dryRun);
  }

  @Override
  public void afterDelete(Unstructured deleted, boolean dryRun) {
    if (dryRun) {
      return;
    }
    try {
      registry.delete(endpoints, deleted.namespace(), deleted.name(), DeleteOptions.DEFAULT,
          WriteAdmission.NONE);
    } catch (StatusException e) {
      if (e.status().code() != 404) {
        LOG.atError().setMessage("delete service endpoints failed")
            .addKeyValue("service", deleted.namespace() + "/" + deleted.name())
            .addKeyValue("error", e.getMessage()).log();
      }
    }
    ServiceSpec s = ServiceSpec.of(deleted);
    heldClusterIps(s).forEach(clusterIps::release);
    heldNodePorts(s).forEach(nodePorts::release);
  }

  /** The IPv4 cluster IPs a stored Service holds. */
  static List<Long> heldClusterIps(ServiceSpec s) {
    List<Long> out = new ArrayList<>();
    if (s.holdsClusterIps()) {
      for (String ip : s.clusterIps()) {
        Ipv4Prefix.parseAddress(ip).ifPresent(out::add);
      }
    }
    return out;
  }

  /** The node ports (health check node port included) a stored Service holds. */
  static List<Integer> heldNodePorts(ServiceSpec s) {
    List<Integer> out = new ArrayList<>();
    if (s.needsNodePort()) {
      s.nodePorts().forEach(p -> out.add(p.intValue()));
    }
    if (s.needsHealthCheck() && s.healthCheckNodePort() > 0) {
      out.add((int) s.healthCheckNodePort());
    }
    return out;
  }

  private List<Long> allocateClusterIps(Unstructured obj, ServiceSpec s, boolean dryRun) {
    if (s.isExternalName() || s.headless()) {
      return List.of();
    }
    List<String> ips = new ArrayList<>(s.clusterIps());
    String requested = ips.isEmpty() ? "" : ips.getFirst();
    ClusterIpAllocator.Owner owner = new ClusterIpAllocator.Owner(obj.namespace(), obj.name());
    String ip;
    long value;
    if (requested.isEmpty()) {
      switch (clusterIps.allocateNext(owner, dryRun)) {
        case Reservation.Reserved<Long>(Long v) -> value = v;
        case Reservation.Refused<Long>(String error) ->
            throw internal("failed to allocate a serviceIP: " + error);
      }
      ip = Ipv4Prefix.format(value);
    } else {
      OptionalLong parsed = Ipv4Prefix.parseAddress(requested);
      if (parsed.isEmpty()) {
        throw internal("failed to parse service IP " + GoQuote.quote(requested));
      }
      if (clusterIps.allocate(parsed.getAsLong(), owner, dryRun)
          instanceof Reservation.Refused<Long>(String error)) {
        throw ApiErrors.invalid("", "Service", obj.name(), List.of(ApiErrors.FieldError.invalid(
            "spec.clusterIPs", ServiceIpChecks.strings(s.clusterIps()),
            "failed to allocate IP " + requested + ": " + error)));
      }
      value = parsed.getAsLong();
      ip = requested;
    }
    if (ips.isEmpty()) {
      ips.add(ip);
    } else {
      ips.set(0, ip);
    }
    s.clusterIps(ips);
    s.clusterIp(ip);
    return List.of(value);
  }

  private void initNodePorts(Unstructured obj, ServiceSpec s, NodePortOperation ports) {
    List<Map<String, @Nullable Object>> list = s.ports();
    Map<Long, Long> byServicePort = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      Map<String, @Nullable Object> p = list.get(i);
      long nodePort = ServiceSpec.nodePort(p);
      if (nodePort == 0 && !s.allocatesNodePorts()) {
        continue;
      }
      long port = ServiceSpec.port(p);
      long allocated = byServicePort.getOrDefault(port, 0L);
      if (allocated == 0) {
        long requested = requestedNodePort(port, list);
        long value = requested != 0 ? reserve(obj, i, requested, ports) : next(ports);
        ServiceSpec.nodePort(p, value);
        byServicePort.put(port, value);
      } else if (nodePort != allocated) {
        if (nodePort == 0) {
          ServiceSpec.nodePort(p, allocated);
        } else {
          reserve(obj, i, nodePort, ports);
        }
      }
    }
  }

  private static long requestedNodePort(long port, List<Map<String, @Nullable Object>> ports) {
    for (Map<String, @Nullable Object> p : ports) {
      if (ServiceSpec.port(p) == port && ServiceSpec.nodePort(p) != 0) {
        return ServiceSpec.nodePort(p);
      }
    }
    return 0;
  }

  private static long reserve(Unstructured obj, int index, long port, NodePortOperation ports) {
    if (ports.allocate((int) port) instanceof Reservation.Refused<Integer>(String error)) {
      throw ApiErrors.invalid("", "Service", obj.name(), List.of(ApiErrors.FieldError.invalid(
          "spec.ports[" + index + "].nodePort", Long.toString(port), error)));
    }
    return port;
  }

  private static long next(NodePortOperation ports) {
    return switch (ports.allocateNext()) {
      case Reservation.Reserved<Integer>(Integer v) -> v;
      case Reservation.Refused<Integer>(String error) ->
          throw internal("failed to allocate a nodePort: " + error);
    };
  }

  private static void allocateHealthCheckNodePort(ServiceSpec s, NodePortOperation ports) {
    long requested = s.healthCheckNodePort();
    if (requested != 0) {
      if (ports.allocate((int) requested) instanceof Reservation.Refused<Integer>(String error)) {
        throw internal("failed to allocate requested HealthCheck NodePort " + requested + ": "
            + error);
      }
      return;
    }
    switch (ports.allocateNext()) {
      case Reservation.Reserved<Integer>(Integer v) -> s.healthCheckNodePort(v);
      case Reservation.Refused<Integer>(String error) ->
          throw internal("failed to allocate a HealthCheck NodePort 0: " + error);
    }
  }

  /** Upstream's {@code patchAllocatedValues}: keeps what was allocated when a client omits it. */
  static void patchAllocatedValues(ServiceSpec s, ServiceSpec o) {
    if (!o.isExternalName() && !s.isExternalName()) {
      if (s.clusterIp().isEmpty()) {
        s.clusterIp(o.clusterIp());
      }
      if (s.clusterIps().isEmpty() && !o.clusterIps().isEmpty()) {
        s.clusterIps(o.clusterIps());
      }
    }
    if (o.needsNodePort() && s.needsNodePort()) {
      List<Long> used = new ArrayList<>(o.nodePorts());
      used.retainAll(s.nodePorts());
      Map<String, Long> byName = new HashMap<>();
      for (Map<String, @Nullable Object> p : o.ports()) {
        byName.put(ServiceSpec.name(p), ServiceSpec.nodePort(p));
      }
      for (Map<String, @Nullable Object> p : s.ports()) {
        if (ServiceSpec.nodePort(p) == 0) {
          long old = byName.getOrDefault(ServiceSpec.name(p), 0L);
          if (!used.contains(old)) {
            ServiceSpec.nodePort(p, old);
          }
        }
      }
    }
    if (o.needsHealthCheck() && s.needsHealthCheck() && s.healthCheckNodePort() == 0) {
      s.healthCheckNodePort(o.healthCheckNodePort());
    }
  }

  /** Upstream's {@code normalizeClusterIPs} of an update. */
  static void normalizeClusterIps(ServiceSpec s, ServiceSpec o) {
    if (!o.clusterIps().isEmpty() && s.clusterIps().isEmpty()
        && o.clusterIp().equals(s.clusterIp())) {
      s.clusterIps(o.clusterIps());
    }
    if (!o.clusterIp().equals(s.clusterIp())) {
      boolean same = o.clusterIps().equals(s.clusterIps());
      if (!o.clusterIp().isEmpty() && s.clusterIp().isEmpty()) {
        if (same) {
          s.clusterIps(List.of());
        }
      } else if (same) {
        s.clusterIps(List.of(s.clusterIp()));
      }
    }
  }

  private void updateClusterIps(Unstructured obj, ServiceSpec s, ServiceSpec o, boolean dryRun,
      List<Long> allocated, List<Long> released) {
    if (o.isExternalName() && !s.isExternalName()) {
      allocated.addAll(allocateClusterIps(obj, s, dryRun));
      return;
    }
    if (o.headless()) {
      return;
    }
    if (!o.isExternalName() && s.isExternalName()) {
      released.addAll(heldClusterIps(o));
    }
  }

  private static void updateNodePorts(Unstructured obj, ServiceSpec s, ServiceSpec o,
      NodePortOperation ports) {
    if (o.needsNodePort() && !s.needsNodePort()) {
      o.nodePorts().forEach(p -> ports.releaseDeferred(p.intValue()));
    }
    if (s.needsNodePort()) {
      List<Long> oldPorts = o.needsNodePort() ? o.nodePorts() : List.of();
      List<String> seen = new ArrayList<>();
      List<Long> reserved = new ArrayList<>();
      List<Map<String, @Nullable Object>> list = s.ports();
      for (int i = 0; i < list.size(); i++) {
        Map<String, @Nullable Object> p = list.get(i);
        long nodePort = ServiceSpec.nodePort(p);
        if (nodePort == 0 && !s.allocatesNodePorts()) {
          continue;
        }
        if (nodePort != 0) {
          if (!oldPorts.contains(nodePort) && !reserved.contains(nodePort)) {
            reserve(obj, i, nodePort, ports);
            reserved.add(nodePort);
          }
        } else {
          nodePort = next(ports);
          ServiceSpec.nodePort(p, nodePort);
        }
        String key = "{" + ServiceSpec.protocol(p) + " " + nodePort + "}";
        if (seen.contains(key)) {
          throw new StatusException(new Status("duplicate nodePort: " + key, StatusReason.UNKNOWN,
              null, 500));
        }
        seen.add(key);
      }
      List<Long> newPorts = s.nodePorts();
      for (long old : oldPorts) {
        if (!newPorts.contains(old)) {
          ports.releaseDeferred((int) old);
        }
      }
    }
    boolean needed = o.needsHealthCheck();
    boolean needs = s.needsHealthCheck();
    if (!needed && needs) {
      allocateHealthCheckNodePort(s, ports);
    } else if (needed && !needs && o.healthCheckNodePort() > 0) {
      ports.releaseDeferred((int) o.healthCheckNodePort());
    }
  }

  /**
   * What a write does once stored or failed: on failure gives back what it reserved; on success
   * keeps the node ports, logs the allocated cluster IPs and frees the {@code released} ones.
   */
  private Finish finish(Unstructured obj, List<Long> allocated, List<Long> released,
      NodePortOperation ports, boolean dryRun) {
    return success -> {
      if (!success) {
        revert(allocated, ports, dryRun);
        return;
      }
      ports.commit();
      logAllocated(obj, allocated, dryRun);
      if (!dryRun) {
        released.forEach(clusterIps::release);
      }
    };
  }

  private void revert(List<Long> allocated, NodePortOperation ports, boolean dryRun) {
    if (!dryRun) {
      allocated.forEach(clusterIps::release);
    }
    ports.rollback();
  }

  private static void logAllocated(Unstructured obj, List<Long> allocated, boolean dryRun) {
    if (!dryRun && !allocated.isEmpty()) {
      LOG.atInfo().setMessage("allocated clusterIPs")
          .addKeyValue("service", obj.namespace() + "/" + obj.name())
          .addKeyValue("clusterIPs", allocated.stream().map(Ipv4Prefix::format).toList()).log();
    }
  }

  /** Upstream's {@code errors.NewInternalError}. */
  static StatusException internal(String error) {
    return new StatusException(new Status("Internal error occurred: " + error,
        StatusReason.INTERNAL_ERROR, new Status.Details("", "", "",
            List.of(new Status.Cause("", error, ""))), 500));
  }
}
