package io.gatehouse.server;

/**
 * The outcome of reserving one value (a cluster IP or a node port) from a range: the value, or
 * the allocator's refusal with upstream's error text. Immutable.
 *
 * @param <T> the kind of value
 */
sealed interface Reservation<T> {

  /** The value was reserved (or, for a dry run, would have been). */
  record Reserved<T>(T value) implements Reservation<T> {}

  /**
   * The value could not be reserved.
   *
   * @param error upstream's error text, e.g. {@code provided port is already allocated}
   */
  record Refused<T>(String error) implements Reservation<T> {}

  /** Upstream's {@code ErrFull}. */
  String FULL = "range is full";
  /** Upstream's {@code ErrAllocated} of the IP allocator. */
  String IP_ALLOCATED = "provided IP is already allocated";
  /** Upstream's {@code ErrMismatchedNetwork} of the IP allocator. */
  String MISMATCHED_NETWORK = "the provided network does not match the current range";
  /** Upstream's {@code ErrNotReady} of the IP allocator. */
  String NOT_READY = "allocator not ready";
  /** Upstream's {@code ErrAllocated} of the port allocator. */
  String PORT_ALLOCATED = "provided port is already allocated";

  /** The IP allocator's {@code ErrNotInRange} (kube-apiserver 1.33's wording). */
  static String ipNotInRange(String ip, String validRange) {
    return "the provided IP (" + ip + ") is not in the valid range. The range of valid IPs is "
        + validRange;
  }

  /** The port allocator's {@code ErrNotInRange}. */
  static String portNotInRange(PortRange range) {
    return "provided port is not in the valid range. The range of valid ports is " + range;
  }
}
