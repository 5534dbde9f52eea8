package io.gatehouse.server;

import java.util.OptionalLong;

/**
 * An IPv4 network such as {@code 10.0.0.0/24} with the address arithmetic of upstream's service IP
 * allocator ({@code pkg/registry/core/service/ipallocator}): the network and broadcast addresses
 * are never allocated, and the first {@link #rangeOffset()} host addresses form the lower subrange
 * reserved for requested IPs (KEP-3070), dynamic allocation preferring the upper one. Addresses
 * are unsigned 32-bit values held in a {@code long}. Immutable.
 *
 * @param network the network address (host bits zero)
 * @param bits the prefix length, 0 to 32
 */
record Ipv4Prefix(long network, int bits) {

  private static final long MASK32 = 0xFFFF_FFFFL;

  /** Checks the arguments. */
  Ipv4Prefix {
    if (bits < 0 || bits > 32 || (network & ~MASK32) != 0 || (network & ~mask(bits)) != 0) {
      throw new IllegalArgumentException("not a network: " + network + "/" + bits);
    }
  }

  /**
   * Parses {@code a.b.c.d/n} the way Go's {@code netutils.ParseCIDRSloppy} does for IPv4 (octets
   * may have leading zeros; host bits are cleared), or empty.
   */
  static java.util.Optional<Ipv4Prefix> parse(String cidr) {
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      return java.util.Optional.empty();
    }
    OptionalLong ip = parseAddress(cidr.substring(0, slash));
    String len = cidr.substring(slash + 1);
    if (ip.isEmpty() || len.isEmpty() || len.length() > 2 || !len.chars().allMatch(Character::isDigit)) {
      return java.util.Optional.empty();
    }
    int n = Integer.parseInt(len);
    if (n > 32) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new Ipv4Prefix(ip.getAsLong() & mask(n), n));
  }

  /**
   * Parses a dotted IPv4 address as {@code netutils.ParseIPSloppy} does (decimal octets up to 255,
   * leading zeros allowed), or empty for anything else, IPv6 included.
   */
  static OptionalLong parseAddress(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return OptionalLong.empty();
    }
    long v = 0;
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 8 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return OptionalLong.empty();
      }
      int octet = Integer.parseInt(p);
      if (octet > 255) {
        return OptionalLong.empty();
      }
      v = (v << 8) | octet;
    }
    return OptionalLong.of(v);
  }

  /** Formats an address as {@code a.b.c.d}. */
  static String format(long ip) {
    return ((ip >> 24) & 0xFF) + "." + ((ip >> 16) & 0xFF) + "." + ((ip >> 8) & 0xFF) + "."
        + (ip & 0xFF);
  }

  private static long mask(int bits) {
    return bits == 0 ? 0 : (MASK32 << (32 - bits)) & MASK32;
  }

  /** How many addresses the prefix spans ({@code netutils.RangeSize}). */
  long size() {
    return 1L << (32 - bits);
  }

  /** The first address that may be allocated: the one after the network address. */
  long first() {
    return network + 1;
  }

  /** The last address that may be allocated: the one before the broadcast address. */
  long last() {
    return network + size() - 2;
  }

  /** How many addresses may be allocated (upstream's {@code hostsPerNetwork}). */
  long hosts() {
    return Math.max(0, size() - 2);
  }

  /**
   * Whether {@code ip} may be allocated from this prefix: inside it and neither its network nor
   * its broadcast address ({@code servicecidr.PrefixContainsIP}).
   */
  boolean containsHost(long ip) {
    return ip >= first() && ip <= last();
  }

  /**
   * The size of the lower subrange kept for requested IPs: {@code min(max(16, size/16), 256)},
   * 0 for prefixes of at most 16 addresses (upstream's {@code calculateRangeOffset}).
   */
  int rangeOffset() {
    long size = size();
    if (size <= 16) {
      return 0;
    }
    return (int) Math.min(Math.max(16, size / 16), 256);
  }

  @Override
  public String toString() {
    return format(network) + "/" + bits;
  }
}
