package io.gatehouse.server;

import io.gatehouse.api.GroupVersionResource;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * The Service networking of the server, wired together at start-up before requests are served:
 * the default ServiceCIDR ({@link DefaultServiceCidr}), the repair of stored allocations ({@link
 * ServiceAllocationRepair}), then the registry's Service hooks ({@link ServiceAllocation} over
 * {@link ClusterIpAllocator} and {@link NodePortAllocator}), and the periodic repair, which {@link
 * #close} stops; {@link #controller} makes the {@code kubernetes} Service's controller once the
 * secure port is known. Immutable after {@link #open}; thread-safe.
 */
final class ServiceNetwork implements AutoCloseable {

  /** kube-apiserver's {@code --endpoint-reconciler} interval ({@code EndpointInterval}). */
  static final Duration ENDPOINT_INTERVAL = Duration.ofSeconds(10);

  private final Registry registry;
  private final ResourceTable table;
  private final ServiceNetworkOptions options;
  private final ServiceAllocationRepair repair;

  private ServiceNetwork(Registry registry, ResourceTable table, ServiceNetworkOptions options,
      ServiceAllocationRepair repair) {
    this.registry = registry;
    this.table = table;
    this.options = options;
    this.repair = repair;
  }

  /** Creates the default ServiceCIDR, repairs the allocations and installs the Service hooks. */
  static ServiceNetwork open(Registry registry, ResourceTable table,
      ServiceNetworkOptions options, Clock clock) {
    return open(registry, table, options, clock, new Random(), ServiceAllocationRepair.INTERVAL);
  }

  /** {@link #open(Registry, ResourceTable, ServiceNetworkOptions, Clock)} with a given source of
   * the random starting points of dynamic allocation (thread-safe). */
  static ServiceNetwork open(Registry registry, ResourceTable table,
      ServiceNetworkOptions options, Clock clock, RandomGenerator random) {
    return open(registry, table, options, clock, random, ServiceAllocationRepair.INTERVAL);
  }

  /** {@link #open(Registry, ResourceTable, ServiceNetworkOptions, Clock, RandomGenerator)} with
   * the repair repeated every {@code repairInterval}. */
  static ServiceNetwork open(Registry registry, ResourceTable table,
      ServiceNetworkOptions options, Clock clock, RandomGenerator random,
      Duration repairInterval) {
    ClusterIpAllocator clusterIps = new ClusterIpAllocator(registry, table, random);
    NodePortAllocator nodePorts = new NodePortAllocator(registry.store(),
        options.nodePortRange(), random);
    DefaultServiceCidr.ensure(registry, clusterIps.serviceCidrs(), options.clusterIpRange(),
        clock);
    StoredResource services = table.resource(new GroupVersionResource("", "v1", "services"))
        .orElseThrow();
    ServiceAllocationRepair repair = new ServiceAllocationRepair(registry, services, clusterIps,
        nodePorts, clock, RepairEvent.LOGGED);
    repair.runAtStartup();
    StoredResource endpoints = table.resource(new GroupVersionResource("", "v1", "endpoints"))
        .orElseThrow();
    registry.setHooks(ResourceStrategy.SERVICES,
        new ServiceAllocation(clusterIps, nodePorts, registry, endpoints));
    return new ServiceNetwork(registry, table, options, repair.start(repairInterval));
  }

  /** Stops the periodic repair. */
  @Override
  public void close() {
    repair.close();
  }

  /**
   * The {@code kubernetes} Service's controller for a server on {@code securePort}, advertising
   * {@code --advertise-address}, else the bind address, else (binding every address) 127.0.0.1.
   */
  KubernetesServiceController controller(InetAddress bind, int securePort) {
    String advertise = options.advertiseAddress().orElseGet(() -> bind.isAnyLocalAddress()
        ? "127.0.0.1" : bind.getHostAddress());
    return new KubernetesServiceController(registry, table, options, advertise, securePort,
        ENDPOINT_INTERVAL);
  }
}
