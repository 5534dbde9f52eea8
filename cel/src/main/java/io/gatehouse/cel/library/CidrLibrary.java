package io.gatehouse.cel.library;

import dev.cel.checker.CelCheckerBuilder;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelVarDecl;
import dev.cel.common.exceptions.CelBadFormatException;
import dev.cel.common.exceptions.CelInvalidArgumentException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.TypeType;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntimeBuilder;
import io.gatehouse.api.GoQuote;
import io.gatehouse.cel.KubernetesLibrary;

/**
 * The {@code net.cidr} library (Kubernetes 1.30+): {@code cidr(string)}, {@code isCIDR(string)},
 * {@code string(CIDR)} and the members {@code containsIP(IP|string)}, {@code
 * containsCIDR(CIDR|string)}, {@code ip()}, {@code masked()}, {@code prefixLength()} on {@code
 * net.CIDR} values ({@link Cidr}). It relies on {@link IpLibrary}'s {@code net.IP} type; the base
 * environment always offers both together.
 *
 * <p>Parsing follows Go's {@code netip.ParsePrefix} (host bits allowed) and then rejects IPv4-mapped
 * IPv6 addresses; failures carry upstream's texts, including its doubled prefix. As upstream,
 * {@code containsIP(string)} with an unparsable address fails with {@code no such overload}, while
 * {@code containsCIDR(string)} reports the parse error. The identifier {@code net.CIDR} denotes the
 * type. Stateless singleton; thread-safe.
 */
public final class CidrLibrary implements KubernetesLibrary {

  /** The singleton. */
  public static final CidrLibrary INSTANCE = new CidrLibrary();

  /** The CEL type {@code net.CIDR}. */
  public static final CelType CIDR_TYPE = OpaqueType.create("net.CIDR");

  private static final String PARSE_ERROR =
      "network address parse error during conversion from string: ";

  private CidrLibrary() {}

  /** Returns upstream's library name, {@code net.cidr} (it lacks the {@code kubernetes.} prefix). */
  @Override
  public String name() {
    return "net.cidr";
  }

  @Override
  public void setCheckerOptions(CelCheckerBuilder checker) {
    CelType ip = IpLibrary.IP_TYPE;
    checker.addVarDeclarations(
        CelVarDecl.newVarDeclaration(CIDR_TYPE.name(), TypeType.create(CIDR_TYPE)));
    checker.addFunctionDeclarations(
        CelFunctionDecl.newFunctionDeclaration(
            "cidr", CelOverloadDecl.newGlobalOverload("string_to_cidr", CIDR_TYPE, SimpleType.STRING)),
        CelFunctionDecl.newFunctionDeclaration(
            "isCIDR", CelOverloadDecl.newGlobalOverload("is_cidr", SimpleType.BOOL, SimpleType.STRING)),
        CelFunctionDecl.newFunctionDeclaration(
            "string",
            CelOverloadDecl.newGlobalOverload("cidr_to_string", SimpleType.STRING, CIDR_TYPE)),
        CelFunctionDecl.newFunctionDeclaration(
            "containsIP",
            member("cidr_contains_ip_string", SimpleType.BOOL, SimpleType.STRING),
            member("cidr_contains_ip_ip", SimpleType.BOOL, ip)),
        CelFunctionDecl.newFunctionDeclaration(
            "containsCIDR",
            member("cidr_contains_cidr_string", SimpleType.BOOL, SimpleType.STRING),
            member("cidr_contains_cidr", SimpleType.BOOL, CIDR_TYPE)),
        CelFunctionDecl.newFunctionDeclaration("ip", member("cidr_ip", ip)),
        CelFunctionDecl.newFunctionDeclaration(
            "prefixLength", member("cidr_prefix_length", SimpleType.INT)),
        CelFunctionDecl.newFunctionDeclaration("masked", member("cidr_masked", CIDR_TYPE)));
  }

  @Override
  public void setRuntimeOptions(CelRuntimeBuilder runtime) {
    runtime.addFunctionBindings(
        CelFunctionBinding.from("string_to_cidr", String.class, CidrLibrary::parse),
        CelFunctionBinding.from("is_cidr", String.class, CidrLibrary::isValid),
        CelFunctionBinding.from("cidr_to_string", Cidr.class, Cidr::toString),
        CelFunctionBinding.from(
            "cidr_contains_ip_string", Cidr.class, String.class,
            (cidr, ip) -> cidr.containsIp(parseIpOrNoOverload(ip))),
        CelFunctionBinding.from(
            "cidr_contains_ip_ip", Cidr.class, IpAddress.class, Cidr::containsIp),
        CelFunctionBinding.from(
            "cidr_contains_cidr_string", Cidr.class, String.class,
            (cidr, other) -> cidr.containsCidr(parse(other))),
        CelFunctionBinding.from("cidr_contains_cidr", Cidr.class, Cidr.class, Cidr::containsCidr),
        CelFunctionBinding.from("cidr_ip", Cidr.class, Cidr::address),
        CelFunctionBinding.from("cidr_prefix_length", Cidr.class, c -> (long) c.prefixLength()),
        CelFunctionBinding.from("cidr_masked", Cidr.class, Cidr::masked));
  }

  /**
   * Parses {@code raw} as the library's {@code cidr()} does.
   *
   * @throws CelBadFormatException with upstream's message if {@code raw} is not a prefix or its
   *     address is an IPv4-mapped IPv6 address
   */
  static Cidr parse(String raw) {
    Cidr cidr;
    try {
      cidr = NetipParser.parsePrefix(raw);
    } catch (NetipParser.ParseException e) {
      throw new CelBadFormatException(PARSE_ERROR + PARSE_ERROR + e.getMessage());
    }
    if (cidr.address().is4In6()) {
      throw new CelBadFormatException(
          PARSE_ERROR + "IPv4-mapped IPv6 address " + GoQuote.quote(raw) + " is not allowed");
    }
    return cidr;
  }

  private static boolean isValid(String raw) {
    try {
      parse(raw);
      return true;
    } catch (CelBadFormatException e) {
      return false;
    }
  }

  /** Upstream passes the parse error where an IP is expected and so reports no such overload. */
  private static IpAddress parseIpOrNoOverload(String raw) {
    try {
      return IpLibrary.parse(raw);
    } catch (CelBadFormatException e) {
      throw new CelInvalidArgumentException("no such overload");
    }
  }

  private static CelOverloadDecl member(String id, CelType result, CelType... args) {
    CelType[] params = new CelType[args.length + 1];
    params[0] = CIDR_TYPE;
    System.arraycopy(args, 0, params, 1, args.length);
    return CelOverloadDecl.newMemberOverload(id, result, params);
  }
}
