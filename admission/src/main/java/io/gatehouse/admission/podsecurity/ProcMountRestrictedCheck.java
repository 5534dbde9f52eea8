package io.gatehouse.admission.podsecurity;

/**
 * {@code procMount_restricted} (restricted, v1.35, overrides {@code procMount}): at the restricted
 * level the default /proc masks stay required even for pods with {@code hostUsers: false}.
 *
 * <p>Restricted field: every container's {@code securityContext.procMount}. Allowed: undefined,
 * {@code Default}.
 */
final class ProcMountRestrictedCheck {

  static final String ID = "procMount_restricted";

  private ProcMountRestrictedCheck() {}

  static Check check() {
    return Check.of(
        ID,
        Level.RESTRICTED,
        VersionedCheck.overriding(35, ProcMountCheck::procMount_1_0, ProcMountCheck.ID));
  }
}
