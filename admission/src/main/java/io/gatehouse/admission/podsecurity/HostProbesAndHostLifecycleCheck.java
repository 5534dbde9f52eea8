package io.gatehouse.admission.podsecurity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * {@code hostProbesAndHostLifecycle} (baseline, v1.34): probes and lifecycle handlers may not name
 * a host.
 *
 * <p>Restricted fields, for every container: {@code livenessProbe}, {@code readinessProbe} and
 * {@code startupProbe} {@code .httpGet.host} and {@code .tcpSocket.host}; {@code
 * lifecycle.postStart} and {@code lifecycle.preStop} {@code .httpGet.host} and {@code
 * .tcpSocket.host}. Allowed: {@code ""}, undefined. Containers and hosts are listed sorted.
 */
final class HostProbesAndHostLifecycleCheck {

  static final String ID = "hostProbesAndHostLifecycle";

  private static final String[] PROBES = {"livenessProbe", "readinessProbe", "startupProbe"};
  private static final String[] HANDLERS = {"postStart", "preStop"};
  private static final String[] ACTIONS = {"httpGet", "tcpSocket"};

  private HostProbesAndHostLifecycleCheck() {}

  static Check check() {
    return Check.of(
        ID,
        Level.BASELINE,
        VersionedCheck.of(34, HostProbesAndHostLifecycleCheck::hostProbesAndHostLifecycle_1_34));
  }

  static CheckResult hostProbesAndHostLifecycle_1_34(PodView pod) {
    TreeSet<String> badContainers = new TreeSet<>(GoText.BYTE_ORDER);
    TreeSet<String> hosts = new TreeSet<>(GoText.BYTE_ORDER);
    List<String> fields = new ArrayList<>(0);
    for (ContainerView c : pod.containers()) {
      boolean bad = false;
      for (String probe : PROBES) {
        bad |= collect(Values.map(c.raw(), probe), c.path() + "." + probe, hosts, fields);
      }
      Map<?, ?> lifecycle = Values.map(c.raw(), "lifecycle");
      for (String handler : HANDLERS) {
        bad |=
            collect(
                Values.map(lifecycle, handler), c.path() + ".lifecycle." + handler, hosts, fields);
      }
      if (bad) {
        badContainers.add(c.name());
      }
    }
    if (badContainers.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    return CheckResult.forbidden(
        "probe or lifecycle host",
        GoText.pluralize("container", "containers", badContainers.size())
            + " "
            + GoText.joinQuote(badContainers)
            + " "
            + GoText.pluralize("uses", "use", badContainers.size())
            + " "
            + GoText.pluralize("probe or lifecycle host", "probe or lifecycle hosts", hosts.size())
            + " "
            + GoText.joinQuote(hosts),
        new ArrayList<>(badContainers),
        fields);
  }

  private static boolean collect(
      @Nullable Map<?, ?> handler, String path, TreeSet<String> hosts, List<String> fields) {
    boolean found = false;
    for (String action : ACTIONS) {
      String host = Values.string(Values.map(handler, action), "host");
      if (host != null && !host.isEmpty()) {
        hosts.add(host);
        fields.add(path + "." + action + ".host");
        found = true;
      }
    }
    return found;
  }
}
