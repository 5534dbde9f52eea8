package io.gatehouse.admission.podsecurity;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code runAsUser} (restricted, v1.23 and v1.35): containers must not set {@code runAsUser: 0}.
 * From v1.35 pods with {@code hostUsers: false} pass.
 *
 * <p>Restricted fields: {@code spec.securityContext.runAsUser} and every container's {@code
 * securityContext.runAsUser}. Allowed: non-zero values, undefined.
 */
final class RunAsUserCheck {

  static final String ID = "runAsUser";

  private RunAsUserCheck() {}

  static Check check(Features features) {
    CheckFn v1_23 =
        features.userNamespacesPodSecurityStandards()
            ? RunAsUserCheck::runAsUser_1_35
            : RunAsUserCheck::runAsUser_1_23;
    return Check.of(
        ID,
        Level.RESTRICTED,
        VersionedCheck.of(23, v1_23),
        VersionedCheck.of(35, RunAsUserCheck::runAsUser_1_35));
  }

  static CheckResult runAsUser_1_23(PodView pod) {
    List<String> badSetters = new ArrayList<>(0);
    List<String> fields = new ArrayList<>(0);
    SecurityContextView podSc = pod.securityContext();
    if (podSc != null && podSc.runAsUser() != null && podSc.runAsUser() == 0) {
      badSetters.add("pod");
      fields.add("spec.securityContext.runAsUser");
    }
    List<String> badContainers = new ArrayList<>(0);
    for (ContainerView c : pod.containers()) {
      SecurityContextView sc = c.securityContext();
      if (sc != null && sc.runAsUser() != null && sc.runAsUser() == 0) {
        badContainers.add(c.name());
        fields.add(c.securityContextPath("runAsUser"));
      }
    }
    if (!badContainers.isEmpty()) {
      badSetters.add(GoText.containers(badContainers));
    }
    if (badSetters.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    return CheckResult.forbidden(
        "runAsUser=0",
        String.join(" and ", badSetters) + " must not set runAsUser=0",
        badContainers,
        fields);
  }

  /** As {@link #runAsUser_1_23}, but a pod in its own user namespace passes. */
  static CheckResult runAsUser_1_35(PodView pod) {
    return pod.userNamespace() ? CheckResult.ALLOWED : runAsUser_1_23(pod);
  }
}
