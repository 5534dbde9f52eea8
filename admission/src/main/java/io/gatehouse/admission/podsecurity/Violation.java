package io.gatehouse.admission.podsecurity;

import java.util.List;

/**
 * One check a pod fails.
 *
 * @param check the check id, e.g. {@code capabilities_restricted}
 * @param reason upstream's succinct reason, e.g. {@code unrestricted capabilities}
 * @param detail upstream's detail, e.g. {@code container "app" must set
 *     securityContext.capabilities.drop=["ALL"]}; may be empty
 * @param containers the names of the containers the detail names (empty when it names none)
 * @param fields the offending field paths in the evaluated object, e.g. {@code
 *     spec.template.spec.containers[0].securityContext.capabilities.drop}
 */
public record Violation(
    String check, String reason, String detail, List<String> containers, List<String> fields) {

  /** Copies the lists. */
  public Violation {
    containers = List.copyOf(containers);
    fields = List.copyOf(fields);
  }

  /**
   * Returns upstream's text for this violation: {@code <reason> (<detail>)}, or the reason alone.
   */
  public String message() {
    return detail.isEmpty() ? reason : reason + " (" + detail + ")";
  }

  /** Returns a copy whose field paths start with {@code prefix} (e.g. {@code spec.template.}). */
  Violation withFieldPrefix(String prefix) {
    if (prefix.isEmpty()) {
      return this;
    }
    return new Violation(
        check, reason, detail, containers, fields.stream().map(f -> prefix + f).toList());
  }
}
