package io.gatehouse.cel.cost;

import static io.gatehouse.cel.cost.CostFactors.REGEX_STRING_LENGTH;
import static io.gatehouse.cel.cost.CostFactors.STRING_TRAVERSAL;

import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import io.gatehouse.cel.cost.CallEstimates.Estimate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Kubernetes' {@code library.CostEstimator.EstimateCallCost}
 * ({@code staging/src/k8s.io/apiserver/pkg/cel/library/cost.go}), which switches on the function
 * name. As in Kubernetes 1.28–1.33 with cel-go ≤ v0.23, the estimator receives a non-nil target
 * even for global calls, so the {@code target != nil} guards of global functions ({@code cidr},
 * {@code quantity}, …) pass.
 *
 * <p>Not thread-safe; belongs to one {@link Coster}.
 */
final class LibraryCostEstimator {

  private static final Set<String> NOMINAL =
      Set.of(
          "serviceAccount", "path", "group", "resource", "subresource", "namespace", "name",
          "allowed", "reason", "error", "errored", "masked", "prefixLength", "family",
          "isUnspecified", "isLoopback", "isLinkLocalMulticast", "isLinkLocalUnicast",
          "isGlobalUnicast", "format.named", "sign", "asInteger", "isInteger",
          "asApproximateFloat", "isGreaterThan", "isLessThan", "compareTo", "add", "sub", "major",
          "minor", "patch", "getScheme", "getHostname", "getHost", "getPort", "getEscapedPath",
          "getQuery");
  private static final Set<String> TRAVERSALS =
      Set.of("isSorted", "sum", "max", "min", "indexOf", "lastIndexOf");
  private static final Set<String> UNIT_EQUALITY_TYPES =
      Set.of("net.IP", "net.CIDR", "kubernetes.Quantity", "kubernetes.Semver");
  private static final Range IP_BYTES = new Range(4, 16);

  private final Coster coster;
  private final boolean bound;

  LibraryCostEstimator(Coster coster, boolean bound) {
    this.coster = coster;
    this.bound = bound;
  }

  @Nullable Estimate estimateCallCost(
      String function, String overload, @Nullable EstimateNode target, List<EstimateNode> args) {
    if (function.equals("check")) {
      return of(Range.fixed(CostFactors.AUTHZ_CHECK));
    }
    if (NOMINAL.contains(function)) {
      return of(Range.ONE);
    }
    if (TRAVERSALS.contains(function)) {
      return target == null ? null : of(bound ? traversalBound(target) : traversal(target));
    }
    return switch (function) {
      case "fieldSelector", "labelSelector" ->
          args.size() == 1 ? of(selector(sizeEstimate(args.get(0)))) : null;
      case "url", "jsonpatch.escapeKey" -> {
        if (args.size() != 1) {
          yield null;
        }
        Range sz = sizeEstimate(args.get(0));
        yield new Estimate(sz.multiplyByCostFactor(STRING_TRAVERSAL), sz);
      }
      case "lowerAscii", "upperAscii", "substring", "trim" -> {
        if (target == null) {
          yield null;
        }
        Range sz = sizeEstimate(target);
        yield new Estimate(sz.multiplyByCostFactor(STRING_TRAVERSAL), sz);
      }
      case "replace" ->
          target != null && args.size() >= 2
              ? new Estimate(
                  sizeEstimate(target).multiplyByCostFactor(2 * STRING_TRAVERSAL),
                  StringResultSizes.replace(
                      sizeEstimate(target), sizeEstimate(args.get(0)), sizeEstimate(args.get(1))))
              : null;
      case "split" -> target != null ? split(target, args) : null;
      case "join" -> target != null ? join(target, args) : null;
      case "find", "findAll" -> {
        if (target == null || args.isEmpty()) {
          yield null;
        }
        Range sz = sizeEstimate(target);
        Range strCost = sz.add(Range.ONE).multiplyByCostFactor(STRING_TRAVERSAL);
        Range regexCost = sizeEstimate(args.get(0)).multiplyByCostFactor(REGEX_STRING_LENGTH);
        yield new Estimate(strCost.multiply(regexCost), new Range(0, sz.max()));
      }
      case "cidr", "isIP", "isCIDR", "quantity", "isQuantity", "semver", "isSemver" ->
          args.isEmpty() ? null : of(sizeEstimate(args.get(0)).multiplyByCostFactor(STRING_TRAVERSAL));
      case "ip" -> {
        if (!args.isEmpty() && !overload.equals("cidr_ip")) {
          yield of(sizeEstimate(args.get(0)).multiplyByCostFactor(STRING_TRAVERSAL));
        }
        yield of(Range.ONE);
      }
      case "ip.isCanonical" ->
          args.isEmpty()
              ? null
              : of(sizeEstimate(args.get(0)).multiplyByCostFactor(2 * STRING_TRAVERSAL));
      case "containsIP" -> args.isEmpty() ? null : of(containsIp(overload, args.get(0)));
      case "containsCIDR" -> args.isEmpty() ? null : of(containsCidr(overload, args.get(0)));
      case "validate" -> args.isEmpty() ? null : of(validate(sizeEstimate(args.get(0))));
      case "_==_" -> args.size() == 2 ? equality(args.get(0), args.get(1)) : null;
      default -> null;
    };
  }

