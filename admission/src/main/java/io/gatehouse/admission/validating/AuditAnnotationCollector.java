package io.gatehouse.admission.validating;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects one policy's auditAnnotation values across its bindings and params: identical values
 * collapse, distinct values for one key are joined with {@code ", "}. Not thread-safe.
 */
final class AuditAnnotationCollector {

  private final Map<String, List<String>> values = new LinkedHashMap<>();

  void add(String key, String value) {
    List<String> list = values.computeIfAbsent(key, k -> new ArrayList<>());
    if (!list.contains(value)) {
      list.add(value);
    }
  }

  /** Publishes {@code <policy>/<key>} entries; an existing key keeps its first value. */
  void publish(String policyName, Map<String, String> annotations) {
    values.forEach((key, list) -> annotations.putIfAbsent(policyName + "/" + key, String.join(", ", list)));
  }
}
