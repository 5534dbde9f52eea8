package io.gatehouse.admission.noderestriction;

import static io.gatehouse.admission.noderestriction.NodeRestrictionAdmission.map;

import io.gatehouse.api.Unstructured;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Upstream's {@code admitPVCStatus} comparison: a PVC as a node may not change it — everything but
 * {@code metadata.resourceVersion}, {@code metadata.managedFields} and the status fields a kubelet
 * owns ({@code capacity}, {@code conditions}, and with volume-expansion recovery {@code
 * allocatedResources} and {@code allocatedResourceStatuses}), compared semantically. Stateless.
 */
final class PvcStatus {

  private static final Set<String> STATUS_FIELDS = Set.of("capacity", "conditions",
      "allocatedResources", "allocatedResourceStatuses");

  private PvcStatus() {}

  /** The parts of {@code pvc} a node must leave unchanged, in semantic form. */
  static Map<String, Object> comparable(Unstructured pvc) {
    Map<String, Object> copy = new LinkedHashMap<>();
    pvc.object().forEach((k, v) -> copy.put(k, v));
    Map<String, Object> metadata = new LinkedHashMap<>();
    map(copy.get("metadata")).forEach((k, v) -> metadata.put(String.valueOf(k), v));
    metadata.remove("resourceVersion");
    metadata.remove("managedFields");
    copy.put("metadata", metadata);
    Map<String, Object> status = new LinkedHashMap<>();
    map(copy.get("status")).forEach((k, v) -> status.put(String.valueOf(k), v));
    STATUS_FIELDS.forEach(status::remove);
    copy.put("status", status);
    Object semantic = SemanticValue.of(copy);
    @SuppressWarnings("unchecked")
    Map<String, Object> out = semantic instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    return out;
  }

  /**
   * What differs, where upstream prints {@code cmp.Diff} of the Go structs (not reproduced): the
   * differing top-level fields, e.g. {@code [metadata spec]}.
   */
  static String difference(Map<String, Object> before, Map<String, Object> after) {
    Set<String> keys = new TreeSet<>(before.keySet());
    keys.addAll(after.keySet());
    keys.removeIf(k -> java.util.Objects.equals(before.get(k), after.get(k)));
    return "[" + String.join(" ", keys) + "]";
  }
}
