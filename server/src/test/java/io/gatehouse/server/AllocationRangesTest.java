package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.storage.InMemoryKeyValueStore;
import java.util.BitSet;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The range arithmetic and the stored bitmap of the allocators: IPv4 prefixes and their reserved
 * lower subrange, port ranges, the {@code RangeAllocation} encoding, and the flags' checks.
 */
class AllocationRangesTest {

  private record PrefixCase(String cidr, String first, String last, int offset) {
    @Override
    public String toString() {
      return cidr;
    }
  }

  private static Stream<PrefixCase> prefixes() {
    return Stream.of(new PrefixCase("10.0.0.0/24", "10.0.0.1", "10.0.0.254", 16),
        new PrefixCase("10.0.0.5/24", "10.0.0.1", "10.0.0.254", 16),
        new PrefixCase("10.96.0.0/12", "10.96.0.1", "10.111.255.254", 256),
        new PrefixCase("192.168.0.0/20", "192.168.0.1", "192.168.15.254", 256),
        new PrefixCase("192.168.0.0/28", "192.168.0.1", "192.168.0.14", 0),
        new PrefixCase("192.168.0.0/27", "192.168.0.1", "192.168.0.30", 16));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("prefixes")
  void parse_cidr_hasUpstreamBoundsAndOffset(PrefixCase c) {
    Ipv4Prefix p = Ipv4Prefix.parse(c.cidr()).orElseThrow();

    assertThat(Ipv4Prefix.format(p.first())).isEqualTo(c.first());
    assertThat(Ipv4Prefix.format(p.last())).isEqualTo(c.last());
    assertThat(p.rangeOffset()).isEqualTo(c.offset());
    assertThat(p.containsHost(p.network())).isFalse();
    assertThat(p.containsHost(p.last() + 1)).isFalse();
  }

  @Test
  void parseAddress_sloppyAndInvalid_asParseIpSloppy() {
    assertThat(Ipv4Prefix.parseAddress("010.000.000.001")).hasValue(0x0A000001L);
    assertThat(Ipv4Prefix.parseAddress("10.0.0.256")).isEmpty();
    assertThat(Ipv4Prefix.parseAddress("10.0.0")).isEmpty();
    assertThat(Ipv4Prefix.parseAddress("fd00::1")).isEmpty();
    assertThat(ServiceIpChecks.familyOf("fd00::1")).isEqualTo("IPv6");
    assertThat(ServiceIpChecks.familyOf("::ffff:10.0.0.1")).isEqualTo("IPv4");
    assertThat(ServiceIpChecks.familyOf("example.com")).isEqualTo("unknown");
  }

  @Test
  void portRange_parseForms_printLowHigh() {
    assertThat(PortRange.parse("30000-32767")).contains(new PortRange(30000, 2768));
    assertThat(PortRange.parse("30000+2767")).contains(new PortRange(30000, 2768));
    assertThat(PortRange.parse("8080")).contains(new PortRange(8080, 1));
    assertThat(PortRange.parse("32767-30000")).isEmpty();
    assertThat(PortRange.parse("1-70000")).isEmpty();
    assertThat(new PortRange(30000, 2768).toString()).isEqualTo("30000-32767");
    assertThat(new PortRange(30000, 2768).rangeOffset()).isEqualTo(86);
    assertThat(new PortRange(1, 100_000 / 2).rangeOffset()).isEqualTo(128);
  }

  private record BitsCase(String name, int[] offsets, String data) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Stream<BitsCase> bitmaps() {
    return Stream.of(new BitsCase("empty", new int[0], ""),
        new BitsCase("offset 0", new int[] {0}, "AQ=="),
        new BitsCase("offsets 0 and 1", new int[] {0, 1}, "Aw=="),
        new BitsCase("offset 8", new int[] {8}, "AQA="),
        new BitsCase("offsets 1 and 15", new int[] {1, 15}, "gAI="));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bitmaps")
  void bitmap_encodeDecode_isBigIntBytes(BitsCase c) {
    BitSet bits = new BitSet();
    IntStream.of(c.offsets()).forEach(bits::set);

    assertThat(AllocationBitmap.encode(bits)).isEqualTo(c.data());
    assertThat(AllocationBitmap.decode(c.data())).isEqualTo(bits);
  }

  @Test
  void bitmapNext_upperSubrangeFirstThenLower() {
    BitSet bits = new BitSet();
    bits.set(4, 10);

    assertThat(AllocationBitmap.next(bits, 10, 4, new Random(1)).getAsInt()).isLessThan(4);
    bits.set(0, 4);
    assertThat(AllocationBitmap.next(bits, 10, 4, new Random(1))).isEmpty();
    assertThat(AllocationBitmap.next(new BitSet(), 10, 4, new Random(1)).getAsInt())
        .isBetween(4, 9);
  }

  @Test
  void nodePortAllocator_exhausted_refusesWithRangeIsFull() {
    NodePortAllocator ports = new NodePortAllocator(InMemoryKeyValueStore.create(),
        new PortRange(30000, 3), new Random(2));
    assertThat(ports.allocate(30001)).isEqualTo(new Reservation.Reserved<>(30001));

    assertThat(ports.allocateNext()).isInstanceOf(Reservation.Reserved.class);
    assertThat(ports.allocateNext()).isInstanceOf(Reservation.Reserved.class);
    assertThat(ports.allocateNext()).isEqualTo(new Reservation.Refused<>("range is full"));
    ports.release(30001);
    assertThat(ports.allocateNext()).isEqualTo(new Reservation.Reserved<>(30001));
  }

  @Test
  void options_invalidFlags_listEveryError() {
    assertThatThrownBy(() -> new ServiceNetworkOptions(Optional.of("10.0.0.0/8"), "9-1",
        Optional.of("nowhere"))).isInstanceOf(IllegalArgumentException.class).hasMessage(
            "specified --service-cluster-ip-range is too large; for 32-bit addresses, the mask "
                + "must be >= 12\n--service-node-port-range 9-1: not a port range\n"
                + "--advertise-address nowhere: not an IP address");
    assertThatThrownBy(() -> new ServiceNetworkOptions(Optional.of("fd00::/108"), "30000-32767",
        Optional.empty())).hasMessage("--service-cluster-ip-range fd00::/108: not an IPv4 CIDR "
            + "(Gatehouse serves single-stack IPv4 Services)");
    assertThatThrownBy(() -> new ServiceNetworkOptions(Optional.of("10.0.0.0/30"), "30000-32767",
        Optional.empty())).hasMessage("the service cluster IP range must be at least 8 IP "
            + "addresses");
    assertThat(ServiceNetworkOptions.DEFAULT.kubernetesServiceIp())
        .isEqualTo(Ipv4Prefix.parseAddress("10.0.0.1").orElseThrow());
  }
}
