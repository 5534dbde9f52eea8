package io.gatehouse.admission.podsecurity;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code windowsHostProcess} (baseline, v1.0): Windows HostProcess containers are forbidden.
 *
 * <p>Restricted fields: {@code spec.securityContext.windowsOptions.hostProcess} and every
 * container's {@code securityContext.windowsOptions.hostProcess}. Allowed: false, undefined.
 */
final class WindowsHostProcessCheck {

  static final String ID = "windowsHostProcess";

  private WindowsHostProcessCheck() {}

  static Check check() {
    return Check.of(
        ID, Level.BASELINE, VersionedCheck.of(0, WindowsHostProcessCheck::windowsHostProcess_1_0));
  }

  static CheckResult windowsHostProcess_1_0(PodView pod) {
    List<String> badContainers = new ArrayList<>(0);
    List<String> fields = new ArrayList<>(0);
    for (ContainerView c : pod.containers()) {
      SecurityContextView sc = c.securityContext();
      if (sc != null && Boolean.TRUE.equals(sc.hostProcess())) {
        badContainers.add(c.name());
        fields.add(c.securityContextPath("windowsOptions.hostProcess"));
      }
    }
    List<String> setters = new ArrayList<>(0);
    SecurityContextView podSc = pod.securityContext();
    if (podSc != null && Boolean.TRUE.equals(podSc.hostProcess())) {
      setters.add("pod");
      fields.add(0, "spec.securityContext.windowsOptions.hostProcess");
    }
    if (!badContainers.isEmpty()) {
      setters.add(GoText.containers(badContainers));
    }
    if (setters.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    return CheckResult.forbidden(
        "hostProcess",
        String.join(" and ", setters)
            + " must not set securityContext.windowsOptions.hostProcess=true",
        badContainers,
        fields);
  }
}
