package io.gatehouse.admission.podsecurity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code seLinuxOptions} (baseline, v1.0 and v1.31): setting the SELinux type is restricted, a
 * custom SELinux user or role is forbidden.
 *
 * <p>Restricted fields: {@code spec.securityContext.seLinuxOptions} and every container's {@code
 * securityContext.seLinuxOptions}: {@code type} (allowed: undefined, {@code ""}, {@code
 * container_t}, {@code container_init_t}, {@code container_kvm_t}, and from v1.31 {@code
 * container_engine_t}); {@code user} and {@code role} (allowed: undefined, {@code ""}).
 */
final class SeLinuxOptionsCheck {

  static final String ID = "seLinuxOptions";

  private static final Set<String> ALLOWED_TYPES_1_0 =
      Set.of("", "container_t", "container_init_t", "container_kvm_t");
  private static final Set<String> ALLOWED_TYPES_1_31 =
      Set.of("", "container_t", "container_init_t", "container_kvm_t", "container_engine_t");

  private SeLinuxOptionsCheck() {}

  static Check check() {
    return Check.of(
        ID,
        Level.BASELINE,
        VersionedCheck.of(0, SeLinuxOptionsCheck::seLinuxOptions_1_0),
        VersionedCheck.of(31, SeLinuxOptionsCheck::seLinuxOptions_1_31));
  }

  static CheckResult seLinuxOptions_1_0(PodView pod) {
    return seLinuxOptions(pod, ALLOWED_TYPES_1_0);
  }

  static CheckResult seLinuxOptions_1_31(PodView pod) {
    return seLinuxOptions(pod, ALLOWED_TYPES_1_31);
  }

  private static CheckResult seLinuxOptions(PodView pod, Set<String> allowedTypes) {
    Findings f = new Findings();
    List<String> badSetters = new ArrayList<>(0);
    List<String> fields = new ArrayList<>(0);
    SecurityContextView podSc = pod.securityContext();
    if (podSc != null && podSc.seLinux() != null && !f.valid(podSc.seLinux(), allowedTypes)) {
      badSetters.add("pod");
      fields.add("spec.securityContext.seLinuxOptions");
    }
    List<String> badContainers = new ArrayList<>(0);
    for (ContainerView c : pod.containers()) {
      SecurityContextView sc = c.securityContext();
      if (sc != null && sc.seLinux() != null && !f.valid(sc.seLinux(), allowedTypes)) {
        badContainers.add(c.name());
        fields.add(c.securityContextPath("seLinuxOptions"));
      }
    }
    if (!badContainers.isEmpty()) {
      badSetters.add(GoText.containers(badContainers));
    }
    if (badSetters.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    List<String> badData = new ArrayList<>(3);
    if (!f.badTypes.isEmpty()) {
      badData.add(
          GoText.pluralize("type", "types", f.badTypes.size())
              + " "
              + GoText.joinQuote(f.badTypes));
    }
    if (f.setUser) {
      badData.add("user may not be set");
    }
    if (f.setRole) {
      badData.add("role may not be set");
    }
    return CheckResult.forbidden(
        "seLinuxOptions",
        String.join(" and ", badSetters)
            + " set forbidden securityContext.seLinuxOptions: "
            + String.join("; ", badData),
        badContainers,
        fields);
  }

  /** What the visited options got wrong, accumulated over the pod and its containers. */
  private static final class Findings {
    final TreeSet<String> badTypes = new TreeSet<>(GoText.BYTE_ORDER);
    boolean setUser;
    boolean setRole;

    boolean valid(SecurityContextView.SeLinux opts, Set<String> allowedTypes) {
      boolean valid = true;
      if (!allowedTypes.contains(opts.type())) {
        valid = false;
        badTypes.add(opts.type());
      }
      if (!opts.user().isEmpty()) {
        valid = false;
        setUser = true;
      }
      if (!opts.role().isEmpty()) {
        valid = false;
        setRole = true;
      }
      return valid;
    }
  }
}
