package io.gatehouse.server;

import java.util.Optional;

/**
 * A range of ports such as kube-apiserver's {@code --service-node-port-range} ({@code
 * k8s.io/apimachinery/pkg/util/net.PortRange}): {@code size} ports from {@code base}. Immutable.
 *
 * @param base the first port
 * @param size how many ports, at least 1
 */
record PortRange(int base, int size) {

  /** Checks the arguments. */
  PortRange {
    if (base < 0 || size < 1 || base + size - 1 > 65535) {
      throw new IllegalArgumentException("not a port range: " + base + "+" + size);
    }
  }

  /**
   * Parses {@code low-high}, {@code base+offset} or a single port, as {@code
   * utilnet.ParsePortRange} accepts them, or empty for anything else.
   */
  static Optional<PortRange> parse(String s) {
    String t = s.strip();
    int dash = t.indexOf('-');
    int plus = t.indexOf('+');
    try {
      if (dash > 0) {
        int low = Integer.parseInt(t.substring(0, dash));
        int high = Integer.parseInt(t.substring(dash + 1));
        return valid(low, high - low + 1);
      }
      if (plus > 0) {
        int low = Integer.parseInt(t.substring(0, plus));
        int offset = Integer.parseInt(t.substring(plus + 1));
        return offset < 0 ? Optional.empty() : valid(low, offset + 1);
      }
      int port = Integer.parseInt(t);
      return valid(port, 1);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<PortRange> valid(int base, int size) {
    if (base < 0 || size < 1 || (long) base + size - 1 > 65535) {
      return Optional.empty();
    }
    return Optional.of(new PortRange(base, size));
  }

  /** Whether {@code port} is in the range. */
  boolean contains(long port) {
    return port >= base && port < (long) base + size;
  }

  /**
   * The size of the lower subrange kept for requested ports: {@code min(max(16, size/32), 128)},
   * 0 for ranges of at most 16 ports (upstream's {@code portallocator.calculateRangeOffset}).
   */
  int rangeOffset() {
    if (size <= 16) {
      return 0;
    }
    return Math.min(Math.max(16, size / 32), 128);
  }

  /** {@code low-high}, as {@code PortRange.String()}. */
  @Override
  public String toString() {
    return base + "-" + (base + size - 1);
  }
}
