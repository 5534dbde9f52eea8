package io.gatehouse.cel.cost;

import io.gatehouse.cel.Environment;
import io.gatehouse.cel.KubernetesVersion;

/**
 * The switches that make one Kubernetes version's cost accounting differ from another's.
 *
 * @param strict whether Kubernetes' library cost model ({@code library.CostEstimator}) is charged
 *     at runtime, i.e. {@code StrictCostEnforcementForVAP}/{@code ...ForWebhooks}
 * @param optimize whether the program runs with cel-go's {@code OptOptimize} (constant folding of
 *     list/map literals and conversions, set membership for {@code in} constant lists); Kubernetes
 *     always sets it, upstream's unit tests do not
 * @param presenceTestHasCost whether {@code has()} itself costs 1 (cel-go's default) or 0 (what
 *     Kubernetes configures)
 * @param overloadTrackers whether cel-go has the per-overload cost trackers and estimators of {@code
 *     ext.Sets} (cel-go#850, in v0.17.7 and later, the version that brought {@code ext.Sets} to
 *     Kubernetes 1.29; earlier environments have no sets functions)
 * @param optionalSize whether a present optional measures as its value in {@code actualSize}
 *     (not in cel-go v0.17.8, present in the v0.2x sources; assumed from Kubernetes 1.31, cel-go
 *     v0.20 — unverified)
 */
record CostModel(
    boolean strict,
    boolean optimize,
    boolean presenceTestHasCost,
    boolean overloadTrackers,
    boolean optionalSize) {

  private static final KubernetesVersion CEL_GO_0_20 = KubernetesVersion.of(1, 31);

  /** The model Kubernetes runs for expressions of {@code environment}. */
  static CostModel of(Environment environment) {
    boolean newer = environment.serverVersion().atLeast(CEL_GO_0_20);
    return new CostModel(environment.strictCost(), true, false, true, newer);
  }
}
