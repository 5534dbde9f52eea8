package io.gatehouse.cel.cost;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.authz.AuthorizationResult;
import io.gatehouse.api.authz.Decision;
import io.gatehouse.api.authz.UserInfo;
import io.gatehouse.cel.CompiledExpression;
import io.gatehouse.cel.KubernetesVersion;
import io.gatehouse.cel.library.AuthorizerValue;
import io.gatehouse.cel.library.AuthzLibrary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kubernetes' {@code staging/src/k8s.io/apiserver/pkg/cel/library/cost_test.go} vectors
 * ({@code expectEstimatedCost} / {@code expectRuntimeCost}) for the functions available in this
 * module today: strict cost, no OptOptimize, strings and bytes sized {@code [0, 12]}, and an
 * {@code authorizer} that allows everything.
 */
class LibraryCostTest {

  /** Kubernetes' {@code testCostEstimator}: strings and bytes have sizes up to 12. */
  private static final SizeEstimator TEST_SIZES =
      (path, type) ->
          switch (type.kind()) {
            case STRING, BYTES -> new Range(0, 12);
            default -> null;
          };

  private static final String STRING_LITERAL =
      "'01234567890123456789012345678901234567890123456789'";

  record Case(String name, String expression, long estimatedMin, long estimatedMax, long runtime) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final Map<String, Object> INPUT =
      Map.of(
          AuthzLibrary.AUTHORIZER_VARIABLE,
          AuthorizerValue.of(
              attributes -> AuthorizationResult.of(Decision.ALLOW, ""), UserInfo.of("alice")));

  static Stream<Case> vectors() {
    return Stream.of(
            stringLibrary(), lists(), indexOf(), urls(), ips(), cidrs(), authz(), sets(), regex(),
            twoVariableComprehensions(), quantities(), semvers(), formats())
        .flatMap(s -> s);
  }

