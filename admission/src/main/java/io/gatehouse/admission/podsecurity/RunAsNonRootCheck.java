package io.gatehouse.admission.podsecurity;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code runAsNonRoot} (restricted, v1.0 and v1.35): containers must run as non-root users. From
 * v1.35 pods with {@code hostUsers: false} pass.
 *
 * <p>Restricted fields: {@code spec.securityContext.runAsNonRoot} and every container's {@code
 * securityContext.runAsNonRoot}. Allowed: true; undefined at container level if the pod sets true.
 */
final class RunAsNonRootCheck {

  static final String ID = "runAsNonRoot";

  private RunAsNonRootCheck() {}

  static Check check(Features features) {
    CheckFn v1_0 =
        features.userNamespacesPodSecurityStandards()
            ? RunAsNonRootCheck::runAsNonRoot_1_35
            : RunAsNonRootCheck::runAsNonRoot_1_0;
    return Check.of(
        ID,
        Level.RESTRICTED,
        VersionedCheck.of(0, v1_0),
        VersionedCheck.of(35, RunAsNonRootCheck::runAsNonRoot_1_35));
  }

  static CheckResult runAsNonRoot_1_0(PodView pod) {
    List<String> badSetters = new ArrayList<>(0);
    List<String> fields = new ArrayList<>(0);
    boolean podRunAsNonRoot = false;
    SecurityContextView podSc = pod.securityContext();
    if (podSc != null && podSc.runAsNonRoot() != null) {
      if (!podSc.runAsNonRoot()) {
        badSetters.add("pod");
        fields.add("spec.securityContext.runAsNonRoot");
      } else {
        podRunAsNonRoot = true;
      }
    }
    List<String> explicitlyBad = new ArrayList<>(0);
    List<String> implicitlyBad = new ArrayList<>(0);
    List<String> implicitFields = new ArrayList<>(0);
    for (ContainerView c : pod.containers()) {
      SecurityContextView sc = c.securityContext();
      if (sc != null && sc.runAsNonRoot() != null) {
        if (!sc.runAsNonRoot()) {
          explicitlyBad.add(c.name());
          fields.add(c.securityContextPath("runAsNonRoot"));
        }
      } else if (!podRunAsNonRoot) {
        implicitlyBad.add(c.name());
        implicitFields.add(c.securityContextPath("runAsNonRoot"));
      }
    }
    if (!explicitlyBad.isEmpty()) {
      badSetters.add(GoText.containers(explicitlyBad));
    }
    if (!badSetters.isEmpty()) {
      return CheckResult.forbidden(
          "runAsNonRoot != true",
          String.join(" and ", badSetters) + " must not set securityContext.runAsNonRoot=false",
          explicitlyBad,
          fields);
    }
    if (!implicitlyBad.isEmpty()) {
      implicitFields.add(0, "spec.securityContext.runAsNonRoot");
      return CheckResult.forbidden(
          "runAsNonRoot != true",
          "pod or "
              + GoText.containers(implicitlyBad)
              + " must set securityContext.runAsNonRoot=true",
          implicitlyBad,
          implicitFields);
    }
    return CheckResult.ALLOWED;
  }

  /** As {@link #runAsNonRoot_1_0}, but a pod in its own user namespace passes. */
  static CheckResult runAsNonRoot_1_35(PodView pod) {
    return pod.userNamespace() ? CheckResult.ALLOWED : runAsNonRoot_1_0(pod);
  }
}
