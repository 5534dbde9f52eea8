package io.gatehouse.admission.podsecurity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code sysctls} (baseline, v1.0, v1.27, v1.29, v1.32, v1.37): only the "safe" sysctls, those
 * namespaced and isolated from other pods, are allowed.
 *
 * <p>Restricted field: {@code spec.securityContext.sysctls[*].name}. Allowed: v1.0 {@code
 * kernel.shm_rmid_forced}, {@code net.ipv4.ip_local_port_range}, {@code net.ipv4.tcp_syncookies},
 * {@code net.ipv4.ping_group_range}, {@code net.ipv4.ip_unprivileged_port_start}; v1.27 adds {@code
 * net.ipv4.ip_local_reserved_ports}; v1.29 adds {@code net.ipv4.tcp_keepalive_time}, {@code
 * net.ipv4.tcp_fin_timeout}, {@code net.ipv4.tcp_keepalive_intvl}, {@code
 * net.ipv4.tcp_keepalive_probes}; v1.32 adds {@code net.ipv4.tcp_rmem}, {@code net.ipv4.tcp_wmem};
 * v1.37 adds {@code net.ipv4.tcp_slow_start_after_idle}, {@code net.ipv4.tcp_notsent_lowat}.
 * Forbidden names are listed in spec order.
 */
final class SysctlsCheck {

  static final String ID = "sysctls";

  private static final Set<String> ALLOWED_1_0 =
      Set.of(
          "kernel.shm_rmid_forced",
          "net.ipv4.ip_local_port_range",
          "net.ipv4.tcp_syncookies",
          "net.ipv4.ping_group_range",
          "net.ipv4.ip_unprivileged_port_start");
  private static final Set<String> ALLOWED_1_27 =
      union(ALLOWED_1_0, "net.ipv4.ip_local_reserved_ports");
  private static final Set<String> ALLOWED_1_29 =
      union(
          ALLOWED_1_27,
          "net.ipv4.tcp_keepalive_time",
          "net.ipv4.tcp_fin_timeout",
          "net.ipv4.tcp_keepalive_intvl",
          "net.ipv4.tcp_keepalive_probes");
  private static final Set<String> ALLOWED_1_32 =
      union(ALLOWED_1_29, "net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem");
  private static final Set<String> ALLOWED_1_37 =
      union(ALLOWED_1_32, "net.ipv4.tcp_slow_start_after_idle", "net.ipv4.tcp_notsent_lowat");

  private SysctlsCheck() {}

  static Check check() {
    return Check.of(
        ID,
        Level.BASELINE,
        VersionedCheck.of(0, pod -> sysctls(pod, ALLOWED_1_0)),
        VersionedCheck.of(27, pod -> sysctls(pod, ALLOWED_1_27)),
        VersionedCheck.of(29, pod -> sysctls(pod, ALLOWED_1_29)),
        VersionedCheck.of(32, pod -> sysctls(pod, ALLOWED_1_32)),
        VersionedCheck.of(37, pod -> sysctls(pod, ALLOWED_1_37)));
  }

  private static CheckResult sysctls(PodView pod, Set<String> allowed) {
    List<?> sysctls = Values.list(Values.map(pod.spec(), "securityContext"), "sysctls");
    List<String> forbidden = new ArrayList<>(0);
    List<String> fields = new ArrayList<>(0);
    for (int i = 0; i < sysctls.size(); i++) {
      String name = sysctls.get(i) instanceof Map<?, ?> m ? Values.stringOrEmpty(m, "name") : "";
      if (!allowed.contains(name)) {
        forbidden.add(name);
        fields.add("spec.securityContext.sysctls[" + i + "].name");
      }
    }
    if (forbidden.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    return CheckResult.forbidden(
        "forbidden sysctls", String.join(", ", forbidden), List.of(), fields);
  }

  private static Set<String> union(Set<String> base, String... added) {
    Set<String> out = new HashSet<>(base);
    out.addAll(List.of(added));
    return Set.copyOf(out);
  }
}
