package io.gatehouse.admission.podsecurity;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code privileged} (baseline, v1.0): privileged containers are forbidden.
 *
 * <p>Restricted field: every container's {@code securityContext.privileged}. Allowed: false,
 * undefined.
 */
final class PrivilegedCheck {

  static final String ID = "privileged";

  private PrivilegedCheck() {}

  static Check check() {
    return Check.of(ID, Level.BASELINE, VersionedCheck.of(0, PrivilegedCheck::privileged_1_0));
  }

  static CheckResult privileged_1_0(PodView pod) {
    List<String> badContainers = new ArrayList<>(0);
    List<String> fields = new ArrayList<>(0);
    for (ContainerView c : pod.containers()) {
      SecurityContextView sc = c.securityContext();
      if (sc != null && Boolean.TRUE.equals(sc.privileged())) {
        badContainers.add(c.name());
        fields.add(c.securityContextPath("privileged"));
      }
    }
    if (badContainers.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    return CheckResult.forbidden(
        "privileged",
        GoText.containers(badContainers) + " must not set securityContext.privileged=true",
        badContainers,
        fields);
  }
}
