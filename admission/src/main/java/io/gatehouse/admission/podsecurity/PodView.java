package io.gatehouse.admission.podsecurity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A pod (or pod template) as Pod Security reads it: its annotations and the parts of its spec the
 * checks look at, parsed once and shared by every check and every mode.
 *
 * <p>Immutable; the raw maps inside are the caller's and are only read.
 *
 * @param annotations {@code metadata.annotations} (non-string values are ignored)
 * @param spec the raw {@code spec}
 * @param securityContext {@code spec.securityContext}, or null
 * @param containers init, regular and ephemeral containers, in that order
 * @param hostNetworkPortDefaulting whether the API server's defaulting gives the ports of
 *     containers and init containers without a {@code hostPort} their {@code containerPort} as host
 *     port: for pods (not pod templates, since 1.28) with {@code hostNetwork: true}
 */
record PodView(
    Map<?, ?> annotations,
    Map<?, ?> spec,
    @Nullable SecurityContextView securityContext,
    List<ContainerView> containers,
    boolean hostNetworkPortDefaulting) {

  private static final String[] LISTS = {"initContainers", "containers", "ephemeralContainers"};

  /** Reads a pod template from its metadata and spec maps; either may be null (empty). */
  static PodView of(@Nullable Map<?, ?> metadata, @Nullable Map<?, ?> spec) {
    return of(metadata, spec, false);
  }

  /**
   * Reads a pod ({@code pod} true) or pod template from its metadata and spec maps; either may be
   * null (empty).
   */
  static PodView of(@Nullable Map<?, ?> metadata, @Nullable Map<?, ?> spec, boolean pod) {
    Map<?, ?> s = spec == null ? Map.of() : spec;
    Map<?, ?> annotations = Values.map(metadata, "annotations");
    List<ContainerView> containers = new ArrayList<>(4);
    for (String list : LISTS) {
      List<?> items = Values.list(s, list);
      for (int i = 0; i < items.size(); i++) {
        Map<?, ?> c = items.get(i) instanceof Map<?, ?> m ? m : Map.of();
        containers.add(
            new ContainerView(
                Values.stringOrEmpty(c, "name"),
                list,
                i,
                c,
                SecurityContextView.of(Values.map(c, "securityContext"))));
      }
    }
    return new PodView(
        annotations == null ? Map.of() : annotations,
        s,
        SecurityContextView.of(Values.map(s, "securityContext")),
        containers,
        pod && Values.isTrue(s, "hostNetwork"));
  }

  /** Returns the annotation {@code key}, or null when absent. */
  @Nullable String annotation(String key) {
    return annotations.get(key) instanceof String v ? v : null;
  }

  /** Returns {@code spec.hostUsers}, or null. */
  @Nullable Boolean hostUsers() {
    return Values.bool(spec, "hostUsers");
  }

  /**
   * Returns whether {@code spec.hostUsers} is explicitly false (the pod has its own user
   * namespace).
   */
  boolean userNamespace() {
    return Boolean.FALSE.equals(hostUsers());
  }

  /** Returns whether {@code spec.os.name} is {@code windows}. */
  boolean windows() {
    return "windows".equals(Values.string(Values.map(spec, "os"), "name"));
  }

  /** Returns {@code spec.runtimeClassName}, or null. */
  @Nullable String runtimeClassName() {
    return Values.string(spec, "runtimeClassName");
  }
}
