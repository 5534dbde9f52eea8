package io.gatehouse.admission.podsecurity;

import java.util.List;

/**
 * The result of evaluating one pod at one level and version: upstream's {@code
 * AggregateCheckResult} with the check ids kept.
 *
 * @param levelVersion the level and version evaluated, as requested (e.g. {@code latest})
 * @param violations every failed check, in upstream's order (baseline checks by id, then restricted
 *     checks by id); empty when the pod is allowed
 */
public record PolicyEvaluation(LevelVersion levelVersion, List<Violation> violations) {

  /** Copies the violations. */
  public PolicyEvaluation {
    violations = List.copyOf(violations);
  }

  /** Returns whether every check allows the pod. */
  public boolean allowed() {
    return violations.isEmpty();
  }

  /** Returns the reasons joined by {@code ", "}: upstream's {@code ForbiddenReason()}. */
  public String forbiddenReason() {
    StringBuilder b = new StringBuilder();
    for (Violation v : violations) {
      b.append(b.isEmpty() ? "" : ", ").append(v.reason());
    }
    return b.toString();
  }

  /**
   * Returns {@code <reason> (<detail>), …}: upstream's {@code ForbiddenDetail()}, the text after
   * the colon of the enforce, warn and audit messages.
   */
  public String forbiddenDetail() {
    StringBuilder b = new StringBuilder();
    for (Violation v : violations) {
      b.append(b.isEmpty() ? "" : ", ").append(v.message());
    }
    return b.toString();
  }

  /**
   * Returns the enforce-mode message: {@code violates PodSecurity "restricted:latest": …} (the part
   * after {@code pods "x" is forbidden: }).
   */
  public String denialMessage() {
    return "violates PodSecurity "
        + GoText.quote(levelVersion.toString())
        + ": "
        + forbiddenDetail();
  }

  /**
   * Returns the warn and audit message: {@code would violate PodSecurity "restricted:latest": …}.
   */
  public String warningMessage() {
    return "would violate PodSecurity "
        + GoText.quote(levelVersion.toString())
        + ": "
        + forbiddenDetail();
  }
}
