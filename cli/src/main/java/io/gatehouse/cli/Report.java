package io.gatehouse.cli;

import io.gatehouse.api.codec.ManifestError;
import java.util.List;

/**
 * What {@code admit} reports.
 *
 * @param outcomes one per admitted object, in input order
 * @param errors input problems
 * @param policyProblems problems kube-apiserver would reject the given policies or bindings for
 */
record Report(List<AdmitOutcome> outcomes, List<ManifestError> errors, List<String> policyProblems) {

  long denied() {
    return outcomes.stream().filter(o -> !o.result().allowed()).count();
  }

  long warnings() {
    return outcomes.stream().mapToLong(o -> o.result().warnings().size()).sum();
  }
}
