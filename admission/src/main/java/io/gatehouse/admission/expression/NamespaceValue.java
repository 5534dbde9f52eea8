package io.gatehouse.admission.expression;

import dev.cel.common.values.NullValue;
import io.gatehouse.api.Unstructured;
import io.gatehouse.cel.CelValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builds {@code namespaceObject} values. Validations and messageExpressions see the restricted
 * Namespace of upstream's {@code CreateNamespaceObject} (selected metadata, spec and status, as the
 * unstructured converter renders them: empty fields absent, {@code creationTimestamp} always
 * present); auditAnnotations see the whole Namespace, as upstream passes them the unrestricted
 * object.
 *
 * <p>Stateless; thread-safe.
 */
public final class NamespaceValue {

  private static final List<String> METADATA_FIELDS =
      List.of("name", "generateName", "namespace", "uid", "resourceVersion", "generation",
          "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "labels",
          "annotations", "finalizers");

  private NamespaceValue() {}

  /** Returns the restricted Namespace, or CEL null for none. */
  public static Object restricted(@Nullable Unstructured namespace) {
    if (namespace == null) {
      return NullValue.NULL_VALUE;
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    Map<String, @Nullable Object> source = namespace.metadata();
    for (String field : METADATA_FIELDS) {
      Object value = source.get(field);
      if (field.equals("creationTimestamp")) {
        metadata.put(field, CelValues.fromJson(value));
      } else if (field.startsWith("deletion") ? value != null : !isEmpty(value)) {
        // deletion* are pointers: omitted only when nil.
        metadata.put(field, CelValues.fromJson(value));
      }
    }
    Map<String, Object> spec = new LinkedHashMap<>();
    copyIfNotEmpty(namespace.object().get("spec"), spec, "finalizers");
    Map<String, Object> status = new LinkedHashMap<>();
    copyIfNotEmpty(namespace.object().get("status"), status, "phase");
    copyIfNotEmpty(namespace.object().get("status"), status, "conditions");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("metadata", metadata);
    out.put("spec", spec);
    out.put("status", status);
    return out;
  }

  /** Returns the whole Namespace, or CEL null for none. */
  public static Object full(@Nullable Unstructured namespace) {
    return namespace == null ? NullValue.NULL_VALUE : CelValues.fromJson(namespace.object());
  }

  private static void copyIfNotEmpty(@Nullable Object from, Map<String, Object> to, String key) {
    if (from instanceof Map<?, ?> m && !isEmpty(m.get(key))) {
      to.put(key, CelValues.fromJson(m.get(key)));
    }
  }

  private static boolean isEmpty(@Nullable Object value) {
    return value == null
        || (value instanceof String s && s.isEmpty())
        || (value instanceof Long l && l == 0)
        || (value instanceof Map<?, ?> m && m.isEmpty())
        || (value instanceof List<?> l && l.isEmpty());
  }
}
