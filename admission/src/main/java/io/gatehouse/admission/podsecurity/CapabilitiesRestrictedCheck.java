package io.gatehouse.admission.podsecurity;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code capabilities_restricted} (restricted, v1.22 and v1.25, overrides {@code
 * capabilities_baseline}): containers must drop ALL capabilities and may add only {@code
 * NET_BIND_SERVICE}. From v1.25 pods with {@code spec.os.name: windows} pass.
 *
 * <p>Restricted fields: every container's {@code securityContext.capabilities.drop} (must include
 * {@code ALL}) and {@code securityContext.capabilities.add} (allowed: undefined, empty, {@code
 * NET_BIND_SERVICE}).
 */
final class CapabilitiesRestrictedCheck {

  static final String ID = "capabilities_restricted";

  private CapabilitiesRestrictedCheck() {}

  static Check check() {
    return Check.of(
        ID,
        Level.RESTRICTED,
        VersionedCheck.overriding(
            22,
            CapabilitiesRestrictedCheck::capabilitiesRestricted_1_22,
            CapabilitiesBaselineCheck.ID),
        VersionedCheck.overriding(
            25,
            CapabilitiesRestrictedCheck::capabilitiesRestricted_1_25,
            CapabilitiesBaselineCheck.ID));
  }

  static CheckResult capabilitiesRestricted_1_22(PodView pod) {
    List<String> missingDropAll = new ArrayList<>(0);
    List<String> addingForbidden = new ArrayList<>(0);
    TreeSet<String> forbidden = new TreeSet<>(GoText.BYTE_ORDER);
    List<String> fields = new ArrayList<>(0);
    for (ContainerView c : pod.containers()) {
      SecurityContextView sc = c.securityContext();
      if (sc == null || sc.capabilities() == null) {
        missingDropAll.add(c.name());
        fields.add(c.securityContextPath("capabilities.drop"));
        continue;
      }
      if (!sc.capabilities().drop().contains("ALL")) {
        missingDropAll.add(c.name());
        fields.add(c.securityContextPath("capabilities.drop"));
      }
      boolean addedForbidden = false;
      for (String cap : sc.capabilities().add()) {
        if (!cap.equals("NET_BIND_SERVICE")) {
          addedForbidden = true;
          forbidden.add(cap);
        }
      }
      if (addedForbidden) {
        addingForbidden.add(c.name());
        fields.add(c.securityContextPath("capabilities.add"));
      }
    }
    List<String> details = new ArrayList<>(2);
    if (!missingDropAll.isEmpty()) {
      details.add(
          GoText.containers(missingDropAll)
              + " must set securityContext.capabilities.drop=[\"ALL\"]");
    }
    if (!addingForbidden.isEmpty()) {
      details.add(
          GoText.containers(addingForbidden)
              + " must not include "
              + GoText.joinQuote(forbidden)
              + " in securityContext.capabilities.add");
    }
    if (details.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    List<String> containers = new ArrayList<>(missingDropAll);
    for (String name : addingForbidden) {
      if (!containers.contains(name)) {
        containers.add(name);
      }
    }
    return CheckResult.forbidden(
        "unrestricted capabilities", String.join("; ", details), containers, fields);
  }

  static CheckResult capabilitiesRestricted_1_25(PodView pod) {
    // API validation forbids capabilities on Windows pods, so they cannot be required to drop ALL
    return pod.windows() ? CheckResult.ALLOWED : capabilitiesRestricted_1_22(pod);
  }
}
