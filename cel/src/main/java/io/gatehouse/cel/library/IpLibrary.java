package io.gatehouse.cel.library;

import dev.cel.checker.CelCheckerBuilder;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelVarDecl;
import dev.cel.common.exceptions.CelBadFormatException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.TypeType;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntimeBuilder;
import io.gatehouse.api.GoQuote;
import io.gatehouse.cel.KubernetesLibrary;
import java.util.function.Predicate;

/**
 * The {@code kubernetes.net.ip} library (Kubernetes 1.30+): {@code ip(string)}, {@code
 * isIP(string)}, {@code ip.isCanonical(string)}, {@code string(IP)} and the members {@code
 * family()}, {@code isUnspecified()}, {@code isLoopback()}, {@code isLinkLocalMulticast()}, {@code
 * isLinkLocalUnicast()}, {@code isGlobalUnicast()} on {@code net.IP} values ({@link IpAddress}).
 *
 * <p>Parsing follows Go's {@code netip.ParseAddr} and then rejects zones and IPv4-mapped IPv6
 * addresses; failures carry upstream's texts. The identifier {@code net.IP} denotes the type.
 * Stateless singleton; thread-safe.
 */
public final class IpLibrary implements KubernetesLibrary {

  /** The singleton. */
  public static final IpLibrary INSTANCE = new IpLibrary();

  /** The CEL type {@code net.IP}. */
  public static final CelType IP_TYPE = OpaqueType.create("net.IP");

  private IpLibrary() {}

  @Override
  public String name() {
    return "kubernetes.net.ip";
  }

  @Override
  public void setCheckerOptions(CelCheckerBuilder checker) {
    checker.addVarDeclarations(
        CelVarDecl.newVarDeclaration(IP_TYPE.name(), TypeType.create(IP_TYPE)));
    checker.addFunctionDeclarations(
        global("ip", "string_to_ip", IP_TYPE, SimpleType.STRING),
        global("isIP", "is_ip", SimpleType.BOOL, SimpleType.STRING),
        global("ip.isCanonical", "ip_is_canonical", SimpleType.BOOL, SimpleType.STRING),
        global("string", "ip_to_string", SimpleType.STRING, IP_TYPE),
        member("family", "ip_family", SimpleType.INT),
        member("isUnspecified", "ip_is_unspecified", SimpleType.BOOL),
        member("isLoopback", "ip_is_loopback", SimpleType.BOOL),
        member("isLinkLocalMulticast", "ip_is_link_local_multicast", SimpleType.BOOL),
        member("isLinkLocalUnicast", "ip_is_link_local_unicast", SimpleType.BOOL),
        member("isGlobalUnicast", "ip_is_global_unicast", SimpleType.BOOL));
  }

  @Override
  public void setRuntimeOptions(CelRuntimeBuilder runtime) {
    runtime.addFunctionBindings(
        CelFunctionBinding.from("string_to_ip", String.class, IpLibrary::parse),
        CelFunctionBinding.from("is_ip", String.class, IpLibrary::isValid),
        CelFunctionBinding.from(
            "ip_is_canonical", String.class, s -> parse(s).toString().equals(s)),
        CelFunctionBinding.from("ip_to_string", IpAddress.class, IpAddress::toString),
        CelFunctionBinding.from("ip_family", IpAddress.class, ip -> (long) ip.family()),
        test("ip_is_unspecified", IpAddress::isUnspecified),
        test("ip_is_loopback", IpAddress::isLoopback),
        test("ip_is_link_local_multicast", IpAddress::isLinkLocalMulticast),
        test("ip_is_link_local_unicast", IpAddress::isLinkLocalUnicast),
        test("ip_is_global_unicast", IpAddress::isGlobalUnicast));
  }

  /**
   * Parses {@code raw} as the library's {@code ip()} does.
   *
   * @throws CelBadFormatException with upstream's message if {@code raw} is not an IPv4 or IPv6
   *     address without zone, or is an IPv4-mapped IPv6 address
   */
  static IpAddress parse(String raw) {
    NetipParser.ParsedAddr parsed;
    try {
      parsed = NetipParser.parseAddr(raw);
    } catch (NetipParser.ParseException e) {
      throw new CelBadFormatException(
          "IP Address " + GoQuote.quote(raw) + " parse error during conversion from string: "
              + e.getMessage());
    }
    if (!parsed.zone().isEmpty()) {
      throw new CelBadFormatException(
          "IP address " + GoQuote.quote(raw) + " with zone value is not allowed");
    }
    if (parsed.address().is4In6()) {
      throw new CelBadFormatException(
          "IPv4-mapped IPv6 address " + GoQuote.quote(raw) + " is not allowed");
    }
    return parsed.address();
  }

  private static boolean isValid(String raw) {
    try {
      parse(raw);
      return true;
    } catch (CelBadFormatException e) {
      return false;
    }
  }

  private static CelFunctionDecl global(String name, String id, CelType result, CelType arg) {
    return CelFunctionDecl.newFunctionDeclaration(
        name, CelOverloadDecl.newGlobalOverload(id, result, arg));
  }

  private static CelFunctionDecl member(String name, String id, CelType result) {
    return CelFunctionDecl.newFunctionDeclaration(
        name, CelOverloadDecl.newMemberOverload(id, result, IP_TYPE));
  }

  private static CelFunctionBinding test(String id, Predicate<IpAddress> predicate) {
    return CelFunctionBinding.from(id, IpAddress.class, predicate::test);
  }
}
