package io.gatehouse.admission.podsecurity;

/**
 * The three modes of a namespace's Pod Security policy, as upstream's {@code api.Policy}.
 *
 * @param enforce violations deny the pod
 * @param audit violations are recorded in the audit annotation
 * @param warn violations are returned as a warning
 */
public record Policy(LevelVersion enforce, LevelVersion audit, LevelVersion warn) {

  /** Every mode {@code privileged:latest}: upstream's default. */
  public static final Policy PRIVILEGED =
      new Policy(
          LevelVersion.PRIVILEGED_LATEST,
          LevelVersion.PRIVILEGED_LATEST,
          LevelVersion.PRIVILEGED_LATEST);

  /** Returns whether all three modes are privileged. */
  public boolean fullyPrivileged() {
    return enforce.level() == Level.PRIVILEGED
        && audit.level() == Level.PRIVILEGED
        && warn.level() == Level.PRIVILEGED;
  }

  /** Returns whether each mode is {@link LevelVersion#equivalent equivalent} to {@code other}'s. */
  public boolean equivalent(Policy other) {
    return enforce.equivalent(other.enforce)
        && audit.equivalent(other.audit)
        && warn.equivalent(other.warn);
  }

  /** Returns a copy with {@code enforce} replaced. */
  Policy withEnforce(LevelVersion lv) {
    return new Policy(lv, audit, warn);
  }

  /** Returns a copy with {@code audit} replaced. */
  Policy withAudit(LevelVersion lv) {
    return new Policy(enforce, lv, warn);
  }

  /** Returns a copy with {@code warn} replaced. */
  Policy withWarn(LevelVersion lv) {
    return new Policy(enforce, audit, lv);
  }
}
