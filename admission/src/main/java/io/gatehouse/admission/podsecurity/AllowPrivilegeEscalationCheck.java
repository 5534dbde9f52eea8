package io.gatehouse.admission.podsecurity;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code allowPrivilegeEscalation} (restricted, v1.8 and v1.25): privilege escalation (such as via
 * set-user-ID or set-group-ID file mode) must be disabled. From v1.25 pods with {@code
 * spec.os.name: windows} pass.
 *
 * <p>Restricted field: every container's {@code securityContext.allowPrivilegeEscalation}. Allowed:
 * false (it must be set).
 */
final class AllowPrivilegeEscalationCheck {

  static final String ID = "allowPrivilegeEscalation";

  private AllowPrivilegeEscalationCheck() {}

  static Check check() {
    return Check.of(
        ID,
        Level.RESTRICTED,
        VersionedCheck.of(8, AllowPrivilegeEscalationCheck::allowPrivilegeEscalation_1_8),
        VersionedCheck.of(25, AllowPrivilegeEscalationCheck::allowPrivilegeEscalation_1_25));
  }

  static CheckResult allowPrivilegeEscalation_1_8(PodView pod) {
    List<String> badContainers = new ArrayList<>(0);
    List<String> fields = new ArrayList<>(0);
    for (ContainerView c : pod.containers()) {
      SecurityContextView sc = c.securityContext();
      if (sc == null || !Boolean.FALSE.equals(sc.allowPrivilegeEscalation())) {
        badContainers.add(c.name());
        fields.add(c.securityContextPath("allowPrivilegeEscalation"));
      }
    }
    if (badContainers.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    return CheckResult.forbidden(
        "allowPrivilegeEscalation != false",
        GoText.containers(badContainers)
            + " must set securityContext.allowPrivilegeEscalation=false",
        badContainers,
        fields);
  }

  static CheckResult allowPrivilegeEscalation_1_25(PodView pod) {
    // API validation forbids the field on Windows pods, so they cannot be required to set it
    return pod.windows() ? CheckResult.ALLOWED : allowPrivilegeEscalation_1_8(pod);
  }
}
