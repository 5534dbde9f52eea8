package io.gatehouse.admission.podsecurity;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Upstream's {@code isSignificantPodUpdate}: a pod update is re-evaluated only if it can change
 * what Pod Security checks: a different number of containers or init containers, a changed image or
 * per-container seccomp annotation, or an ephemeral container added or changed the same way. Other
 * updates (labels, tolerations, status, …) are always allowed.
 */
final class PodUpdates {

  private PodUpdates() {}

  static boolean significant(Map<?, ?> pod, Map<?, ?> oldPod) {
    Map<?, ?> spec = Values.map(pod, "spec");
    Map<?, ?> oldSpec = Values.map(oldPod, "spec");
    Map<?, ?> annotations = Values.map(Values.map(pod, "metadata"), "annotations");
    Map<?, ?> oldAnnotations = Values.map(Values.map(oldPod, "metadata"), "annotations");
    List<?> containers = Values.list(spec, "containers");
    List<?> oldContainers = Values.list(oldSpec, "containers");
    List<?> inits = Values.list(spec, "initContainers");
    List<?> oldInits = Values.list(oldSpec, "initContainers");
    if (containers.size() != oldContainers.size() || inits.size() != oldInits.size()) {
      return true;
    }
    for (int i = 0; i < containers.size(); i++) {
      if (significant(containers.get(i), oldContainers.get(i), annotations, oldAnnotations)) {
        return true;
      }
    }
    for (int i = 0; i < inits.size(); i++) {
      if (significant(inits.get(i), oldInits.get(i), annotations, oldAnnotations)) {
        return true;
      }
    }
    List<?> oldEphemeral = Values.list(oldSpec, "ephemeralContainers");
    for (Object c : Values.list(spec, "ephemeralContainers")) {
      String name = Values.stringOrEmpty(asMap(c), "name");
      @Nullable Object old = null;
      for (Object o : oldEphemeral) {
        if (name.equals(Values.stringOrEmpty(asMap(o), "name"))) {
          old = o;
          break;
        }
      }
      if (old == null || significant(c, old, annotations, oldAnnotations)) {
        return true;
      }
    }
    return false;
  }

  private static boolean significant(
      Object container,
      Object oldContainer,
      @Nullable Map<?, ?> annotations,
      @Nullable Map<?, ?> oldAnnotations) {
    Map<?, ?> c = asMap(container);
    if (!Values.stringOrEmpty(c, "image")
        .equals(Values.stringOrEmpty(asMap(oldContainer), "image"))) {
      return true;
    }
    String key =
        SeccompProfileBaselineCheck.CONTAINER_ANNOTATION_PREFIX + Values.stringOrEmpty(c, "name");
    return !Values.stringOrEmpty(annotations, key)
        .equals(Values.stringOrEmpty(oldAnnotations, key));
  }

  private static Map<?, ?> asMap(@Nullable Object o) {
    return o instanceof Map<?, ?> m ? m : Map.of();
  }
}
