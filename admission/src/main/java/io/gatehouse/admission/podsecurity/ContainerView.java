package io.gatehouse.admission.podsecurity;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One container of a pod as the checks visit it (upstream's {@code visitContainers}: init
 * containers, then containers, then ephemeral containers).
 *
 * @param name the name ({@code ""} when absent)
 * @param list the JSON field of its list: {@code initContainers}, {@code containers} or {@code
 *     ephemeralContainers}
 * @param index its index in that list
 * @param raw the container's JSON map, for the fields only one check reads
 * @param securityContext its security context, or null when absent
 */
record ContainerView(
    String name,
    String list,
    int index,
    Map<?, ?> raw,
    @Nullable SecurityContextView securityContext) {

  /** Returns the container's field path, e.g. {@code spec.initContainers[0]}. */
  String path() {
    return "spec." + list + "[" + index + "]";
  }

  /** Returns the path of a field of the container's security context. */
  String securityContextPath(String field) {
    return path() + ".securityContext." + field;
  }
}
