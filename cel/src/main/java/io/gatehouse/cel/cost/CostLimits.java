package io.gatehouse.cel.cost;

/**
 * Kubernetes' CEL cost limits ({@code staging/src/k8s.io/apiserver/pkg/apis/cel/config.go} and
 * {@code apiextensions-apiserver/pkg/apis/apiextensions/validation/validation.go}).
 */
public final class CostLimits {

  /** {@code celconfig.PerCallLimit}: runtime cost limit of one expression evaluation. */
  public static final long PER_CALL_LIMIT = 1_000_000;

  /** {@code celconfig.RuntimeCELCostBudget}: runtime budget of all expressions of one request. */
  public static final long RUNTIME_CEL_COST_BUDGET = 10_000_000;

  /** {@code celconfig.CheckFrequency}: comprehension iterations between interrupt checks. */
  public static final long CHECK_FREQUENCY = 100;

  /** {@code celconfig.MaxRequestSizeBytes}: the largest request the apiserver accepts (3 MiB). */
  public static final long MAX_REQUEST_SIZE_BYTES = 3 * 1024 * 1024;

  /** {@code StaticEstimatedCostLimit}: largest estimated cost of one CRD validation rule. */
  public static final long STATIC_ESTIMATED_COST_LIMIT = 10_000_000;

  /** {@code StaticEstimatedCRDCostLimit}: largest total estimated cost of a CRD's rules. */
  public static final long STATIC_ESTIMATED_CRD_COST_LIMIT = 100_000_000;

  private CostLimits() {}
}
