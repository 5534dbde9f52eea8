package io.gatehouse.cel.cost;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What one call costs at runtime: a fixed amount, or a {@link CallFormula} over its argument
 * values. Chosen once per call site from the function name and the overload id cel-go would
 * dispatch to ({@code ""} when the checker left several candidates).
 *
 * <p>The order is cel-go's: per-overload trackers ({@code ext.Sets}, cel-go v0.20+), then — with
 * strict cost — Kubernetes' {@code CostEstimator.CallCost}, which switches on the function name,
 * then cel-go's defaults, which switch on the overload id.
 *
 * @param fixed the cost when {@code formula} is null
 * @param formula the size-dependent formula, or null
 */
record CallCharge(long fixed, @Nullable CallFormula formula) {

  private static final CallCharge ONE = new CallCharge(1, null);

  private static final Set<String> AUTHZ_NOMINAL =
      Set.of(
          "serviceAccount", "path", "group", "resource", "subresource", "namespace", "name",
          "allowed", "reason", "error", "errored");
  private static final Set<String> LIST_TRAVERSAL =
      Set.of("isSorted", "sum", "max", "min", "indexOf", "lastIndexOf");
  private static final Set<String> STRING_TRAVERSAL =
      Set.of("url", "lowerAscii", "upperAscii", "substring", "trim", "jsonpatch.escapeKey");
  private static final Set<String> PARSE =
      Set.of("cidr", "isIP", "isCIDR", "quantity", "isQuantity", "semver", "isSemver");
  private static final Set<String> NOMINAL =
      Set.of(
          "masked", "prefixLength", "family", "isUnspecified", "isLoopback",
          "isLinkLocalMulticast", "isLinkLocalUnicast", "isGlobalUnicast", "format.named", "sign",
          "asInteger", "isInteger", "asApproximateFloat", "isGreaterThan", "isLessThan",
          "compareTo", "add", "sub", "major", "minor", "patch", "getScheme", "getHostname",
          "getHost", "getPort", "getEscapedPath", "getQuery");
  private static final Set<String> MIN_SIZE_OVERLOADS =
      Set.of(
          "less_string", "greater_string", "less_equals_string", "greater_equals_string",
          "less_bytes", "greater_bytes", "less_equals_bytes", "greater_equals_bytes", "equals",
          "not_equals");
  private static final Set<String> SIZE_FIRST_OVERLOADS =
      Set.of(
          "starts_with_string", "ends_with_string", "string_to_bytes", "bytes_to_string",
          "strings_quote", "string_format");

  static CallCharge fixedCost(long cost) {
    return cost == 1 ? ONE : new CallCharge(cost, null);
  }

  static CallCharge of(CallFormula formula) {
    return new CallCharge(-1, formula);
  }

  /**
   * Chooses the charge of a call of {@code function} dispatched to {@code overload} with {@code
   * argCount} arguments (receiver included).
   */
  static CallCharge select(String function, String overload, int argCount, CostModel model) {
    if (model.overloadTrackers()) {
      // cel-go keys these trackers on the overload ids list_sets_contains_list, … ; each sets
      // function has exactly that one overload, so its name identifies it as well.
      switch (function) {
        case "sets.contains", "sets.intersects" -> {
          return of(CallFormula.SETS);
        }
        case "sets.equivalent" -> {
          return of(CallFormula.SETS_EQUIVALENT);
        }
        default -> {}
      }
    }
    if (model.strict()) {
      CallCharge library = library(function, overload, argCount);
      if (library != null) {
        return library;
      }
    }
    return standard(overload);
  }

  private static @Nullable CallCharge library(String function, String overload, int argCount) {
    if (function.equals("check")) {
      return fixedCost(CostFactors.AUTHZ_CHECK);
    }
    if (AUTHZ_NOMINAL.contains(function) || NOMINAL.contains(function)) {
      return ONE;
    }
    if (LIST_TRAVERSAL.contains(function)) {
      return argCount > 0 ? of(CallFormula.TRAVERSAL) : fixedCost(0);
    }
    if (argCount >= 1 && (STRING_TRAVERSAL.contains(function) || PARSE.contains(function))) {
      return of(CallFormula.SIZE_FIRST);
    }
    return switch (function) {
      case "fieldSelector", "labelSelector" -> argCount >= 2 ? of(CallFormula.SELECTOR) : null;
      case "replace", "split", "ip.isCanonical" ->
          argCount >= 1 ? of(CallFormula.DOUBLE_SIZE_FIRST) : null;
      case "join" -> argCount >= 1 ? of(CallFormula.JOIN) : null;
      case "find", "findAll" -> argCount >= 2 ? of(CallFormula.REGEX) : null;
      case "ip" ->
          argCount < 1 ? null : overload.equals("cidr_ip") ? ONE : of(CallFormula.SIZE_FIRST);
      case "containsIP" ->
          argCount < 2
              ? null
              : of(
                  overload.equals("cidr_contains_ip_string")
                      ? CallFormula.CONTAINS_IP_STRING
                      : CallFormula.CONTAINS_IP);
      case "containsCIDR" ->
          argCount < 2
              ? null
              : of(
                  overload.equals("cidr_contains_cidr_string")
                      ? CallFormula.CONTAINS_CIDR_STRING
                      : CallFormula.CONTAINS_CIDR);
      case "validate" -> argCount >= 2 ? of(CallFormula.VALIDATE) : null;
      default -> null;
    };
  }

  private static CallCharge standard(String overload) {
    if (SIZE_FIRST_OVERLOADS.contains(overload)) {
      return of(CallFormula.SIZE_FIRST);
    }
    if (MIN_SIZE_OVERLOADS.contains(overload)) {
      return of(CallFormula.MIN_SIZE);
    }
    return switch (overload) {
      case "in_list" -> of(CallFormula.SIZE_SECOND);
      case "add_string", "add_bytes" -> of(CallFormula.SUM_SIZE);
      case "matches_string" -> of(CallFormula.REGEX);
      case "contains_string" -> of(CallFormula.CONTAINS);
      default -> ONE;
    };
  }
}
