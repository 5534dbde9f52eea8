package io.gatehouse.admission.podsecurity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * {@code hostPorts} (baseline, v1.0): host ports are forbidden.
 *
 * <p>Restricted field: every container's {@code ports[*].hostPort}. Allowed: undefined, 0. The
 * ports are listed as upstream sorts them: as strings. For a pod with {@code hostNetwork: true} the
 * API server defaults an unset {@code hostPort} of a container or init container to its {@code
 * containerPort} before admission, so such ports count as host ports here too.
 */
final class HostPortsCheck {

  static final String ID = "hostPorts";

  private HostPortsCheck() {}

  static Check check() {
    return Check.of(ID, Level.BASELINE, VersionedCheck.of(0, HostPortsCheck::hostPorts_1_0));
  }

  static CheckResult hostPorts_1_0(PodView pod) {
    List<String> badContainers = new ArrayList<>(0);
    TreeSet<String> ports = new TreeSet<>(GoText.BYTE_ORDER);
    List<String> fields = new ArrayList<>(0);
    for (ContainerView c : pod.containers()) {
      List<?> list = Values.list(c.raw(), "ports");
      boolean valid = true;
      for (int i = 0; i < list.size(); i++) {
        Long hostPort = hostPort(pod, c, list.get(i));
        if (hostPort != null && hostPort != 0) {
          valid = false;
          ports.add(Long.toString(hostPort));
          fields.add(c.path() + ".ports[" + i + "].hostPort");
        }
      }
      if (!valid) {
        badContainers.add(c.name());
      }
    }
    if (badContainers.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    return CheckResult.forbidden(
        "hostPort",
        GoText.containers(badContainers)
            + " "
            + GoText.pluralize("uses", "use", badContainers.size())
            + " "
            + GoText.pluralize("hostPort", "hostPorts", ports.size())
            + " "
            + String.join(", ", ports),
        badContainers,
        fields);
  }

  /** Returns the effective host port, after the API server's hostNetwork defaulting. */
  private static @Nullable Long hostPort(PodView pod, ContainerView c, Object port) {
    if (!(port instanceof Map<?, ?> p)) {
      return null;
    }
    Long hostPort = Values.integer(p, "hostPort");
    if ((hostPort == null || hostPort == 0)
        && pod.hostNetworkPortDefaulting()
        && !c.list().equals("ephemeralContainers")) {
      return Values.integer(p, "containerPort");
    }
    return hostPort;
  }
}
