package io.gatehouse.admission.podsecurity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code appArmorProfile} (baseline, v1.0): the default AppArmor profile may not be overridden or
 * disabled.
 *
 * <p>Restricted fields: {@code
 * metadata.annotations['container.apparmor.security.beta.kubernetes.io/*']} (allowed: {@code
 * runtime/default}, {@code localhost/*}, empty, undefined); {@code
 * spec.securityContext.appArmorProfile.type} and every container's {@code
 * securityContext.appArmorProfile.type} (allowed: {@code RuntimeDefault}, {@code Localhost},
 * undefined). Upstream checks the fields (added in 1.30) in its only revision, so at every policy
 * version.
 */
final class AppArmorProfileCheck {

  static final String ID = "appArmorProfile";
  static final String ANNOTATION_PREFIX = "container.apparmor.security.beta.kubernetes.io/";

  private AppArmorProfileCheck() {}

  static Check check() {
    return Check.of(
        ID, Level.BASELINE, VersionedCheck.of(0, AppArmorProfileCheck::appArmorProfile_1_0));
  }

  static CheckResult appArmorProfile_1_0(PodView pod) {
    List<String> badSetters = new ArrayList<>(0);
    TreeSet<String> badValues = new TreeSet<>(GoText.BYTE_ORDER);
    List<String> fields = new ArrayList<>(0);
    SecurityContextView podSc = pod.securityContext();
    if (podSc != null && podSc.appArmorType() != null && !allowedType(podSc.appArmorType())) {
      badSetters.add("pod");
      badValues.add(podSc.appArmorType());
      fields.add("spec.securityContext.appArmorProfile.type");
    }
    List<String> badContainers = new ArrayList<>(0);
    for (ContainerView c : pod.containers()) {
      SecurityContextView sc = c.securityContext();
      if (sc != null && sc.appArmorType() != null && !allowedType(sc.appArmorType())) {
        badContainers.add(c.name());
        badValues.add(sc.appArmorType());
        fields.add(c.securityContextPath("appArmorProfile.type"));
      }
    }
    if (!badContainers.isEmpty()) {
      badSetters.add(GoText.containers(badContainers));
    }
    List<String> forbiddenAnnotations = new ArrayList<>(0);
    for (Map.Entry<?, ?> e : pod.annotations().entrySet()) {
      if (e.getKey() instanceof String k
          && e.getValue() instanceof String v
          && k.startsWith(ANNOTATION_PREFIX)
          && !allowedAnnotationValue(v)) {
        forbiddenAnnotations.add(k + "=" + GoText.quote(v));
        fields.add("metadata.annotations[" + k + "]");
      }
    }
    List<String> badValueList = new ArrayList<>(badValues);
    if (!forbiddenAnnotations.isEmpty()) {
      badValueList.addAll(GoText.sorted(forbiddenAnnotations));
      badSetters.add(GoText.pluralize("annotation", "annotations", forbiddenAnnotations.size()));
    }
    if (badSetters.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    return CheckResult.forbidden(
        GoText.pluralize(
            "forbidden AppArmor profile", "forbidden AppArmor profiles", badValueList.size()),
        String.join(" and ", badSetters)
            + " must not set AppArmor profile type to "
            + GoText.joinQuote(badValueList),
        badContainers,
        fields);
  }

  private static boolean allowedType(String type) {
    return type.equals("RuntimeDefault") || type.equals("Localhost");
  }

  private static boolean allowedAnnotationValue(String value) {
    return value.isEmpty() || value.equals("runtime/default") || value.startsWith("localhost/");
  }
}
