package io.gatehouse.admission.podsecurity;

import java.util.List;

/** Upstream's {@code DefaultChecks()}: every check of the Pod Security Standards. */
final class Checks {

  private Checks() {}

  /** Returns every check, built for {@code features}. */
  static List<Check> defaults(Features features) {
    return List.of(
        AllowPrivilegeEscalationCheck.check(),
        AppArmorProfileCheck.check(),
        CapabilitiesBaselineCheck.check(),
        CapabilitiesRestrictedCheck.check(),
        HostNamespacesCheck.check(),
        HostPathVolumesCheck.check(),
        HostPortsCheck.check(),
        HostProbesAndHostLifecycleCheck.check(),
        PrivilegedCheck.check(),
        ProcMountCheck.check(features),
        ProcMountRestrictedCheck.check(),
        RestrictedVolumesCheck.check(),
        RunAsNonRootCheck.check(features),
        RunAsUserCheck.check(features),
        SeLinuxOptionsCheck.check(),
        SeccompProfileBaselineCheck.check(),
        SeccompProfileRestrictedCheck.check(),
        SysctlsCheck.check(),
        WindowsHostProcessCheck.check());
  }
}
