package io.gatehouse.admission.podsecurity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code capabilities_baseline} (baseline, v1.0): adding NET_RAW or capabilities beyond the default
 * set is forbidden. Overridden at restricted by {@code capabilities_restricted} from v1.22.
 *
 * <p>Restricted fields: every container's {@code securityContext.capabilities.add}. Allowed:
 * undefined, empty, or values from {@code AUDIT_WRITE CHOWN DAC_OVERRIDE FOWNER FSETID KILL MKNOD
 * NET_BIND_SERVICE SETFCAP SETGID SETPCAP SETUID SYS_CHROOT}.
 */
final class CapabilitiesBaselineCheck {

  static final String ID = "capabilities_baseline";

  private static final Set<String> ALLOWED_1_0 =
      Set.of(
          "AUDIT_WRITE",
          "CHOWN",
          "DAC_OVERRIDE",
          "FOWNER",
          "FSETID",
          "KILL",
          "MKNOD",
          "NET_BIND_SERVICE",
          "SETFCAP",
          "SETGID",
          "SETPCAP",
          "SETUID",
          "SYS_CHROOT");

  private CapabilitiesBaselineCheck() {}

  static Check check() {
    return Check.of(
        ID,
        Level.BASELINE,
        VersionedCheck.of(0, CapabilitiesBaselineCheck::capabilitiesBaseline_1_0));
  }

  static CheckResult capabilitiesBaseline_1_0(PodView pod) {
    List<String> badContainers = new ArrayList<>(0);
    TreeSet<String> nonDefault = new TreeSet<>(GoText.BYTE_ORDER);
    List<String> fields = new ArrayList<>(0);
    for (ContainerView c : pod.containers()) {
      SecurityContextView sc = c.securityContext();
      if (sc == null || sc.capabilities() == null) {
        continue;
      }
      boolean valid = true;
      for (String cap : sc.capabilities().add()) {
        if (!ALLOWED_1_0.contains(cap)) {
          valid = false;
          nonDefault.add(cap);
        }
      }
      if (!valid) {
        badContainers.add(c.name());
        fields.add(c.securityContextPath("capabilities.add"));
      }
    }
    if (badContainers.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    return CheckResult.forbidden(
        "non-default capabilities",
        GoText.containers(badContainers)
            + " must not include "
            + GoText.joinQuote(nonDefault)
            + " in securityContext.capabilities.add",
        badContainers,
        fields);
  }
}