  static Stream<Case> stringLibrary() {
    return Stream.of(
        new Case("lowerAscii", "'ABCDEFGHIJ abcdefghij'.lowerAscii()", 3, 3, 3),
        new Case("lowerAsciiEquals",
            "'ABCDEFGHIJ abcdefghij'.lowerAscii() == 'abcdefghij ABCDEFGHIJ'.lowerAscii()", 7, 9, 9),
        new Case("upperAscii", "'ABCDEFGHIJ abcdefghij'.upperAscii()", 3, 3, 3),
        new Case("quote", "strings.quote('ABCDEFGHIJ abcdefghij')", 3, 3, 3),
        new Case("quoteEquals",
            "strings.quote('ABCDEFGHIJ abcdefghij') == strings.quote('ABCDEFGHIJ abcdefghij')",
            7, 11, 9),
        new Case("upperAsciiEquals",
            "'ABCDEFGHIJ abcdefghij'.upperAscii() == 'abcdefghij ABCDEFGHIJ'.upperAscii()", 7, 9, 9),
        new Case("replace", "'abc 123 def 123'.replace('123', '456')", 3, 3, 3),
        new Case("replace between all chars", "'abc 123 def 123'.replace('', 'x')", 3, 3, 3),
        new Case("replace with empty", "'abc 123 def 123'.replace('123', '')", 3, 3, 3),
        new Case("replace with limit", "'abc 123 def 123'.replace('123', '456', 1)", 3, 3, 3),
        new Case("split", "'abc 123 def 123'.split(' ')", 3, 3, 3),
        new Case("split with limit", "'abc 123 def 123'.split(' ', 1)", 3, 3, 3),
        new Case("substring", "'abc 123 def 123'.substring(5)", 2, 2, 2),
        new Case("substring with end", "'abc 123 def 123'.substring(5, 8)", 2, 2, 2),
        new Case("trim", "'  abc 123 def 123  '.trim()", 2, 2, 2),
        new Case("join with separator",
            "['aa', 'bb', 'cc', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].join(' ')", 11, 23, 15),
        new Case("join", "['aa', 'bb', 'cc', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].join()", 10, 22, 13),
        new Case("indexOf on a string", STRING_LITERAL + ".indexOf('123')", 5, 5, 5),
        new Case("lastIndexOf on a string", STRING_LITERAL + ".lastIndexOf('123')", 5, 5, 5));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void estimate_kubernetesVector_matchesKubernetes(Case c) {
    CompiledExpression compiled = compile(c.expression());

    assertThat(CostFixture.estimate(compiled, CostFixture.KUBERNETES_TESTS, TEST_SIZES))
        .isEqualTo(new Range(c.estimatedMin(), c.estimatedMax()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void runtimeCost_kubernetesVector_matchesKubernetes(Case c) {
    CompiledExpression compiled = compile(c.expression());

    assertThat(CostFixture.runtimeCost(compiled, CostFixture.KUBERNETES_TESTS, INPUT))
        .isEqualTo(c.runtime());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void bound_kubernetesVector_boundsRuntime(Case c) {
    CompiledExpression compiled = compile(c.expression());

    Range bound = CostFixture.bound(compiled, CostFixture.KUBERNETES_TESTS, TEST_SIZES);

    assertThat(bound.max()).isGreaterThanOrEqualTo(c.runtime());
  }

  private static CompiledExpression compile(String expression) {
    return CostFixture.compile(
        KubernetesVersion.of(1, 33),
        expression,
        Map.of(AuthzLibrary.AUTHORIZER_VARIABLE, AuthzLibrary.AUTHORIZER_TYPE),
        Map.of());
  }

  private static final String INTS = "[1, 2, 3, 4, 5]";
  private static final String UINTS = "[uint(1), uint(2), uint(3), uint(4), uint(5)]";
  private static final String DOUBLES = "[1.0, 2.0, 3.0, 4.0, 5.0]";
  private static final String BOOLS = "[false, true, false, true, false]";
  private static final String STRINGS =
      "['012345678901', '012345678901', '012345678901', '012345678901', '012345678901']";
  private static final String BYTES =
      "[bytes('012345678901'), bytes('012345678901'), bytes('012345678901'),"
          + " bytes('012345678901'), bytes('012345678901')]";
  private static final String DURATIONS =
      "[duration('1s'), duration('2s'), duration('3s'), duration('4s'), duration('5s')]";
  private static final String TIMESTAMPS =
      "[timestamp('2011-01-01T00:00:00.000+01:00'), timestamp('2011-01-02T00:00:00.000+01:00'), "
          + "timestamp('2011-01-03T00:00:00.000+01:00'), timestamp('2011-01-04T00:00:00.000+01:00'), "
          + "timestamp('2011-01-05T00:00:00.000+01:00')]";

  /** TestListsCost. */
  static Stream<Case> lists() {
    List<Case> out = new ArrayList<>();
    for (String op : List.of(".sum()")) {
      out.add(new Case(INTS + op, INTS + op, 15, 15, 15));
      out.add(new Case(UINTS + op, UINTS + op, 20, 20, 20));
      out.add(new Case(DOUBLES + op, DOUBLES + op, 15, 15, 15));
      out.add(new Case(DURATIONS + op, DURATIONS + op, 20, 20, 20));
    }
    for (String op : List.of(".isSorted()", ".max()", ".min()")) {
      out.add(new Case(INTS + op, INTS + op, 15, 15, 15));
      out.add(new Case(UINTS + op, UINTS + op, 20, 20, 20));
      out.add(new Case(DOUBLES + op, DOUBLES + op, 15, 15, 15));
      out.add(new Case(BOOLS + op, BOOLS + op, 15, 15, 15));
      out.add(new Case(STRINGS + op, STRINGS + op, 15, 25, 15));
      out.add(new Case(BYTES + op, BYTES + op, 25, 35, 25));
      out.add(new Case(DURATIONS + op, DURATIONS + op, 20, 20, 20));
      out.add(new Case(TIMESTAMPS + op, TIMESTAMPS + op, 20, 20, 20));
    }
    return out.stream();
  }

  /** TestIndexOfCost. */
  static Stream<Case> indexOf() {
    List<Case> out = new ArrayList<>();
    for (String op : List.of(".indexOf(%s)", ".lastIndexOf(%s)")) {
      out.add(listCase(INTS, op, "3", 15, 15, 15));
      out.add(listCase(UINTS, op, "uint(3)", 21, 21, 21));
      out.add(listCase(DOUBLES, op, "3.0", 15, 15, 15));
      out.add(listCase(BOOLS, op, "true", 15, 15, 15));
      out.add(listCase(STRINGS, op, "'x'", 15, 25, 15));
      out.add(listCase(BYTES, op, "bytes('x')", 26, 36, 26));
      out.add(listCase(DURATIONS, op, "duration('3s')", 21, 21, 21));
      out.add(
          listCase(TIMESTAMPS, op, "timestamp('2011-01-03T00:00:00.000+01:00')", 21, 21, 21));
    }
    return out.stream();
  }

  private static Case listCase(
      String list, String op, String param, long min, long max, long runtime) {
    String expression = list + String.format(op, param);
    return new Case(expression, expression, min, max, runtime);
  }

  /** TestURLsCost. */
  static Stream<Case> urls() {
    String url = "url('https:://kubernetes.io/')";
    List<Case> out = new ArrayList<>();
    for (String op :
        List.of(".getScheme()", ".getHostname()", ".getHost()", ".getPort()",
            ".getEscapedPath()", ".getQuery()")) {
      out.add(new Case(url + op, url + op, 4, 4, 4));
    }
    out.add(new Case("url equality", url + " == url('https:://kubernetes.io/')", 7, 9, 7));
    out.add(new Case("url equality, short", url + " == url('http://x.b')", 5, 5, 5));
    return out.stream();
  }

  /** TestIPCost and TestIPIsCanonicalCost. */
  static Stream<Case> ips() {
    List<Case> out = new ArrayList<>();
    for (var ip : Map.of("ip('192.168.0.1')", 2L,
        "ip('2001:db8:3333:4444:5555:6666:7777:8888')", 4L).entrySet()) {
      long base = ip.getValue();
      out.add(new Case(ip.getKey(), ip.getKey(), base, base, base));
      for (String op : List.of(".family()", ".isUnspecified()", ".isLoopback()",
          ".isLinkLocalMulticast()", ".isLinkLocalUnicast()", ".isGlobalUnicast()")) {
        out.add(new Case(ip.getKey() + op, ip.getKey() + op, base + 1, base + 1, base + 1));
      }
      String eq = ip.getKey() + " == ip('192.168.0.1')";
      out.add(new Case(eq, eq, base + 3, base + 3, base + 3));
    }
    out.add(new Case("isCanonical v4", "ip.isCanonical('192.168.0.1')", 3, 3, 3));
    out.add(new Case("isCanonical v6",
        "ip.isCanonical('2001:db8:3333:4444:5555:6666:7777:8888')", 8, 8, 8));
    out.add(new Case("isCanonical v6 short", "ip.isCanonical('2001:db8::abcd')", 3, 3, 3));
    return out.stream();
  }

  /** TestCIDRCost. */
  static Stream<Case> cidrs() {
    List<Case> out = new ArrayList<>();
    String v4 = "cidr('192.168.0.0/16')";
    String v6 = "cidr('2001:db8::/32')";
    for (String cidr : List.of(v4, v6)) {
      out.add(new Case(cidr, cidr, 2, 2, 2));
      for (String op : List.of(".ip()", ".prefixLength()", ".masked()")) {
        out.add(new Case(cidr + op, cidr + op, 3, 3, 3));
      }
      String eq = cidr + " == cidr('2001:db8::/32')";
      out.add(new Case(eq, eq, 5, 5, 5));
    }
    for (String op : List.of(".containsCIDR(cidr('192.0.0.0/30'))",
        ".containsCIDR(cidr('192.168.0.0/16'))", ".containsCIDR('192.0.0.0/30')",
        ".containsCIDR('192.168.0.0/16')")) {
      out.add(new Case(v4 + op, v4 + op, 7, 11, 7));
    }
    out.add(new Case(v4 + ".containsIP(ip('192.0.0.1'))", v4 + ".containsIP(ip('192.0.0.1'))",
        4, 7, 4));
    for (String op : List.of(".containsIP(ip('192.169.0.1'))",
        ".containsIP(ip('192.169.169.250'))", ".containsIP('192.169.0.1')")) {
      out.add(new Case(v4 + op, v4 + op, 5, 8, 5));
    }
    out.add(new Case(v4 + ".containsIP('192.0.0.1')", v4 + ".containsIP('192.0.0.1')", 4, 7, 4));
    for (String op : List.of(".containsCIDR(cidr('2001:db8::/126'))",
        ".containsCIDR(cidr('2001:db8::/32'))", ".containsCIDR('2001:db8::/126')",
        ".containsCIDR('2001:db8::/32')")) {
      out.add(new Case(v6 + op, v6 + op, 7, 11, 7));
    }
    for (String op : List.of(".containsIP(ip('2001:db8:3333:4444:5555:6666:7777:8888'))",
        ".containsIP('2001:db8:3333:4444:5555:6666:7777:8888')")) {
      out.add(new Case(v6 + op, v6 + op, 7, 10, 7));
    }
    for (String op : List.of(".containsIP(ip('2001:db8::1'))", ".containsIP('2001:db8::1')")) {
      out.add(new Case(v6 + op, v6 + op, 5, 8, 5));
    }
    return out.stream();
  }

  /** TestAuthzLibrary. */
  static Stream<Case> authz() {
    String resource =
        "authorizer.group('apps').resource('deployments').subresource('status').namespace('test')"
            + ".name('backend')";
    String selector =
        "('spec.nodeName=example-node-name.fully.qualified.domain.name.example.com')";
    return Stream.of(
        new Case("path", "authorizer.path('/healthz')", 2, 2, 2),
        new Case("resource", resource, 6, 6, 6),
        new Case("fieldSelector",
            "authorizer.group('').resource('pods').fieldSelector" + selector, 1821, 1821, 1821),
        new Case("labelSelector",
            "authorizer.group('').resource('pods').labelSelector" + selector, 1821, 1821, 1821),
        new Case("path check allowed", "authorizer.path('/healthz').check('get').allowed()",
            350003, 350003, 350003),
        new Case("resource check allowed", resource + ".check('create').allowed()",
            350007, 350007, 350007),
        new Case("resource check reason", resource + ".check('create').reason()",
            350007, 350007, 350007),
        new Case("resource check errored", resource + ".check('create').errored()",
            350007, 350007, 350007),
        new Case("resource check error", resource + ".check('create').error()",
            350007, 350007, 350007));
  }

  /** TestSetsCost. */
  static Stream<Case> sets() {
    // Only the vectors whose list literals are homogeneous: Kubernetes environments reject the
    // others (the upstream test environment does not enable homogeneous aggregate literals).
    Object[][] rows = {
      {"sets.contains([], [])", 21},
      {"sets.contains([1], [])", 21},
      {"sets.contains([1], [1])", 22},
      {"sets.contains([1], [1, 1])", 23},
      {"sets.contains([1, 1], [1])", 23},
      {"sets.contains([2, 1], [1])", 23},
      {"sets.contains([1, 2, 3, 4], [2, 3])", 29},
      {"!sets.contains([1], [2])", 23},
      {"!sets.contains([1], [1, 2])", 24},
      {"sets.equivalent([], [])", 21},
      {"sets.equivalent([1], [1])", 23},
      {"sets.equivalent([1], [1, 1])", 25},
      {"sets.equivalent([1, 1], [1])", 25},
      {"!sets.equivalent([2, 1], [1])", 26},
      {"!sets.equivalent([1], [1, 2])", 26},
      {"sets.intersects([1], [1])", 22},
      {"sets.intersects([1], [1, 1])", 23},
      {"sets.intersects([1, 1], [1])", 23},
      {"sets.intersects([2, 1], [1])", 23},
      {"sets.intersects([1], [1, 2])", 23},
      {"!sets.intersects([], [])", 22},
      {"!sets.intersects([1], [])", 22},
      {"!sets.intersects([1], [2])", 23},
    };
    return Stream.of(rows)
        .map(r -> new Case((String) r[0], (String) r[0], (int) r[1], (int) r[1], (int) r[1]));
  }

  /** TestStringLibrary: the regex library's find and findAll. */
  static Stream<Case> regex() {
    return Stream.of(
        new Case("find", "'abc 123 def 123'.find('123')", 2, 2, 2),
        new Case("findAll", "'abc 123 def 123'.findAll('123')", 2, 2, 2),
        new Case("findAll with limit", "'abc 123 def 123'.findAll('123', 1)", 2, 2, 2));
  }

  /** TestTwoVariableComprehensionCost. */
  static Stream<Case> twoVariableComprehensions() {
    return Stream.of(
        new Case("map all", "{'a': 1, 'b': 2}.all(k, v, v > 0)", 37, 41, 41),
        new Case("map exists", "{'a': 1, 'b': 2}.exists(k, v, v > 0)", 39, 43, 40),
        new Case("map existsOne", "{'a': 1, 'b': 2}.existsOne(k, v, v > 0)", 38, 40, 40),
        new Case("map transformMap", "{'a': 1, 'b': 2}.transformMap(k, v, v + 1)", 71, 71, 71),
        new Case("map transformMap with filter",
            "{'a': 1, 'b': 2}.transformMap(k, v, v < 5, v + 1)", 67, 75, 75),
        new Case("map transformMapEntry",
            "{'a': 1, 'b': 2}.transformMapEntry(k, v, {k: v + 1})", 131, 131, 131),
        new Case("map transformMapEntry with filter",
            "{'a': 1, 'b': 2}.transformMapEntry(k, v, v < 5, {k: v + 1})", 67, 135, 135),
        new Case("list all", "[1, 2].all(i, v, v > 0)", 17, 21, 21),
        new Case("list exists", "[1, 2].exists(i, v, v > 0)", 19, 23, 20),
        new Case("list existsOne", "[1, 2].existsOne(i, v, v > 0)", 18, 20, 20),
        new Case("list transformList", "[1, 2].transformList(i, v, v + 1)", 49, 49, 49),
        new Case("list transformList with filter",
            "[1, 2].transformList(i, v, v < 5, v + 1)", 27, 53, 53));
  }

  /** TestQuantityCost. */
  static Stream<Case> quantities() {
    return Stream.of(
        new Case("quantity", "quantity(\"12Mi\")", 1, 1, 1),
        new Case("isQuantity", "isQuantity(\"20\")", 1, 1, 1),
        new Case("isQuantity_megabytes", "isQuantity(\"20M\")", 1, 1, 1),
        new Case("equality_reflexivity", "quantity(\"200M\") == quantity(\"200M\")", 3, 3, 3),
        new Case("equality_symmetry",
            "quantity(\"200M\") == quantity(\"0.2G\") && quantity(\"0.2G\") == quantity(\"200M\")",
            3, 6, 6),
        new Case("equality_transitivity",
            "quantity(\"2M\") == quantity(\"0.002G\") && quantity(\"2000k\") == quantity(\"2M\")"
                + " && quantity(\"0.002G\") == quantity(\"2000k\")",
            3, 9, 9),
        new Case("quantity_less", "quantity(\"50M\").isLessThan(quantity(\"50Mi\"))", 3, 3, 3),
        new Case("quantity_greater", "quantity(\"50Mi\").isGreaterThan(quantity(\"50M\"))", 3, 3, 3),
        new Case("compare_equal", "quantity(\"200M\").compareTo(quantity(\"0.2G\")) > 0", 4, 4, 4),
        new Case("add_quantity",
            "quantity(\"50k\").add(quantity(\"20\")) == quantity(\"50.02k\")", 5, 5, 5),
        new Case("sub_quantity",
            "quantity(\"50k\").sub(quantity(\"20\")) == quantity(\"49.98k\")", 5, 5, 5),
        new Case("sub_int", "quantity(\"50k\").sub(20) == quantity(\"49980\")", 4, 4, 4),
        new Case("arith_chain_1",
            "quantity(\"50k\").add(20).sub(quantity(\"100k\")).asInteger() > 0", 6, 6, 6),
        new Case("arith_chain",
            "quantity(\"50k\").add(20).sub(quantity(\"100k\")).sub(-50000).asInteger() > 0",
            7, 7, 7),
        new Case("as_integer", "quantity(\"50k\").asInteger() > 0", 3, 3, 3),
        new Case("is_integer", "quantity(\"50\").isInteger()", 2, 2, 2),
        new Case("as_float", "quantity(\"50.703k\").asApproximateFloat() > 0.0", 3, 3, 3));
  }

  /** TestSemverCost. */
  static Stream<Case> semvers() {
    return Stream.of(
        new Case("semver", "semver(\"1.0.0\")", 1, 1, 1),
        new Case("semver long input", "semver(\"1234.56789012345.67890123456789\")", 4, 4, 4),
        new Case("isSemver", "isSemver(\"1.0.0\")", 1, 1, 1),
        new Case("isSemver long input", "isSemver(\"1234.56789012345.67890123456789\")", 4, 4, 4),
        new Case("major", "semver(\"1.2.3\").major()", 2, 2, 2),
        new Case("minor", "semver(\"1.2.3\").minor()", 2, 2, 2),
        new Case("patch", "semver(\"1.2.3\").patch()", 2, 2, 2),
        new Case("isLessThan", "semver(\"1.0.0\").isLessThan(semver(\"1.1.0\"))", 3, 3, 3),
        new Case("isGreaterThan", "semver(\"1.1.0\").isGreaterThan(semver(\"1.0.0\"))", 3, 3, 3),
        new Case("compareTo", "semver(\"1.0.0\").compareTo(semver(\"1.2.3\"))", 3, 3, 3));
  }

  /** TestNameFormatCost. */
  static Stream<Case> formats() {
    return Stream.of(
        new Case("format.named", "format.named(\"dns1123subdomain\")", 1, 1, 1),
        new Case("format.dns1123Subdomain.validate",
            "format.named(\"dns1123Subdomain\").value().validate(\"my-name\")", 34, 34, 17),
        new Case("format.dns1123label.validate",
            "format.named(\"dns1123Label\").value().validate(\"my-name\")", 34, 34, 10),
        new Case("format equality",
            "format.named(\"dns1123Label\").value() == format.named(\"dns1123Label\").value()",
            5, 11, 5));
  }

  private record FormatCase(String format, long maxRegexSize) {
    @Override
    public String toString() {
      return format;
    }
  }

  /**
   * Every format's {@code MaxRegexSize}, which cost_test.go checks only for dns1123Label and
   * dns1123Subdomain: {@code format.<name>().validate('')} costs 1 for the constructor plus
   * Kubernetes' regex charge {@code ceil((1 + 0) * 0.1) * ceil(MaxRegexSize * 0.25)}.
   */
  static Stream<FormatCase> formatRegexSizes() {
    return Stream.of(
        new FormatCase("dns1123Label", 30),
        new FormatCase("dns1123Subdomain", 60),
        new FormatCase("dns1035Label", 30),
        new FormatCase("qualifiedName", 60),
        new FormatCase("dns1123LabelPrefix", 30),
        new FormatCase("dns1123SubdomainPrefix", 60),
        new FormatCase("dns1035LabelPrefix", 30),
        new FormatCase("labelValue", 40),
        new FormatCase("uri", 1120),
        new FormatCase("uuid", 70),
        new FormatCase("byte", 84),
        new FormatCase("date", 71),
        new FormatCase("datetime", 71));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formatRegexSizes")
  void runtimeCost_formatValidate_chargesMaxRegexSize(FormatCase c) {
    CompiledExpression compiled = compile("format." + c.format() + "().validate('')");

    assertThat(CostFixture.runtimeCost(compiled, CostFixture.KUBERNETES_TESTS, INPUT))
        .isEqualTo(1 + (long) Math.ceil(c.maxRegexSize() * 0.25));
  }
}
