package io.gatehouse.cel.cost;

/**
 * The constants of the cost model: cel-go's {@code common/cost.go} and the values Kubernetes'
 * {@code apiserver/pkg/cel/library/cost.go} and {@code apiserver/pkg/cel/types.go} use.
 */
final class CostFactors {

  /** {@code common.SelectAndIdentCost}. */
  static final long SELECT_AND_IDENT = 1;
  /** {@code common.ConstCost}. */
  static final long CONST = 0;
  /** {@code common.ListCreateBaseCost}. */
  static final long LIST_CREATE_BASE = 10;
  /** {@code common.MapCreateBaseCost}. */
  static final long MAP_CREATE_BASE = 30;
  /** {@code common.StructCreateBaseCost}. */
  static final long STRUCT_CREATE_BASE = 40;
  /** {@code common.StringTraversalCostFactor}. */
  static final double STRING_TRAVERSAL = 0.1;
  /** {@code common.RegexStringLengthCostFactor}. */
  static final double REGEX_STRING_LENGTH = 0.25;

  /** Kubernetes: an authorization {@code check()} (allows two per expression at the limit). */
  static final long AUTHZ_CHECK = 350_000;
  /** Kubernetes: a selector of length n has about n * 0.5 requirements. */
  static final double SELECTOR_LENGTH_TO_REQUIREMENT_COUNT = 0.5;
  /** Kubernetes: each selector requirement costs a list plus a struct. */
  static final double COST_PER_REQUIREMENT = LIST_CREATE_BASE + STRUCT_CREATE_BASE;
  /** Kubernetes {@code cel.MaxFormatSize}. */
  static final long MAX_FORMAT_SIZE = 64;
  /** Kubernetes {@code cel.MaxNameFormatRegexSize}. */
  static final long MAX_NAME_FORMAT_REGEX_SIZE = 128;

  private CostFactors() {}

  /** {@code uint64(math.Ceil(float64(x) * factor))} for runtime (non-saturating) sizes. */
  static long ceil(double x) {
    return (long) Math.ceil(x);
  }
}
