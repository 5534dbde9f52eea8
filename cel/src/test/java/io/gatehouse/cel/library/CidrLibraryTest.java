package io.gatehouse.cel.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CidrLibraryTest {

  private static final Evaluator CEL = Evaluator.stored(30);
  private static final String PARSE = "network address parse error during conversion from string: ";

  private record Case(String name, String expression, Object expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> values() {
    return Stream.of(
        // upstream cidr_test.go
        new Case("parse ipv4 from dyn", "string(cidr(dyn('192.168.0.0/24')))", "192.168.0.0/24"),
        new Case("contains IP ipv4 (IP)", "cidr('192.168.0.0/24').containsIP(ip('192.168.0.1'))", true),
        new Case("does not contain IP ipv4 (IP)",
            "cidr('192.168.0.0/24').containsIP(ip('192.168.1.1'))", false),
        new Case("contains IP ipv4 (string)", "cidr('192.168.0.0/24').containsIP('192.168.0.1')", true),
        new Case("does not contain IP ipv4 (string)",
            "cidr('192.168.0.0/24').containsIP('192.168.1.1')", false),
        new Case("contains CIDR ipv4 (CIDR)",
            "cidr('192.168.0.0/24').containsCIDR(cidr('192.168.0.0/25'))", true),
        new Case("does not contain CIDR ipv4 (CIDR)",
            "cidr('192.168.0.0/24').containsCIDR(cidr('192.168.0.0/23'))", false),
        new Case("contains CIDR ipv4 (string)",
            "cidr('192.168.0.0/24').containsCIDR('192.168.0.0/25')", true),
        new Case("does not contain CIDR ipv4 (string)",
            "cidr('192.168.0.0/24').containsCIDR('192.168.0.0/23')", false),
        new Case("returns IP ipv4", "cidr('192.168.0.0/24').ip() == ip('192.168.0.0')", true),
        new Case("masks masked ipv4", "cidr('192.168.0.0/24').masked() == cidr('192.168.0.0/24')", true),
        new Case("masks unmasked ipv4", "cidr('192.168.0.1/24').masked() == cidr('192.168.0.0/24')", true),
        new Case("prefix length ipv4", "cidr('192.168.0.0/24').prefixLength()", 24L),
        new Case("parse ipv6", "string(cidr('2001:db8::/32'))", "2001:db8::/32"),
        new Case("contains IP ipv6 (IP)", "cidr('2001:db8::/32').containsIP(ip('2001:db8::1'))", true),
        new Case("does not contain IP ipv6 (IP)",
            "cidr('2001:db8::/32').containsIP(ip('2001:dc8::1'))", false),
        new Case("contains IP ipv6 (string)", "cidr('2001:db8::/32').containsIP('2001:db8::1')", true),
        new Case("does not contain IP ipv6 (string)",
            "cidr('2001:db8::/32').containsIP('2001:dc8::1')", false),
        new Case("contains CIDR ipv6 (CIDR)",
            "cidr('2001:db8::/32').containsCIDR(cidr('2001:db8::/33'))", true),
        new Case("does not contain CIDR ipv6 (CIDR)",
            "cidr('2001:db8::/32').containsCIDR(cidr('2001:db8::/31'))", false),
        new Case("contains CIDR ipv6 (string)", "cidr('2001:db8::/32').containsCIDR('2001:db8::/33')", true),
        new Case("does not contain CIDR ipv6 (string)",
            "cidr('2001:db8::/32').containsCIDR('2001:db8::/31')", false),
        new Case("returns IP ipv6", "cidr('2001:db8::/32').ip() == ip('2001:db8::')", true),
        new Case("masks masked ipv6", "cidr('2001:db8::/32').masked() == cidr('2001:db8::/32')", true),
        new Case("masks unmasked ipv6", "cidr('2001:db8:1::/32').masked() == cidr('2001:db8::/32')", true),
        new Case("prefix length ipv6", "cidr('2001:db8::/32').prefixLength()", 32L),
        new Case("CIDR to string", "string(cidr('192.168.0.0/24'))", "192.168.0.0/24"),
        new Case("type of CIDR is net.CIDR", "type(cidr('192.168.0.0/24')) == net.CIDR", true),
        // cidr.go documentation examples
        new Case("isCIDR valid ipv4", "isCIDR('192.168.0.0/16')", true),
        new Case("isCIDR valid ipv6", "isCIDR('::1/128')", true),
        new Case("isCIDR ipv4 too long", "isCIDR('192.168.0.0/33')", false),
        new Case("isCIDR ipv6 too long", "isCIDR('::1/129')", false),
        new Case("host bits accepted", "isCIDR('192.168.0.1/16')", true),
        new Case("ip keeps host bits", "string(cidr('192.168.0.1/24').ip())", "192.168.0.1"),
        new Case("ip family v4", "cidr('192.168.0.1/24').ip().family()", 4L),
        new Case("ip family v6", "cidr('::1/128').ip().family()", 6L),
        new Case("masked string", "string(cidr('192.168.0.1/24').masked())", "192.168.0.0/24"),
        new Case("canonical equals masked", "cidr('192.168.0.0/24') == cidr('192.168.0.0/24').masked()", true),
        new Case("host bits differ from masked",
            "cidr('192.168.0.1/24') == cidr('192.168.0.1/24').masked()", false),
        new Case("doc containsCIDR true", "cidr('192.168.0.0/16').containsCIDR(cidr('192.168.10.0/24'))", true),
        new Case("doc containsCIDR false", "cidr('192.168.1.0/24').containsCIDR(cidr('192.168.2.0/24'))", false),
        // containsCIDR after kubernetes#130450, and family handling
        new Case("subnet with other address", "cidr('192.168.0.0/16').containsCIDR('192.168.0.1/32')", true),
        new Case("host bits in receiver", "cidr('10.1.2.3/8').containsCIDR('10.200.0.0/16')", true),
        new Case("equal networks", "cidr('10.0.0.0/8').containsCIDR('10.0.0.0/8')", true),
        new Case("shorter prefix not contained", "cidr('10.1.0.0/16').containsCIDR('10.0.0.0/8')", false),
        new Case("family mismatch cidr", "cidr('0.0.0.0/0').containsCIDR('::/0')", false),
        new Case("family mismatch ip", "cidr('0.0.0.0/0').containsIP('::1')", false),
        new Case("zero prefix contains all v4", "cidr('0.0.0.0/0').containsIP('255.255.255.255')", true),
        new Case("zero prefix contains all v6", "cidr('::/0').containsIP('ffff::1')", true),
        new Case("host bits containsIP", "cidr('192.168.0.1/24').containsIP('192.168.0.200')", true),
        new Case("full prefix v6", "cidr('2001:db8::1/128').containsIP('2001:db8::2')", false),
        new Case("v6 prefix across halves", "cidr('2001:db8::/65').containsIP('2001:db8::8000:0:0:1')", false),
        new Case("v6 prefix 65 contains", "cidr('2001:db8::/65').containsIP('2001:db8::7fff:0:0:1')", true),
        new Case("ipv6 canonical string", "string(cidr('2001:DB8:0:0::/64'))", "2001:db8::/64"),
        new Case("v6 masked", "string(cidr('2001:db8:ffff:ffff:ffff::1/70').masked())",
            "2001:db8:ffff:ffff:fc00::/70"),
        new Case("isCIDR no slash", "isCIDR('192.168.0.0')", false),
        new Case("isCIDR zero-padded bits", "isCIDR('192.168.0.0/024')", false),
        new Case("isCIDR zero bits", "isCIDR('192.168.0.0/0')", true),
        new Case("isCIDR ipv4-mapped", "isCIDR('::ffff:1.2.3.4/120')", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("values")
  void evaluate_cidrExpression_returnsUpstreamValue(Case c) {
    assertThat(CEL.value(c.expression())).isEqualTo(c.expected());
  }

  static Stream<Case> errors() {
    return Stream.of(
        new Case("bad bits ipv4 (upstream)", "cidr('192.168.0.0/')",
            PARSE + PARSE + "netip.ParsePrefix(\"192.168.0.0/\"): bad bits after slash: \"\""),
        new Case("bad bits ipv6 (upstream)", "cidr('2001:db8::/')",
            PARSE + PARSE + "netip.ParsePrefix(\"2001:db8::/\"): bad bits after slash: \"\""),
        new Case("no slash", "cidr('192.168.0.0')",
            PARSE + PARSE + "netip.ParsePrefix(\"192.168.0.0\"): no '/'"),
        new Case("out of range", "cidr('192.168.0.0/33')",
            PARSE + PARSE + "netip.ParsePrefix(\"192.168.0.0/33\"): prefix length out of range"),
        new Case("ipv6 out of range", "cidr('::1/129')",
            PARSE + PARSE + "netip.ParsePrefix(\"::1/129\"): prefix length out of range"),
        new Case("zero-padded bits", "cidr('10.0.0.0/08')",
            PARSE + PARSE + "netip.ParsePrefix(\"10.0.0.0/08\"): bad bits after slash: \"08\""),
        new Case("signed bits", "cidr('10.0.0.0/+8')",
            PARSE + PARSE + "netip.ParsePrefix(\"10.0.0.0/+8\"): bad bits after slash: \"+8\""),
        new Case("huge bits", "cidr('10.0.0.0/99999999999999999999')",
            PARSE + PARSE + "netip.ParsePrefix(\"10.0.0.0/99999999999999999999\"): "
                + "bad bits after slash: \"99999999999999999999\""),
        new Case("large bits", "cidr('10.0.0.0/4294967296')",
            PARSE + PARSE + "netip.ParsePrefix(\"10.0.0.0/4294967296\"): prefix length out of range"),
        new Case("zone", "cidr('fe80::1%eth0/64')",
            PARSE + PARSE + "netip.ParsePrefix(\"fe80::1%eth0/64\"): IPv6 zones cannot be present in a prefix"),
        new Case("bad address", "cidr('1.2.3/8')",
            PARSE + PARSE + "netip.ParsePrefix(\"1.2.3/8\"): ParseAddr(\"1.2.3\"): IPv4 address too short"),
        new Case("leading zero address", "cidr('10.0.0.01/8')",
            PARSE + PARSE + "netip.ParsePrefix(\"10.0.0.01/8\"): "
                + "ParseAddr(\"10.0.0.01\"): IPv4 field has octet with leading zero"),
        new Case("ipv4-mapped", "cidr('::ffff:1.2.3.4/120')",
            PARSE + "IPv4-mapped IPv6 address \"::ffff:1.2.3.4/120\" is not allowed"),
        new Case("containsCIDR reports parse error", "cidr('10.0.0.0/8').containsCIDR('10.0.0.0')",
            PARSE + PARSE + "netip.ParsePrefix(\"10.0.0.0\"): no '/'"),
        new Case("containsIP with invalid string", "cidr('10.0.0.0/8').containsIP('10.0.0.256')",
            "no such overload"),
        new Case("containsIP with zone", "cidr('fe80::/10').containsIP('fe80::1%eth0')",
            "no such overload"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void evaluate_invalidCidr_failsWithUpstreamText(Case c) {
    assertThat(CEL.failure(c.expression())).isEqualTo(c.expected());
  }

  @Test
  void compile_cidrOfInt_reportsNoMatchingOverload() {
    assertThat(CEL.compileError("cidr(192168)"))
        .contains("found no matching overload for 'cidr' applied to '(int)'");
  }

  @Test
  void evaluate_cidrConversion_returnsCidrValue() {
    assertThat(CEL.value("cidr('10.1.2.3/8')"))
        .isInstanceOfSatisfying(
            Cidr.class,
            c -> {
              assertThat(c.toString()).isEqualTo("10.1.2.3/8");
              assertThat(c.masked().toString()).isEqualTo("10.0.0.0/8");
            });
  }
}