  private static Estimate of(Range cost) {
    return new Estimate(cost, null);
  }

  /** Kubernetes' {@code sizeEstimate}: computed, else estimated, else unknown (no scalar rule). */
  Range sizeEstimate(EstimateNode node) {
    if (node.computedSize() != null) {
      return node.computedSize();
    }
    Range estimated = coster.estimateSize(node);
    return estimated != null ? estimated : Range.UNKNOWN;
  }

  /** Kubernetes' {@code listElementNode}: the element of a list (or the key of a map), or null. */
  private static @Nullable EstimateNode elementNode(EstimateNode list) {
    List<CelType> params = list.type().parameters();
    if (params.isEmpty()) {
      return null;
    }
    List<String> path = null;
    if (list.path() != null) {
      path = new java.util.ArrayList<>(list.path());
      path.add("@items");
      path = List.copyOf(path);
    }
    return new EstimateNode(path, params.get(0), null, null);
  }

  private Range traversal(EstimateNode target) {
    EstimateNode element = elementNode(target);
    if (element == null) {
      return sizeEstimate(target).multiplyByCostFactor(STRING_TRAVERSAL);
    }
    Range elementCost = Range.ONE;
    CelKind kind = element.type().kind();
    if (kind == CelKind.STRING || kind == CelKind.BYTES) {
      elementCost = elementCost.add(sizeEstimate(element).multiplyByCostFactor(STRING_TRAVERSAL));
    }
    return sizeEstimate(target).multiply(elementCost);
  }

  /**
   * An upper bound of {@code traversalCost} at runtime, which walks nested values and measures
   * strings in UTF-8 bytes (up to four per character).
   */
  private Range traversalBound(EstimateNode target) {
    Range size = sizeEstimate(target);
    return switch (target.type().kind()) {
      case STRING -> new Range(0, size.multiplyByCostFactor(4 * STRING_TRAVERSAL).max());
      case BYTES -> new Range(0, size.multiplyByCostFactor(STRING_TRAVERSAL).max());
      case LIST -> {
        EstimateNode element = elementNode(target);
        Range each =
            switch (element == null ? CelKind.DYN : element.type().kind()) {
              case STRING -> sizeEstimate(element).multiplyByCostFactor(4 * STRING_TRAVERSAL);
              case BYTES -> sizeEstimate(element).multiplyByCostFactor(STRING_TRAVERSAL);
              case BOOL, INT, UINT, DOUBLE, DURATION, TIMESTAMP, NULL_TYPE -> Range.ONE;
              default -> Range.UNKNOWN;
            };
        yield new Range(0, size.multiply(each).max());
      }
      default -> Range.UNKNOWN;
    };
  }

