package io.gatehouse.admission.podsecurity;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code hostNamespaces} (baseline, v1.0): sharing the host namespaces is forbidden.
 *
 * <p>Restricted fields: {@code spec.hostNetwork}, {@code spec.hostPID}, {@code spec.hostIPC}.
 * Allowed: false, undefined. The detail lists them as {@code hostNetwork=true, hostPID=true}.
 */
final class HostNamespacesCheck {

  static final String ID = "hostNamespaces";

  /** In upstream's order, which is also the order of the detail. */
  private static final String[] FIELDS = {"hostNetwork", "hostPID", "hostIPC"};

  private HostNamespacesCheck() {}

  static Check check() {
    return Check.of(
        ID, Level.BASELINE, VersionedCheck.of(0, HostNamespacesCheck::hostNamespaces_1_0));
  }

  static CheckResult hostNamespaces_1_0(PodView pod) {
    List<String> set = new ArrayList<>(0);
    List<String> fields = new ArrayList<>(0);
    for (String field : FIELDS) {
      if (Values.isTrue(pod.spec(), field)) {
        set.add(field + "=true");
        fields.add("spec." + field);
      }
    }
    if (set.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    return CheckResult.forbidden("host namespaces", String.join(", ", set), List.of(), fields);
  }
}
