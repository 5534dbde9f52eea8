package io.gatehouse.admission.podsecurity;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code seccompProfile_restricted} (restricted, v1.19 and v1.25, overrides {@code
 * seccompProfile_baseline}): a seccomp profile must be set, and only the runtime default and
 * localhost profiles are allowed. From v1.25 pods with {@code spec.os.name: windows} pass.
 *
 * <p>Restricted fields: {@code spec.securityContext.seccompProfile.type} and every container's
 * {@code securityContext.seccompProfile.type}. Allowed: {@code RuntimeDefault}, {@code Localhost};
 * undefined at container level if the pod sets an allowed type.
 */
final class SeccompProfileRestrictedCheck {

  static final String ID = "seccompProfile_restricted";

  private SeccompProfileRestrictedCheck() {}

  static Check check() {
    return Check.of(
        ID,
        Level.RESTRICTED,
        VersionedCheck.overriding(
            19,
            SeccompProfileRestrictedCheck::seccompProfileRestricted_1_19,
            SeccompProfileBaselineCheck.ID),
        VersionedCheck.overriding(
            25,
            SeccompProfileRestrictedCheck::seccompProfileRestricted_1_25,
            SeccompProfileBaselineCheck.ID));
  }

  static CheckResult seccompProfileRestricted_1_19(PodView pod) {
    List<String> badSetters = new ArrayList<>(0);
    TreeSet<String> badValues = new TreeSet<>(GoText.BYTE_ORDER);
    List<String> fields = new ArrayList<>(0);
    boolean podSeccompSet = false;
    SecurityContextView podSc = pod.securityContext();
    if (podSc != null && podSc.seccompType() != null) {
      if (!SeccompProfileBaselineCheck.validType(podSc.seccompType())) {
        badSetters.add("pod");
        badValues.add(podSc.seccompType());
        fields.add("spec.securityContext.seccompProfile.type");
      } else {
        podSeccompSet = true;
      }
    }
    List<String> explicitlyBad = new ArrayList<>(0);
    List<String> implicitlyBad = new ArrayList<>(0);
    List<String> implicitFields = new ArrayList<>(0);
    for (ContainerView c : pod.containers()) {
      SecurityContextView sc = c.securityContext();
      if (sc != null && sc.seccompType() != null) {
        if (!SeccompProfileBaselineCheck.validType(sc.seccompType())) {
          explicitlyBad.add(c.name());
          badValues.add(sc.seccompType());
          fields.add(c.securityContextPath("seccompProfile.type"));
        }
      } else if (!podSeccompSet) {
        implicitlyBad.add(c.name());
        implicitFields.add(c.securityContextPath("seccompProfile.type"));
      }
    }
    if (!explicitlyBad.isEmpty()) {
      badSetters.add(GoText.containers(explicitlyBad));
    }
    if (!badSetters.isEmpty()) {
      return CheckResult.forbidden(
          "seccompProfile",
          String.join(" and ", badSetters)
              + " must not set securityContext.seccompProfile.type to "
              + GoText.joinQuote(badValues),
          explicitlyBad,
          fields);
    }
    if (!implicitlyBad.isEmpty()) {
      implicitFields.add(0, "spec.securityContext.seccompProfile.type");
      return CheckResult.forbidden(
          "seccompProfile",
          "pod or "
              + GoText.containers(implicitlyBad)
              + " must set securityContext.seccompProfile.type to \"RuntimeDefault\" or"
              + " \"Localhost\"",
          implicitlyBad,
          implicitFields);
    }
    return CheckResult.ALLOWED;
  }

  static CheckResult seccompProfileRestricted_1_25(PodView pod) {
    // API validation forbids seccomp profiles on Windows pods, so they cannot be required
    return pod.windows() ? CheckResult.ALLOWED : seccompProfileRestricted_1_19(pod);
  }
}
