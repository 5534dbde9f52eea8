package io.gatehouse.admission.podsecurity;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code seccompProfile_baseline} (baseline, v1.0 and v1.19): if a seccomp profile is specified,
 * only the runtime default and localhost profiles are allowed. Overridden at restricted by {@code
 * seccompProfile_restricted} from v1.19.
 *
 * <p>v1.0–v1.18, restricted fields: annotations {@code seccomp.security.alpha.kubernetes.io/pod}
 * and {@code container.seccomp.security.alpha.kubernetes.io/<container name>} (allowed: {@code
 * runtime/default}, {@code docker/default}, {@code localhost/*}, undefined). From v1.19: {@code
 * spec.securityContext.seccompProfile.type} and every container's {@code
 * securityContext.seccompProfile.type} (allowed: {@code RuntimeDefault}, {@code Localhost},
 * undefined).
 */
final class SeccompProfileBaselineCheck {

  static final String ID = "seccompProfile_baseline";
  static final String POD_ANNOTATION = "seccomp.security.alpha.kubernetes.io/pod";
  static final String CONTAINER_ANNOTATION_PREFIX =
      "container.seccomp.security.alpha.kubernetes.io/";

  private SeccompProfileBaselineCheck() {}

  static Check check() {
    return Check.of(
        ID,
        Level.BASELINE,
        VersionedCheck.of(0, SeccompProfileBaselineCheck::seccompProfileBaseline_1_0),
        VersionedCheck.of(19, SeccompProfileBaselineCheck::seccompProfileBaseline_1_19));
  }

  static boolean validType(String type) {
    return type.equals("Localhost") || type.equals("RuntimeDefault");
  }

  private static boolean validAnnotationValue(String value) {
    return value.equals("runtime/default")
        || value.equals("docker/default")
        || value.startsWith("localhost/");
  }

  /** Checks the alpha seccomp annotations. */
  static CheckResult seccompProfileBaseline_1_0(PodView pod) {
    TreeSet<String> forbidden = new TreeSet<>(GoText.BYTE_ORDER);
    List<String> fields = new ArrayList<>(0);
    List<String> containers = new ArrayList<>(0);
    String podValue = pod.annotation(POD_ANNOTATION);
    if (podValue != null && !validAnnotationValue(podValue)) {
      forbidden.add(POD_ANNOTATION + "=" + GoText.quote(podValue));
      fields.add("metadata.annotations[" + POD_ANNOTATION + "]");
    }
    for (ContainerView c : pod.containers()) {
      String key = CONTAINER_ANNOTATION_PREFIX + c.name();
      String value = pod.annotation(key);
      if (value != null && !validAnnotationValue(value)) {
        forbidden.add(key + "=" + GoText.quote(value));
        fields.add("metadata.annotations[" + key + "]");
        containers.add(c.name());
      }
    }
    if (forbidden.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    return CheckResult.forbidden(
        "seccompProfile",
        "forbidden "
            + GoText.pluralize("annotation", "annotations", forbidden.size())
            + " "
            + String.join(", ", forbidden),
        containers,
        fields);
  }

  /** Checks the {@code seccompProfile} fields: explicit bad values only. */
  static CheckResult seccompProfileBaseline_1_19(PodView pod) {
    List<String> badSetters = new ArrayList<>(0);
    TreeSet<String> badValues = new TreeSet<>(GoText.BYTE_ORDER);
    List<String> fields = new ArrayList<>(0);
    SecurityContextView podSc = pod.securityContext();
    if (podSc != null && podSc.seccompType() != null && !validType(podSc.seccompType())) {
      badSetters.add("pod");
      badValues.add(podSc.seccompType());
      fields.add("spec.securityContext.seccompProfile.type");
    }
    List<String> badContainers = new ArrayList<>(0);
    for (ContainerView c : pod.containers()) {
      SecurityContextView sc = c.securityContext();
      if (sc != null && sc.seccompType() != null && !validType(sc.seccompType())) {
        badContainers.add(c.name());
        badValues.add(sc.seccompType());
        fields.add(c.securityContextPath("seccompProfile.type"));
      }
    }
    if (!badContainers.isEmpty()) {
      badSetters.add(GoText.containers(badContainers));
    }
    if (badSetters.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    return CheckResult.forbidden(
        "seccompProfile",
        String.join(" and ", badSetters)
            + " must not set securityContext.seccompProfile.type to "
            + GoText.joinQuote(badValues),
        badContainers,
        fields);
  }
}