  private Estimate split(EstimateNode target, List<EstimateNode> args) {
    Range sz = sizeEstimate(target);
    long max = sz.max();
    if (args.size() > 1) {
      CelExpr limit = args.get(1).expr();
      if (limit != null
          && limit.exprKind().getKind() == CelExpr.ExprKind.Kind.CONSTANT
          && limit.constant().getKind() == dev.cel.common.ast.CelConstant.Kind.INT64_VALUE) {
        max = limit.constant().int64Value();
      }
    }
    return new Estimate(sz.multiplyByCostFactor(2 * STRING_TRAVERSAL), new Range(0, max));
  }

  private Estimate join(EstimateNode target, List<EstimateNode> args) {
    Range size = Range.ZERO;
    Range listSize = sizeEstimate(target);
    EstimateNode element = elementNode(target);
    if (element != null) {
      size = listSize.multiply(sizeEstimate(element));
    }
    if (!args.isEmpty()) {
      Range separator = sizeEstimate(args.get(0));
      long minSeparators = listSize.min() != 0 ? listSize.min() - 1 : 0;
      long maxSeparators = listSize.max() != 0 ? listSize.max() - 1 : 0;
      size = size.add(separator.multiply(new Range(minSeparators, maxSeparators)));
    }
    // The runtime charges twice the factor on the result; the estimate once.
    double factor = bound ? 2 * STRING_TRAVERSAL : STRING_TRAVERSAL;
    return new Estimate(size.multiplyByCostFactor(factor), size);
  }

  private Range containsIp(String overload, EstimateNode arg) {
    Range cost = IP_BYTES.add(IP_BYTES).multiplyByCostFactor(STRING_TRAVERSAL);
    if (overload.equals("cidr_contains_ip_string")) {
      cost = cost.add(sizeEstimate(arg).multiplyByCostFactor(STRING_TRAVERSAL));
    }
    return cost;
  }

  private Range containsCidr(String overload, EstimateNode arg) {
    Range cost =
        IP_BYTES.add(IP_BYTES)
            .multiplyByCostFactor(STRING_TRAVERSAL)
            .add(IP_BYTES.multiplyByCostFactor(STRING_TRAVERSAL))
            .add(Range.ONE);
    if (overload.equals("cidr_contains_cidr_string")) {
      cost = cost.add(sizeEstimate(arg).multiplyByCostFactor(STRING_TRAVERSAL));
    }
    return cost;
  }

  private Range validate(Range size) {
    double regexCost = CostFactors.MAX_NAME_FORMAT_REGEX_SIZE * REGEX_STRING_LENGTH;
    if (bound) {
      // The runtime adds one character before rounding, as for matches().
      return size.add(Range.ONE).multiplyByCostFactor(STRING_TRAVERSAL).multiplyByCostFactor(regexCost);
    }
    return size.multiplyByCostFactor(STRING_TRAVERSAL).multiplyByCostFactor(regexCost);
  }

  private @Nullable Estimate equality(EstimateNode lhs, EstimateNode rhs) {
    CelType type = lhs.type();
    if (!type.equals(rhs.type())) {
      return null;
    }
    String name = type.name();
    if (UNIT_EQUALITY_TYPES.contains(name) || name.startsWith("kubernetes.authorization.")) {
      return of(Range.ONE);
    }
    return switch (name) {
      case "kubernetes.NamedFormat" ->
          of(new Range(1, CostFactors.MAX_FORMAT_SIZE).multiplyByCostFactor(STRING_TRAVERSAL));
      case "kubernetes.URL" -> {
        Range size = Range.ONE;
        // Kubernetes reads the right-hand size twice (sic).
        if (rhs.computedSize() != null) {
          size = rhs.computedSize().union(rhs.computedSize());
        }
        yield of(new Range(1, size.max()).multiplyByCostFactor(STRING_TRAVERSAL));
      }
      default -> null;
    };
  }

  /** Kubernetes' {@code selectorCostEstimate}. */
  static Range selector(Range length) {
    Range parse = length.multiplyByCostFactor(STRING_TRAVERSAL);
    Range requirements =
        length.multiplyByCostFactor(CostFactors.SELECTOR_LENGTH_TO_REQUIREMENT_COUNT);
    Range requirementCost = requirements.multiplyByCostFactor(CostFactors.COST_PER_REQUIREMENT);
    return Range.fixed(CostFactors.LIST_CREATE_BASE).add(parse).add(requirementCost);
  }
}
