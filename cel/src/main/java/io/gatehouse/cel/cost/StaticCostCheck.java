package io.gatehouse.cel.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Upstream's only static CEL cost checks: those of CustomResourceDefinition {@code
 * x-kubernetes-validations} ({@code
 * apiextensions-apiserver/pkg/apis/apiextensions/validation/validation.go}), with their exact
 * messages. Kubernetes 1.28–1.33 estimates no cost for ValidatingAdmissionPolicy, webhook or
 * authorization match conditions.
 *
 * <p>Stateless; thread-safe.
 */
public final class StaticCostCheck {

  /** Cost name of a rule's per-expression check. */
  public static final String RULE_COST = "estimated rule cost";

  /** Cost name of a messageExpression's per-expression check. */
  public static final String MESSAGE_EXPRESSION_COST = "estimated messageExpression cost";

  /** Cost name of the whole-schema check. */
  public static final String TOTAL_COST =
      "x-kubernetes-validations estimated rule cost total for entire OpenAPIv3 schema";

  /** Detail reported on each of the most expensive rules when the total is exceeded. */
  public static final String CONTRIBUTED_TO_TOTAL =
      "contributed to estimated rule cost total exceeding cost limit for entire OpenAPIv3 schema";

  private StaticCostCheck() {}

  /**
   * Upstream's {@code getCostErrorMessage}: {@code "<costName> exceeds budget by factor of <f>
   * (try simplifying the rule, or adding maxItems, maxProperties, and maxLength where arrays, maps,
   * and strings are declared)"}, where {@code f} is {@code "more than 100x"} above 100, Go's {@code
   * %fx} below 1.5 and {@code %.1fx} otherwise.
   */
  public static String costErrorMessage(String costName, long expressionCost, long costLimit) {
    double exceedFactor = (double) expressionCost / (double) costLimit;
    String factor;
    if (exceedFactor > 100.0) {
      factor = "more than 100x";
    } else if (exceedFactor < 1.5) {
      factor = goFixed(exceedFactor, 6) + "x";
    } else {
      factor = goFixed(exceedFactor, 1) + "x";
    }
    return costName
        + " exceeds budget by factor of "
        + factor
        + " (try simplifying the rule, or adding maxItems, maxProperties, and maxLength where"
        + " arrays, maps, and strings are declared)";
  }

  /**
   * Upstream's {@code multiplyWithOverflowGuard}: an expression's estimated cost times the number
   * of times it may run (the schema's maximum cardinality), saturating at {@link Long#MAX_VALUE}.
   */
  public static long expressionCost(long maxCost, long cardinality) {
    if (maxCost == 0) {
      return 0;
    }
    if (Long.MAX_VALUE / maxCost < cardinality) {
      return Long.MAX_VALUE;
    }
    return maxCost * cardinality;
  }

  /**
   * The per-expression check: the {@link #costErrorMessage} if {@code expressionCost} exceeds
   * {@link CostLimits#STATIC_ESTIMATED_COST_LIMIT}, else empty.
   *
   * @param costName {@link #RULE_COST} or {@link #MESSAGE_EXPRESSION_COST}
   */
  public static Optional<String> check(String costName, long expressionCost) {
    if (expressionCost > CostLimits.STATIC_ESTIMATED_COST_LIMIT) {
      return Optional.of(
          costErrorMessage(costName, expressionCost, CostLimits.STATIC_ESTIMATED_COST_LIMIT));
    }
    return Optional.empty();
  }

  /** Go's {@code strconv.FormatFloat(v, 'f', digits, 64)}: exact decimal, ties to even. */
  static String goFixed(double v, int digits) {
    return new BigDecimal(v).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
  }

  /**
   * The whole-schema total ({@code TotalCost}): sums rule costs and keeps the four most expensive
   * rules of at least 1% of {@link CostLimits#STATIC_ESTIMATED_CRD_COST_LIMIT}.
   *
   * <p>Not thread-safe.
   */
  public static final class TotalCost {

    /**
     * One rule's contribution.
     *
     * @param path the field path of the rule, e.g. {@code
     *     spec.validation.openAPIV3Schema.x-kubernetes-validations[0].rule}
     * @param cost its estimated cost (times cardinality)
     */
    public record RuleCost(String path, long cost) {}

    private long total;
    private final List<RuleCost> mostExpensive = new ArrayList<>();

    /** Adds one rule's cost (upstream's {@code ObserveExpressionCost}). */
    public void observe(String path, long cost) {
      total = Long.MAX_VALUE - total < cost ? Long.MAX_VALUE : total + cost;
      if (cost < CostLimits.STATIC_ESTIMATED_CRD_COST_LIMIT / 100) {
        return;
      }
      mostExpensive.add(new RuleCost(path, cost));
      // Upstream sorts with an unstable sort; equal costs keep insertion order here.
      mostExpensive.sort(Comparator.comparingLong(RuleCost::cost).reversed());
      if (mostExpensive.size() > 4) {
        mostExpensive.subList(4, mostExpensive.size()).clear();
      }
    }

    /** Returns the saturating total. */
    public long total() {
      return total;
    }

    /** Returns the (at most four) most expensive rules, most expensive first. */
    public List<RuleCost> mostExpensive() {
      return List.copyOf(mostExpensive);
    }

    /**
     * The whole-schema message if the total exceeds {@link
     * CostLimits#STATIC_ESTIMATED_CRD_COST_LIMIT} (upstream then also reports {@link
     * #CONTRIBUTED_TO_TOTAL} on each of {@link #mostExpensive()}), else empty.
     */
    public Optional<String> check() {
      if (total > CostLimits.STATIC_ESTIMATED_CRD_COST_LIMIT) {
        return Optional.of(
            costErrorMessage(TOTAL_COST, total, CostLimits.STATIC_ESTIMATED_CRD_COST_LIMIT));
      }
      return Optional.empty();
    }
  }
}
