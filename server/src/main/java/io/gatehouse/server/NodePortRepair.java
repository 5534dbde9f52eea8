package io.gatehouse.server;

import io.gatehouse.api.Unstructured;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * kube-apiserver's node port repair controller ({@code portallocator/controller/repair.go}): the
 * bitmap is read first, then the Services, and the bitmap rebuilt from their node ports is
 * written conditionally on the revision read, so an allocation made meanwhile is never lost (a
 * conflict repeats the pass). A port a Service holds but the bitmap lacks is taken again; a port
 * the bitmap holds but no Service does may belong to a Service being created, so it is kept until
 * it has been found leaked in {@link #REPAIRS_BEFORE_LEAK_CLEANUP} passes, then released. The
 * start-up pass, run before requests are served, releases leaks at once. Messages are upstream's
 * event and error texts, logged (no Events are recorded). Thread-safe: passes are serialized.
 */
final class NodePortRepair {

  /** Upstream's {@code numRepairsBeforeLeakCleanup}. */
  static final int REPAIRS_BEFORE_LEAK_CLEANUP = 3;
  private static final int ATTEMPTS = 5;
  private static final Logger LOG = LoggerFactory.getLogger(NodePortRepair.class);

  private final NodePortAllocator nodePorts;
  private final Supplier<List<Unstructured>> services;
  private final Consumer<RepairEvent> events;
  /** Per leaked port, the passes left before it is released. */
  private final Map<Integer, Integer> leaks = new HashMap<>();

  NodePortRepair(NodePortAllocator nodePorts, Supplier<List<Unstructured>> services,
      Consumer<RepairEvent> events) {
    this.nodePorts = nodePorts;
    this.services = services;
    this.events = events;
  }

  /** The start-up pass: the bitmap becomes exactly the Services' node ports. */
  synchronized void runAtStartup() {
    run(true);
  }

  /** A periodic pass. */
  synchronized void runOnce() {
    run(false);
  }

  private void run(boolean startup) {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      NodePortAllocator.Snapshot snapshot = nodePorts.snapshot();
      BitSet stored = (BitSet) snapshot.offsets().clone();
      Map<Integer, Integer> nextLeaks = new HashMap<>(leaks);
      BitSet rebuilt = rebuild(stored, nextLeaks, startup);
      boolean unchanged = snapshot.current() && rebuilt.equals(snapshot.offsets());
      if (unchanged || nodePorts.replace(snapshot, rebuilt)) {
        leaks.clear();
        leaks.putAll(nextLeaks);
        return;
      }
    }
    LOG.atWarn().setMessage("unable to persist the updated port allocations: the allocations "
        + "kept changing").log();
  }

  /**
   * The bitmap the Services call for; {@code stored} loses the ports a Service holds, so what
   * remains has leaked.
   */
  private BitSet rebuild(BitSet stored, Map<Integer, Integer> leakCounts, boolean startup) {
    PortRange range = nodePorts.range();
    BitSet rebuilt = new BitSet(range.size());
    for (Unstructured svc : services.get()) {
      for (int port : ServiceAllocation.heldNodePorts(ServiceSpec.of(svc))) {
        int offset = port - range.base();
        if (!range.contains(port)) {
          events.accept(RepairEvent.onService("PortOutOfRange", svc, "Port " + port
              + " is not within the port range " + range + "; please recreate service"));
        } else if (rebuilt.get(offset)) {
          events.accept(RepairEvent.onService("PortAlreadyAllocated", svc, "Port " + port
              + " was assigned to multiple services; please recreate service"));
        } else {
          rebuilt.set(offset);
          if (stored.get(offset)) {
            stored.clear(offset);
          } else {
            events.accept(RepairEvent.onService("PortNotAllocated", svc, "Port " + port
                + " is not allocated; repairing"));
          }
          leakCounts.remove(port);
        }
      }
    }
    stored.stream().forEach(offset -> {
      int port = range.base() + offset;
      Integer left = leakCounts.get(port);
      if (left == null && !startup) {
        events.accept(RepairEvent.error("the node port " + port
            + " may have leaked: flagging for later clean up"));
        left = REPAIRS_BEFORE_LEAK_CLEANUP - 1;
      }
      if (left != null && left > 0) {
        leakCounts.put(port, left - 1);
        rebuilt.set(offset);
      } else {
        events.accept(RepairEvent.error("the node port " + port
            + " appears to have leaked: cleaning up"));
        leakCounts.remove(port);
      }
    });
    return rebuilt;
  }
}
