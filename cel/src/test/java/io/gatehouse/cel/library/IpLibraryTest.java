package io.gatehouse.cel.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IpLibraryTest {

  private static final Evaluator CEL = Evaluator.stored(30);
  private static final String PARSE = " parse error during conversion from string: ";

  private record Case(String name, String expression, Object expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> values() {
    return Stream.of(
        // upstream ip_test.go
        new Case("isIP valid ipv4", "isIP('192.168.0.1')", true),
        new Case("isIP invalid ipv4", "isIP('192.168.0.1.0')", false),
        new Case("ip.isCanonical valid ipv4", "ip.isCanonical('127.0.0.1')", true),
        new Case("ipv4 family", "ip('192.168.0.1').family()", 4L),
        new Case("ipv4 isUnspecified true", "ip('0.0.0.0').isUnspecified()", true),
        new Case("ipv4 isUnspecified false", "ip('127.0.0.1').isUnspecified()", false),
        new Case("ipv4 isLoopback true", "ip('127.0.0.1').isLoopback()", true),
        new Case("ipv4 isLoopback false", "ip('1.2.3.4').isLoopback()", false),
        new Case("ipv4 isLinkLocalMulticast true", "ip('224.0.0.1').isLinkLocalMulticast()", true),
        new Case("ipv4 isLinkLocalMulticast false", "ip('224.0.1.1').isLinkLocalMulticast()", false),
        new Case("ipv4 isLinkLocalUnicast true", "ip('169.254.169.254').isLinkLocalUnicast()", true),
        new Case("ipv4 isLinkLocalUnicast false", "ip('192.168.0.1').isLinkLocalUnicast()", false),
        new Case("ipv4 isGlobalUnicast true", "ip('192.168.0.1').isGlobalUnicast()", true),
        new Case("ipv4 isGlobalUnicast false", "ip('255.255.255.255').isGlobalUnicast()", false),
        new Case("isIP valid ipv6", "isIP('2001:db8::68')", true),
        new Case("isIP invalid ipv6", "isIP('2001:db8:::68')", false),
        new Case("ip.isCanonical valid ipv6", "ip.isCanonical('2001:db8::68')", true),
        new Case("ip.isCanonical upper case", "ip.isCanonical('2001:DB8::68')", false),
        new Case("ipv6 family", "ip('2001:db8::68').family()", 6L),
        new Case("ipv6 isUnspecified true", "ip('::').isUnspecified()", true),
        new Case("ipv6 isUnspecified false", "ip('::1').isUnspecified()", false),
        new Case("ipv6 isLoopback true", "ip('::1').isLoopback()", true),
        new Case("ipv6 isLoopback false", "ip('2001:db8::abcd').isLoopback()", false),
        new Case("ipv6 isLinkLocalMulticast true", "ip('ff02::1').isLinkLocalMulticast()", true),
        new Case("ipv6 isLinkLocalMulticast false", "ip('fd00::1').isLinkLocalMulticast()", false),
        new Case("ipv6 isLinkLocalUnicast true", "ip('fe80::1').isLinkLocalUnicast()", true),
        new Case("ipv6 isLinkLocalUnicast false", "ip('fd80::1').isLinkLocalUnicast()", false),
        new Case("ipv6 isGlobalUnicast true", "ip('2001:db8::abcd').isGlobalUnicast()", true),
        new Case("ipv6 isGlobalUnicast false", "ip('ff00::1').isGlobalUnicast()", false),
        new Case("string of ip", "string(ip('192.168.0.1'))", "192.168.0.1"),
        new Case("type of IP is net.IP", "type(ip('192.168.0.1')) == net.IP", true),
        new Case("standard string overloads kept", "string(1) + string(cidr('10.0.0.0/8'))",
            "110.0.0.0/8"),
        new Case("string of dyn ip", "string(dyn(ip('1.2.3.4')))", "1.2.3.4"),
        // netip predicates at their edges
        new Case("isGlobalUnicast 0.0.0.0", "ip('0.0.0.0').isGlobalUnicast()", false),
        new Case("isGlobalUnicast private v4", "ip('10.0.0.1').isGlobalUnicast()", true),
        new Case("isGlobalUnicast unique local v6", "ip('fc00::1').isGlobalUnicast()", true),
        new Case("isGlobalUnicast ::", "ip('::').isGlobalUnicast()", false),
        new Case("isGlobalUnicast link-local v6", "ip('fe80::1').isGlobalUnicast()", false),
        new Case("isGlobalUnicast multicast v4", "ip('239.1.1.1').isGlobalUnicast()", false),
        new Case("isLoopback 127.255.0.1", "ip('127.255.0.1').isLoopback()", true),
        new Case("isLinkLocalMulticast ff12::1", "ip('ff12::1').isLinkLocalMulticast()", true),
        new Case("isLinkLocalUnicast febf::1", "ip('febf::1').isLinkLocalUnicast()", true),
        new Case("isLinkLocalUnicast fec0::1", "ip('fec0::1').isLinkLocalUnicast()", false),
        new Case("isUnspecified 0::0", "ip('0:0:0:0:0:0:0:0').isUnspecified()", true),
        // canonical forms (RFC 5952 as Go writes it)
        new Case("upper case hex lowered", "string(ip('2001:DB8::ABCD'))", "2001:db8::abcd"),
        new Case("longest zero run", "string(ip('2001:db8:0:0:1:0:0:0'))", "2001:db8:0:0:1::"),
        new Case("first of equal runs", "string(ip('2001:db8:0:0:1:0:0:1'))", "2001:db8::1:0:0:1"),
        new Case("single zero kept", "string(ip('2001:db8:0:1:1:1:1:1'))", "2001:db8:0:1:1:1:1:1"),
        new Case("leading zeros dropped", "string(ip('2001:0db8::0001'))", "2001:db8::1"),
        new Case("all zeros", "string(ip('0:0:0:0:0:0:0:0'))", "::"),
        new Case("embedded ipv4", "string(ip('1:2:3:4:5:6:1.2.3.4'))", "1:2:3:4:5:6:102:304"),
        new Case("embedded ipv4 after ::", "string(ip('::1.2.3.4'))", "::102:304"),
        new Case("canonical with ::", "ip.isCanonical('2001:db8::1:0:0:1')", true),
        new Case("non-canonical zeros", "ip.isCanonical('2001:db8::0:0:0:abcd')", false),
        new Case("non-canonical all zeros", "ip.isCanonical('0:0:0:0:0:0:0:0')", false),
        new Case("four-digit group", "string(ip('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'))",
            "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"),
        // rejected forms
        new Case("isIP leading zero", "isIP('127.0.0.01')", false),
        new Case("isIP zone", "isIP('fe80::1%eth0')", false),
        new Case("isIP ipv4-mapped", "isIP('::ffff:1.2.3.4')", false),
        new Case("isIP five hex digits", "isIP('00001::')", false),
        new Case("isIP host name", "isIP('localhost')", false),
        new Case("isIP empty", "isIP('')", false),
        // equality
        new Case("equal spellings", "ip('::1') == ip('0:0:0:0:0:0:0:1')", true),
        new Case("different addresses", "ip('127.0.0.1') == ip('127.0.0.2')", false),
        new Case("v4 and embedded v4 differ", "ip('1.2.3.4') == ip('::1.2.3.4')", false),
        new Case("list membership", "ip('10.0.0.1') in [ip('10.0.0.2'), ip('10.0.0.1')]", true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("values")
  void evaluate_ipExpression_returnsUpstreamValue(Case c) {
    assertThat(CEL.value(c.expression())).isEqualTo(c.expected());
  }

  static Stream<Case> errors() {
    return Stream.of(
        new Case("too long (upstream)", "ip('192.168.0.1.0')",
            "IP Address \"192.168.0.1.0\"" + PARSE
                + "ParseAddr(\"192.168.0.1.0\"): IPv4 address too long"),
        new Case("isCanonical too long (upstream)", "ip.isCanonical('127.0.0.1.0')",
            "IP Address \"127.0.0.1.0\"" + PARSE
                + "ParseAddr(\"127.0.0.1.0\"): IPv4 address too long"),
        new Case("triple colon (upstream)", "ip('2001:db8:::68')",
            "IP Address \"2001:db8:::68\"" + PARSE + "ParseAddr(\"2001:db8:::68\"): "
                + "each colon-separated field must have at least one digit (at \":68\")"),
        new Case("zone", "ip('fe80::1%eth0')",
            "IP address \"fe80::1%eth0\" with zone value is not allowed"),
        new Case("ipv4-mapped", "ip('::ffff:1.2.3.4')",
            "IPv4-mapped IPv6 address \"::ffff:1.2.3.4\" is not allowed"),
        new Case("ipv4-mapped hex", "ip('::ffff:102:304')",
            "IPv4-mapped IPv6 address \"::ffff:102:304\" is not allowed"),
        new Case("empty", "ip('')",
            "IP Address \"\"" + PARSE + "ParseAddr(\"\"): unable to parse IP"),
        new Case("host name", "ip('example.com')",
            "IP Address \"example.com\"" + PARSE
                + "ParseAddr(\"example.com\"): unexpected character (at \"example.com\")"),
        new Case("zone only", "ip('%eth0')",
            "IP Address \"%eth0\"" + PARSE + "ParseAddr(\"%eth0\"): missing IPv6 address"),
        new Case("leading zero", "ip('127.0.0.01')",
            "IP Address \"127.0.0.01\"" + PARSE
                + "ParseAddr(\"127.0.0.01\"): IPv4 field has octet with leading zero"),
        new Case("octet too big", "ip('1.2.3.256')",
            "IP Address \"1.2.3.256\"" + PARSE + "ParseAddr(\"1.2.3.256\"): IPv4 field has value >255"),
        new Case("too short", "ip('1.2.3')",
            "IP Address \"1.2.3\"" + PARSE + "ParseAddr(\"1.2.3\"): IPv4 address too short"),
        new Case("empty field", "ip('1..2.3')",
            "IP Address \"1..2.3\"" + PARSE
                + "ParseAddr(\"1..2.3\"): IPv4 field must have at least one digit (at \".2.3\")"),
        new Case("trailing dot", "ip('1.2.3.')",
            "IP Address \"1.2.3.\"" + PARSE
                + "ParseAddr(\"1.2.3.\"): IPv4 field must have at least one digit (at \".\")"),
        new Case("newline quoted", "ip('1.2.3.4\\n')",
            "IP Address \"1.2.3.4\\n\"" + PARSE
                + "ParseAddr(\"1.2.3.4\\n\"): unexpected character (at \"\\n\")"),
        new Case("non-ascii kept", "ip('1.2.3.é')",
            "IP Address \"1.2.3.é\"" + PARSE
                + "ParseAddr(\"1.2.3.é\"): unexpected character (at \"é\")"),
        new Case("five hex digits", "ip('12345::')",
            "IP Address \"12345::\"" + PARSE
                + "ParseAddr(\"12345::\"): each group must have 4 or less digits (at \"12345::\")"),
        new Case("embedded ipv4 leading zero", "ip('::1.2.3.04')",
            "IP Address \"::1.2.3.04\"" + PARSE
                + "ParseAddr(\"::1.2.3.04\"): IPv4 field has octet with leading zero"),
        new Case("embedded ipv4 misplaced", "ip('1:2:3:1.2.3.4')",
            "IP Address \"1:2:3:1.2.3.4\"" + PARSE + "ParseAddr(\"1:2:3:1.2.3.4\"): embedded IPv4 "
                + "address must replace the final 2 fields of the address (at \"1.2.3.4\")"),
        new Case("embedded ipv4 no room", "ip('1:2:3:4:5:6:7::1.2.3.4')",
            "IP Address \"1:2:3:4:5:6:7::1.2.3.4\"" + PARSE
                + "ParseAddr(\"1:2:3:4:5:6:7::1.2.3.4\"): too many hex fields to fit an embedded "
                + "IPv4 at the end of the address (at \"1.2.3.4\")"),
        new Case("nine groups", "ip('1:2:3:4:5:6:7:8:9')",
            "IP Address \"1:2:3:4:5:6:7:8:9\"" + PARSE
                + "ParseAddr(\"1:2:3:4:5:6:7:8:9\"): trailing garbage after address (at \"9\")"),
        new Case("seven groups", "ip('1:2:3:4:5:6:7')",
            "IP Address \"1:2:3:4:5:6:7\"" + PARSE
                + "ParseAddr(\"1:2:3:4:5:6:7\"): address string too short"),
        new Case("empty ellipsis", "ip('1:2:3:4::5:6:7:8')",
            "IP Address \"1:2:3:4::5:6:7:8\"" + PARSE + "ParseAddr(\"1:2:3:4::5:6:7:8\"): "
                + "the :: must expand to at least one field of zeros"),
        new Case("empty zone", "ip('fe80::1%')",
            "IP Address \"fe80::1%\"" + PARSE
                + "ParseAddr(\"fe80::1%\"): zone must be a non-empty string"),
        new Case("two ellipses", "ip('1::2::3')",
            "IP Address \"1::2::3\"" + PARSE
                + "ParseAddr(\"1::2::3\"): multiple :: in address (at \":3\")"),
        new Case("dangling colon", "ip('1:')",
            "IP Address \"1:\"" + PARSE
                + "ParseAddr(\"1:\"): colon must be followed by more characters (at \":\")"),
        new Case("bad character in group", "ip('1:2x::')",
            "IP Address \"1:2x::\"" + PARSE
                + "ParseAddr(\"1:2x::\"): unexpected character, want colon (at \"x::\")"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void evaluate_invalidAddress_failsWithUpstreamText(Case c) {
    assertThat(CEL.failure(c.expression())).isEqualTo(c.expected());
  }

  @Test
  void compile_cidrPassedToIsIP_reportsNoMatchingOverload() {
    assertThat(CEL.compileError("isIP(cidr('192.168.0.0/24'))"))
        .contains("found no matching overload for 'isIP' applied to '(net.CIDR)'");
  }

  @Test
  void evaluate_ipConversion_returnsIpAddressValue() {
    assertThat(CEL.value("ip('2001:DB8::1')"))
        .isInstanceOfSatisfying(
            IpAddress.class, ip -> assertThat(ip.toString()).isEqualTo("2001:db8::1"));
  }

  @Test
  void evaluate_parseErrorAbsorbedByOr_returnsTrue() {
    assertThat(CEL.value("ip('bad').family() == 4 || true")).isEqualTo(true);
  }
}
