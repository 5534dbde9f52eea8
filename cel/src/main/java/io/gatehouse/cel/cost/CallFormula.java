package io.gatehouse.cel.cost;

import static io.gatehouse.cel.cost.CostFactors.REGEX_STRING_LENGTH;
import static io.gatehouse.cel.cost.CostFactors.STRING_TRAVERSAL;
import static io.gatehouse.cel.cost.CostFactors.ceil;

import org.jspecify.annotations.Nullable;

/**
 * The size-dependent runtime call costs of cel-go's {@code CostTracker.costCall}, of {@code
 * ext.Sets}' overload trackers and of Kubernetes' {@code CostEstimator.CallCost}. {@code s0} and
 * {@code s1} are the {@code actualSize} of the first two arguments (the receiver first).
 */
enum CallFormula {
  /** {@code ceil(0.1 * s0)}: startsWith, endsWith, string/bytes conversions, quote, format; url… */
  SIZE_FIRST,
  /** {@code s1}: {@code in} on a list. */
  SIZE_SECOND,
  /** {@code ceil(0.1 * min(s0, s1))}: equality and string/bytes ordering. */
  MIN_SIZE,
  /** {@code ceil(0.1 * (s0 + s1))}: string and bytes concatenation. */
  SUM_SIZE,
  /** {@code ceil(0.1 * (1 + s0)) * ceil(0.25 * s1)}: matches, find, findAll. */
  REGEX,
  /** {@code ceil(0.1 * s0) * ceil(0.1 * s1)}: contains. */
  CONTAINS,
  /** {@code 1 + floor(s0 * s1)}: sets.contains, sets.intersects. */
  SETS,
  /** {@code 1 + floor(2 * s0 * s1)}: sets.equivalent. */
  SETS_EQUIVALENT,
  /** Kubernetes' selector parse cost of a selector of {@code s1} characters. */
  SELECTOR,
  /** Kubernetes' {@code traversalCost} of the first argument. */
  TRAVERSAL,
  /** {@code ceil(0.1 * 2 * s0)}: replace, split, ip.isCanonical. */
  DOUBLE_SIZE_FIRST,
  /** {@code ceil(0.1 * 2 * size(result))}: join. */
  JOIN,
  /** containsIP on an IP. */
  CONTAINS_IP,
  /** containsIP on a string. */
  CONTAINS_IP_STRING,
  /** containsCIDR on a CIDR. */
  CONTAINS_CIDR,
  /** containsCIDR on a string. */
  CONTAINS_CIDR_STRING,
  /** Format.validate: a regex of the format's size over the string; 1 if the receiver is no format. */
  VALIDATE;

  /**
   * Returns the cost of a call whose first two arguments (receiver first) are {@code a0} and {@code
   * a1} and whose result is {@code result}.
   *
   * @param sized0 whether {@code a0} is measured (false for values of Kubernetes' opaque types,
   *     which are no {@code traits.Sizer} in cel-go whatever their Java representation)
   * @param sized1 the same for {@code a1}
   * @param optionalSize whether a present optional measures as its value
   */
  long cost(
      @Nullable Object a0,
      @Nullable Object a1,
      @Nullable Object result,
      boolean sized0,
      boolean sized1,
      boolean optionalSize) {
    return switch (this) {
      case SIZE_FIRST -> ceil(size(a0, sized0, optionalSize) * STRING_TRAVERSAL);
      case SIZE_SECOND -> size(a1, sized1, optionalSize);
      case MIN_SIZE ->
          ceil(
              Math.min(size(a0, sized0, optionalSize), size(a1, sized1, optionalSize))
                  * STRING_TRAVERSAL);
      case SUM_SIZE ->
          ceil(
              (double) (size(a0, sized0, optionalSize) + size(a1, sized1, optionalSize))
                  * STRING_TRAVERSAL);
      case REGEX -> regex(size(a0, sized0, optionalSize), size(a1, sized1, optionalSize));
      case CONTAINS ->
          ceil(size(a0, sized0, optionalSize) * STRING_TRAVERSAL)
              * ceil(size(a1, sized1, optionalSize) * STRING_TRAVERSAL);
      case SETS -> 1 + sets(a0, a1, sized0, sized1, optionalSize, 1);
      case SETS_EQUIVALENT -> 1 + sets(a0, a1, sized0, sized1, optionalSize, 2);
      case SELECTOR -> selector(size(a1, sized1, optionalSize));
      case TRAVERSAL -> sized0 ? ValueSize.traversal(a0) : 1;
      case DOUBLE_SIZE_FIRST -> ceil((double) size(a0, sized0, optionalSize) * 2 * STRING_TRAVERSAL);
      case JOIN -> ceil((double) ValueSize.actual(result, optionalSize) * 2 * STRING_TRAVERSAL);
      case CONTAINS_IP -> containsIp(size(a0, sized0, optionalSize));
      case CONTAINS_IP_STRING ->
          containsIp(size(a0, sized0, optionalSize))
              + ceil(size(a1, sized1, optionalSize) * STRING_TRAVERSAL);
      case CONTAINS_CIDR -> containsCidr(size(a0, sized0, optionalSize));
      case CONTAINS_CIDR_STRING ->
          containsCidr(size(a0, sized0, optionalSize))
              + ceil(size(a1, sized1, optionalSize) * STRING_TRAVERSAL);
      case VALIDATE ->
          a0 instanceof RegexSizedValue format
              ? regex(size(a1, sized1, optionalSize), format.maxRegexSize())
              : 1;
    };
  }

  private static long size(@Nullable Object value, boolean sized, boolean optionalSize) {
    return sized ? ValueSize.actual(value, optionalSize) : 1;
  }

  private static long sets(
      @Nullable Object a0,
      @Nullable Object a1,
      boolean sized0,
      boolean sized1,
      boolean optionalSize,
      double factor) {
    // ext.Sets measures with its own actualSize, which never unwraps optionals.
    long product = size(a0, sized0, false) * size(a1, sized1, false);
    return (long) ((double) product * factor);
  }

  private static long containsIp(long s0) {
    return ceil((double) (s0 + s0) * STRING_TRAVERSAL);
  }

  private static long regex(long stringSize, long regexSize) {
    return ceil((1.0 + stringSize) * STRING_TRAVERSAL) * ceil(regexSize * REGEX_STRING_LENGTH);
  }

  private static long containsCidr(long s0) {
    return containsIp(s0) + ceil(s0 * STRING_TRAVERSAL) + 1;
  }

  /** Kubernetes' {@code selectorCostEstimate} for a selector of exactly {@code length}. */
  static long selector(long length) {
    long parse = Uint64.multiplyByCostFactor(length, STRING_TRAVERSAL);
    long requirements =
        Uint64.multiplyByCostFactor(length, CostFactors.SELECTOR_LENGTH_TO_REQUIREMENT_COUNT);
    long requirementCost =
        Uint64.multiplyByCostFactor(requirements, CostFactors.COST_PER_REQUIREMENT);
    return Uint64.add(Uint64.add(CostFactors.LIST_CREATE_BASE, parse), requirementCost);
  }
}
