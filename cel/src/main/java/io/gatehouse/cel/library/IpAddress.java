package io.gatehouse.cel.library;

import org.jspecify.annotations.Nullable;

/**
 * A value of the CEL type {@code net.IP}: an IPv4 or IPv6 address without zone, with the semantics
 * of Go's {@code netip.Addr} that the Kubernetes IP library wraps.
 *
 * <p>Immutable and thread-safe. Instances come from {@link IpLibrary}'s {@code ip(string)} (which
 * rejects zones and IPv4-mapped IPv6 addresses) or from {@link Cidr#address()}. Two addresses are
 * equal when they have the same family and bits, as {@code ==} in CEL requires.
 */
public final class IpAddress {

  /** The 128-bit form of an IPv4 address is the IPv4-mapped IPv6 address, as in Go. */
  private static final long V4_MAPPED = 0xffff_0000_0000L;

  private final long hi;
  private final long lo;
  private final boolean v4;

  private IpAddress(long hi, long lo, boolean v4) {
    this.hi = hi;
    this.lo = lo;
    this.v4 = v4;
  }

  static IpAddress ofV4(long bits) {
    return new IpAddress(0, V4_MAPPED | (bits & 0xffff_ffffL), true);
  }

  static IpAddress ofV6(long hi, long lo) {
    return new IpAddress(hi, lo, false);
  }

  long hi() {
    return hi;
  }

  long lo() {
    return lo;
  }

  boolean isV4() {
    return v4;
  }

  /** Returns the number of bits: 32 or 128. */
  int bitLength() {
    return v4 ? 32 : 128;
  }

  /** Returns 4 for IPv4 and 6 for IPv6 addresses. */
  public int family() {
    return v4 ? 4 : 6;
  }

  boolean is4In6() {
    return !v4 && hi == 0 && (lo >>> 32) == 0xffffL;
  }

  /** Returns whether this is {@code 0.0.0.0} or {@code ::}. */
  public boolean isUnspecified() {
    return v4 ? lo == V4_MAPPED : hi == 0 && lo == 0;
  }

  /** Returns whether this is in {@code 127.0.0.0/8} or is {@code ::1}. */
  public boolean isLoopback() {
    IpAddress ip = unmap();
    return ip.v4 ? ip.octet(0) == 127 : ip.hi == 0 && ip.lo == 1;
  }

  boolean isMulticast() {
    IpAddress ip = unmap();
    return ip.v4 ? (ip.octet(0) & 0xf0) == 0xe0 : (ip.hi >>> 56) == 0xff;
  }

  /** Returns whether this is in {@code 224.0.0.0/24} or is an IPv6 link-local multicast address. */
  public boolean isLinkLocalMulticast() {
    IpAddress ip = unmap();
    return ip.v4
        ? ip.octet(0) == 224 && ip.octet(1) == 0 && ip.octet(2) == 0
        : (ip.group(0) & 0xff0f) == 0xff02;
  }

  /** Returns whether this is in {@code 169.254.0.0/16} or {@code fe80::/10}. */
  public boolean isLinkLocalUnicast() {
    IpAddress ip = unmap();
    return ip.v4 ? ip.octet(0) == 169 && ip.octet(1) == 254 : (ip.group(0) & 0xffc0) == 0xfe80;
  }

  /**
   * Returns Go's {@code IsGlobalUnicast}: not unspecified, not the IPv4 broadcast address, not
   * loopback, multicast or link-local unicast. Private and unique-local addresses count as global.
   */
  public boolean isGlobalUnicast() {
    IpAddress ip = unmap();
    if (ip.v4 && (ip.lo == V4_MAPPED || ip.lo == (V4_MAPPED | 0xffff_ffffL))) {
      return false;
    }
    return !(!ip.v4 && ip.hi == 0 && ip.lo == 0)
        && !ip.isLoopback()
        && !ip.isMulticast()
        && !ip.isLinkLocalUnicast();
  }

  /** Returns this address with all but the first {@code bits} bits cleared. */
  IpAddress masked(int bits) {
    int effective = v4 ? bits + 96 : bits;
    long hiMask = effective >= 64 ? -1L : effective == 0 ? 0 : -1L << (64 - effective);
    long loMask = effective <= 64 ? 0 : -1L << (128 - effective);
    return new IpAddress(hi & hiMask, lo & loMask, v4);
  }

  private IpAddress unmap() {
    return is4In6() ? new IpAddress(hi, lo, true) : this;
  }

  private int octet(int i) {
    return (int) (lo >>> ((3 - i) * 8)) & 0xff;
  }

  private int group(int i) {
    long half = i < 4 ? hi : lo;
    return (int) (half >>> ((3 - (i % 4)) * 16)) & 0xffff;
  }

  /**
   * Returns Go's canonical text: dotted decimal for IPv4, RFC 5952 for IPv6 (lower-case hex, no
   * leading zeros, the longest run of two or more zero groups, the first on a tie, as {@code ::}).
   */
  @Override
  public String toString() {
    if (v4) {
      return dotted();
    }
    if (is4In6()) {
      return "::ffff:" + dotted();
    }
    int zeroStart = -1;
    int zeroEnd = -1;
    for (int i = 0; i < 8; i++) {
      int j = i;
      while (j < 8 && group(j) == 0) {
        j++;
      }
      if (j - i >= 2 && j - i > zeroEnd - zeroStart) {
        zeroStart = i;
        zeroEnd = j;
      }
    }
    StringBuilder out = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i == zeroStart) {
        out.append("::");
        i = zeroEnd;
        if (i >= 8) {
          break;
        }
      } else if (i > 0) {
        out.append(':');
      }
      out.append(Integer.toHexString(group(i)));
    }
    return out.toString();
  }

  private String dotted() {
    return octet(0) + "." + octet(1) + "." + octet(2) + "." + octet(3);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof IpAddress other && hi == other.hi && lo == other.lo && v4 == other.v4;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(hi) * 31 + Long.hashCode(lo) + (v4 ? 1 : 0);
  }
}
