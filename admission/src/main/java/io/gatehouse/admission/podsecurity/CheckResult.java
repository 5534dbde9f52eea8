package io.gatehouse.admission.podsecurity;

import java.util.List;

/**
 * The outcome of one check on one pod, as upstream's {@code CheckResult}, plus where it looked.
 *
 * @param allowed whether the check allows the pod
 * @param reason the succinct reason (upstream's {@code ForbiddenReason}); empty when allowed
 * @param detail the specifics (upstream's {@code ForbiddenDetail}); may be empty
 * @param containers the names of the containers the detail names, in its order
 * @param fields the field paths that caused the denial, e.g. {@code
 *     spec.containers[0].securityContext.privileged}
 */
record CheckResult(
    boolean allowed, String reason, String detail, List<String> containers, List<String> fields) {

  /** The result of a check that allows the pod. */
  static final CheckResult ALLOWED = new CheckResult(true, "", "", List.of(), List.of());

  /** Returns a denial. */
  static CheckResult forbidden(
      String reason, String detail, List<String> containers, List<String> fields) {
    return new CheckResult(false, reason, detail, List.copyOf(containers), List.copyOf(fields));
  }
}
