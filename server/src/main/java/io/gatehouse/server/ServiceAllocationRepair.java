package io.gatehouse.server;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * kube-apiserver's Service allocation repair controllers, {@link ClusterIpRepair} and {@link
 * NodePortRepair}, with the Services as the truth. The start-up pass ({@link #runAtStartup}) runs
 * before the server accepts requests, so nothing is being allocated meanwhile and leaked
 * allocations (left by a crash between reserving and storing a Service, or between deleting it and
 * releasing) are released at once. Then {@link #start} repeats a pass every {@link #INTERVAL}
 * (upstream's {@code repairLoopInterval}) while requests are served, waiting as upstream does
 * before releasing what may belong to a Service being written; {@link #close} stops it. Passes
 * are serialized; a failing pass is logged and the next one runs on time. Thread-safe.
 */
final class ServiceAllocationRepair implements AutoCloseable {

  /** Upstream's {@code repairLoopInterval} ({@code pkg/controlplane/instance.go}). */
  static final Duration INTERVAL = Duration.ofMinutes(3);

  private static final Logger LOG = LoggerFactory.getLogger(ServiceAllocationRepair.class);

  private final ClusterIpRepair clusterIps;
  private final NodePortRepair nodePorts;
  private final BackgroundLoop loop = new BackgroundLoop("gatehouse-service-allocation-repair");

  ServiceAllocationRepair(Registry registry, StoredResource services,
      ClusterIpAllocator ipAllocator, NodePortAllocator portAllocator, Clock clock,
      Consumer<RepairEvent> events) {
    this.clusterIps = new ClusterIpRepair(registry, services, ipAllocator, clock, events);
    this.nodePorts = new NodePortRepair(portAllocator, () -> ipAllocator.list(services), events);
  }

  /** The start-up pass: leaks are released at once. */
  synchronized void runAtStartup() {
    clusterIps.run(Duration.ZERO);
    nodePorts.runAtStartup();
  }

  /** A periodic pass. */
  synchronized void runOnce() {
    clusterIps.run(ClusterIpRepair.GRACE);
    nodePorts.runOnce();
  }

  /** Runs {@link #runOnce} every {@code interval} on a virtual thread, the first after one. */
  ServiceAllocationRepair start(Duration interval) {
    loop.start(() -> {
      while (!loop.stopped()) {
        try {
          Thread.sleep(interval);
        } catch (InterruptedException e) {
          return;
        }
        try {
          runOnce();
        } catch (RuntimeException e) {
          if (!loop.stopped()) {
            LOG.atWarn().setMessage("Service allocation repair failed").setCause(e).log();
          }
        }
      }
    });
    return this;
  }

  /** Stops the periodic passes; a pass under way finishes its current write. Idempotent. */
  @Override
  public void close() {
    loop.stop();
  }
}
