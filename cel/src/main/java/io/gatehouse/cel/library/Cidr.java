package io.gatehouse.cel.library;

import org.jspecify.annotations.Nullable;

/**
 * A value of the CEL type {@code net.CIDR}: an address and a prefix length, with the semantics of
 * Go's {@code netip.Prefix}. The address keeps the host bits as written; {@link #masked()} clears
 * them.
 *
 * <p>Immutable and thread-safe. Equality compares address and prefix length, so {@code
 * 192.168.0.1/24} and {@code 192.168.0.0/24} differ, as in upstream.
 */
public final class Cidr {

  private final IpAddress address;
  private final int prefixLength;

  Cidr(IpAddress address, int prefixLength) {
    if (prefixLength < 0 || prefixLength > address.bitLength()) {
      throw new IllegalArgumentException("prefix length " + prefixLength + " out of range");
    }
    this.address = address;
    this.prefixLength = prefixLength;
  }

  /** Returns the address as written, host bits included. */
  public IpAddress address() {
    return address;
  }

  /** Returns the prefix length in bits. */
  public int prefixLength() {
    return prefixLength;
  }

  /** Returns the canonical network: the same prefix length with the host bits cleared. */
  public Cidr masked() {
    return new Cidr(address.masked(prefixLength), prefixLength);
  }

  /**
   * Returns whether {@code ip} is in this network: same family and equal in the first {@link
   * #prefixLength()} bits.
   */
  public boolean containsIp(IpAddress ip) {
    return ip.isV4() == address.isV4()
        && ip.masked(prefixLength).equals(address.masked(prefixLength));
  }

  /**
   * Returns whether {@code other} lies inside this network: same family, a prefix at least as long,
   * and an address equal to this one in the first {@link #prefixLength()} bits. This is the
   * behaviour after kubernetes/kubernetes#130450; earlier releases compared the other address
   * unmasked.
   */
  public boolean containsCidr(Cidr other) {
    return other.address.isV4() == address.isV4()
        && prefixLength <= other.prefixLength
        && other.address.masked(prefixLength).equals(address.masked(prefixLength));
  }

  /** Returns Go's text: the address's canonical form, {@code /}, the prefix length. */
  @Override
  public String toString() {
    return address + "/" + prefixLength;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Cidr other
        && prefixLength == other.prefixLength
        && address.equals(other.address);
  }

  @Override
  public int hashCode() {
    return address.hashCode() * 131 + prefixLength;
  }
}
