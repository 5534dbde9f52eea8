package io.gatehouse.admission.podsecurity;

/** One version of one check: upstream's {@code CheckPodFn}. Implementations are stateless. */
@FunctionalInterface
interface CheckFn {

  /** Checks {@code pod}; returns {@link CheckResult#ALLOWED} when allowed. */
  CheckResult check(PodView pod);
}
