package io.gatehouse.admission.podsecurity;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code procMount} (baseline, v1.0 and v1.35): the default /proc masks are required. From v1.35
 * any value is allowed for a pod with {@code hostUsers: false}; {@code procMount_restricted} keeps
 * the v1.0 rule at the restricted level.
 *
 * <p>Restricted field: every container's {@code securityContext.procMount}. Allowed: undefined,
 * {@code Default}.
 */
final class ProcMountCheck {

  static final String ID = "procMount";

  private ProcMountCheck() {}

  static Check check(Features features) {
    CheckFn v1_0 =
        features.userNamespacesPodSecurityStandards()
            ? ProcMountCheck::procMount_1_35
            : ProcMountCheck::procMount_1_0;
    return Check.of(
        ID,
        Level.BASELINE,
        VersionedCheck.of(0, v1_0),
        VersionedCheck.of(35, ProcMountCheck::procMount_1_35));
  }

  /** Forbids any procMount but {@code Default}, whatever the pod's user namespace. */
  static CheckResult procMount_1_0(PodView pod) {
    List<String> badContainers = new ArrayList<>(0);
    TreeSet<String> types = new TreeSet<>(GoText.BYTE_ORDER);
    List<String> fields = new ArrayList<>(0);
    for (ContainerView c : pod.containers()) {
      SecurityContextView sc = c.securityContext();
      if (sc == null || sc.procMount() == null) {
        continue;
      }
      if (!sc.procMount().equals("Default")) {
        badContainers.add(c.name());
        types.add(sc.procMount());
        fields.add(c.securityContextPath("procMount"));
      }
    }
    if (badContainers.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    return CheckResult.forbidden(
        "procMount",
        GoText.containers(badContainers)
            + " must not set securityContext.procMount to "
            + GoText.joinQuote(types),
        badContainers,
        fields);
  }

  /** As {@link #procMount_1_0}, but allows everything for a pod in its own user namespace. */
  static CheckResult procMount_1_35(PodView pod) {
    return pod.userNamespace() ? CheckResult.ALLOWED : procMount_1_0(pod);
  }
}
