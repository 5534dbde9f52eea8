package io.gatehouse.admission.podsecurity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code hostPathVolumes} (baseline, v1.0): hostPath volumes are forbidden. Overridden at
 * restricted by {@code restrictedVolumes}.
 *
 * <p>Restricted field: {@code spec.volumes[*].hostPath}. Allowed: undefined.
 */
final class HostPathVolumesCheck {

  static final String ID = "hostPathVolumes";

  private HostPathVolumesCheck() {}

  static Check check() {
    return Check.of(
        ID, Level.BASELINE, VersionedCheck.of(0, HostPathVolumesCheck::hostPathVolumes_1_0));
  }

  static CheckResult hostPathVolumes_1_0(PodView pod) {
    List<?> volumes = Values.list(pod.spec(), "volumes");
    List<String> names = new ArrayList<>(0);
    List<String> fields = new ArrayList<>(0);
    for (int i = 0; i < volumes.size(); i++) {
      Map<?, ?> v = volumes.get(i) instanceof Map<?, ?> m ? m : Map.of();
      if (Values.present(v, "hostPath")) {
        names.add(Values.stringOrEmpty(v, "name"));
        fields.add("spec.volumes[" + i + "].hostPath");
      }
    }
    if (names.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    return CheckResult.forbidden(
        "hostPath volumes",
        GoText.pluralize("volume", "volumes", names.size()) + " " + GoText.joinQuote(names),
        List.of(),
        fields);
  }
}
