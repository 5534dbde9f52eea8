package io.gatehouse.admission.podsecurity;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code hostNamespaces} (baseline, v1.0): sharing the host namespaces is forbidden.
 *
 * <p>Restricted fields: {@code spec.hostNetwork}, {@code spec.hostPID}, {@code spec.hostIPC}.
 * Allowed: false, undefined.
 */
final class HostNamespacesCheck {

  static final String ID = "hostNamespaces";

  private HostNamespacesCheck() {}

  static Check check() {
    return Check.of(ID, Level.BASELINE, VersionedCheck.of(0, HostNamespacesCheck::hostNamespaces_1_0));
  }

  static CheckResult hostNamespaces_1_0(PodView pod) {
    // in Go's sorted-set order: hostIPC, hostNetwork, hostPID
    List<String> set = new ArrayList<>(0);
    for (String field : new String[] {"hostIPC", "hostNetwork", "hostPID"}) {
      if (Values.isTrue(pod.spec(), field)) {
        set.add(field);
      }
    }
    if (set.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    List<String> fields = new ArrayList<>(set.size());
    for (String f : set) {
      fields.add("spec." + f);
    }
    return CheckResult.forbidden("host namespaces", String.join(", ", set), List.of(), fields);
  }
}
