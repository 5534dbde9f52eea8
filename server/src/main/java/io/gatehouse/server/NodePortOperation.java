package io.gatehouse.server;

import java.util.ArrayList;
import java.util.List;

/**
 * The node port changes of one Service write, upstream's {@code PortAllocationOperation}: ports
 * are reserved at once (and released again by {@link #rollback()} if the write fails), releases
 * wait for {@link #commit()} after the write. A dry run reserves nothing: a requested port is only
 * refused when the stored bitmap or this operation already has it, and a dynamic one is one more
 * than the highest port of the operation (32769 for the first), as upstream's dry run answers.
 * Not thread-safe: one request's.
 */
final class NodePortOperation {

  private final NodePortAllocator allocator;
  private final boolean dryRun;
  private final List<Integer> allocated = new ArrayList<>();
  private final List<Integer> releaseDeferred = new ArrayList<>();

  NodePortOperation(NodePortAllocator allocator, boolean dryRun) {
    this.allocator = allocator;
    this.dryRun = dryRun;
  }

  Reservation<Integer> allocate(int port) {
    if (dryRun) {
      if (allocator.has(port) || allocated.contains(port)) {
        return new Reservation.Refused<>(Reservation.PORT_ALLOCATED);
      }
      allocated.add(port);
      return new Reservation.Reserved<>(port);
    }
    Reservation<Integer> r = allocator.allocate(port);
    if (r instanceof Reservation.Reserved<Integer>) {
      allocated.add(port);
    }
    return r;
  }

  Reservation<Integer> allocateNext() {
    if (dryRun) {
      int last = allocated.isEmpty() ? 32768 : allocated.stream().max(Integer::compare).get();
      for (int port = last + 1; port < 100; port++) {
        if (allocate(port) instanceof Reservation.Reserved<Integer> r) {
          return r;
        }
      }
      allocated.add(last + 1);
      return new Reservation.Reserved<>(last + 1);
    }
    Reservation<Integer> r = allocator.allocateNext();
    if (r instanceof Reservation.Reserved<Integer>(Integer port)) {
      allocated.add(port);
    }
    return r;
  }

  /** Releases {@code port} when the write commits. */
  void releaseDeferred(int port) {
    releaseDeferred.add(port);
  }

  /** After the write: performs the deferred releases. */
  void commit() {
    if (!dryRun) {
      releaseDeferred.forEach(allocator::release);
    }
  }

  /** The write failed: releases what this operation reserved. */
  void rollback() {
    if (!dryRun) {
      allocated.forEach(allocator::release);
    }
  }
}
