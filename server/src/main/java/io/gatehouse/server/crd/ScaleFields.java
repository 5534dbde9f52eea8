package io.gatehouse.server.crd;

import io.gatehouse.server.schema.FieldError;
import io.gatehouse.server.schema.GoText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The checks upstream's custom resource validator makes of the scale subresource's fields: the
 * replica counts at {@code specReplicasPath} and {@code statusReplicasPath} are non-negative
 * 32-bit integers (when present), the selector at {@code labelSelectorPath} a string. The error
 * paths are the configured JSON paths, leading dot included; a value of the wrong type reports
 * unstructured's accessor error. Stateless.
 */
public final class ScaleFields {

  private static final long MAX_INT32 = Integer.MAX_VALUE;

  private ScaleFields() {}

  static List<FieldError> validateSpec(Map<String, @Nullable Object> obj,
      CrdDefinition.@Nullable Scale scale) {
    return scale == null ? List.of() : replicas(obj, scale.specReplicasPath());
  }

  static List<FieldError> validateStatus(Map<String, @Nullable Object> obj,
      CrdDefinition.@Nullable Scale scale) {
    if (scale == null) {
      return List.of();
    }
    List<FieldError> errs = new ArrayList<>(replicas(obj, scale.statusReplicasPath()));
    String selector = scale.labelSelectorPath();
    if (selector != null) {
      try {
        nested(obj, selector, "string");
      } catch (AccessorException e) {
        errs.add(FieldError.invalid(selector, "", e.getMessage()));
      }
    }
    return errs;
  }

  /**
   * Reads the value at the JSON path {@code path} ({@code .a.b}) and returns its replica count.
   */
  static long replicaCount(Map<String, @Nullable Object> obj, String path)
      throws AccessorException {
    Object v = nested(obj, path, "int64");
    return v instanceof Long l ? l : 0L;
  }

  private static List<FieldError> replicas(Map<String, @Nullable Object> obj, String path) {
    long replicas;
    try {
      replicas = replicaCount(obj, path);
    } catch (AccessorException e) {
      return List.of(FieldError.invalid(path, 0L, e.getMessage()));
    }
    if (replicas < 0) {
      return List.of(FieldError.invalid(path, replicas, "should be a non-negative integer"));
    }
    if (replicas > MAX_INT32) {
      return List.of(FieldError.invalid(path, replicas, "should be less than or equal to "
          + MAX_INT32));
    }
    return List.of();
  }

  /**
   * The {@code autoscaling/v1} Scale of a custom object (upstream's {@code
   * scaleFromCustomResource}); replica counts absent are 0.
   *
   * @return the Scale, or empty when the spec replicas field does not exist
   * @throws IllegalStateException with unstructured's accessor error for fields of the wrong type
   */
  public static java.util.Optional<Map<String, Object>> scale(Map<String, @Nullable Object> obj,
      CrdDefinition.Scale scale) {
    try {
      Object spec = nested(obj, scale.specReplicasPath(), "int64");
      Object status = nested(obj, scale.statusReplicasPath(), "int64");
      Object selector = scale.labelSelectorPath() == null ? null
          : nested(obj, scale.labelSelectorPath(), "string");
      Map<String, @Nullable Object> meta = CustomResourceValidator.metadata(obj);
      Map<String, Object> m = new java.util.LinkedHashMap<>();
      m.put("kind", "Scale");
      m.put("apiVersion", "autoscaling/v1");
      Map<String, Object> md = new java.util.LinkedHashMap<>();
      for (String k : List.of("name", "namespace", "uid", "resourceVersion",
          "creationTimestamp")) {
        if (meta.get(k) != null) {
          md.put(k, meta.get(k));
        }
      }
      m.put("metadata", md);
      Map<String, Object> specMap = new java.util.LinkedHashMap<>();
      specMap.put("replicas", int32(spec));
      m.put("spec", specMap);
      Map<String, Object> statusMap = new java.util.LinkedHashMap<>();
      statusMap.put("replicas", int32(status));
      if (selector != null && !((String) selector).isEmpty()) {
        statusMap.put("selector", selector);
      }
      m.put("status", statusMap);
      return spec == null ? java.util.Optional.empty() : java.util.Optional.of(m);
    } catch (AccessorException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** Go's {@code int32(n)} of a replica count read as int64 (absent: 0). */
  private static long int32(@Nullable Object n) {
    return n instanceof Long l ? l.intValue() : 0L;
  }

  /** Sets the spec replicas of a custom object at {@code specReplicasPath}, creating parents. */
  @SuppressWarnings("unchecked")
  public static void setReplicas(Map<String, @Nullable Object> obj, CrdDefinition.Scale scale,
      long replicas) {
    String path = scale.specReplicasPath();
    String[] fields = (path.startsWith(".") ? path.substring(1) : path).split("\\.", -1);
    Map<String, Object> m = (Map<String, Object>) (Map<?, ?>) obj;
    for (int i = 0; i < fields.length - 1; i++) {
      Object next = m.get(fields[i]);
      if (!(next instanceof Map<?, ?>)) {
        next = new java.util.LinkedHashMap<String, Object>();
        m.put(fields[i], next);
      }
      m = (Map<String, Object>) next;
    }
    m.put(fields[fields.length - 1], replicas);
  }

  /** unstructured's {@code NestedInt64}/{@code NestedString}; {@code null} when absent. */
  private static @Nullable Object nested(Map<String, @Nullable Object> obj, String path,
      String goType) throws AccessorException {
    String[] fields = (path.startsWith(".") ? path.substring(1) : path).split("\\.", -1);
    Object val = obj;
    for (int i = 0; i < fields.length; i++) {
      if (val == null) {
        return null;
      }
      if (!(val instanceof Map<?, ?> m)) {
        throw new AccessorException(jsonPath(fields, i + 1) + " accessor error: " + GoText.v(val)
            + " is of the type " + goType(val) + ", expected map[string]interface{}");
      }
      if (!m.containsKey(fields[i])) {
        return null;
      }
      val = m.get(fields[i]);
    }
    boolean ok = goType.equals("int64") ? val instanceof Long : val instanceof String;
    if (!ok) {
      throw new AccessorException(jsonPath(fields, fields.length) + " accessor error: "
          + GoText.v(val) + " is of the type " + goType(val) + ", expected " + goType);
    }
    return val;
  }

  private static String jsonPath(String[] fields, int n) {
    return "." + String.join(".", java.util.Arrays.copyOf(fields, n));
  }

  /** Go's {@code %T} of a decoded JSON value. */
  static String goType(@Nullable Object v) {
    if (v == null) {
      return "<nil>";
    }
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof Long) {
      return "int64";
    }
    if (v instanceof Double) {
      return "float64";
    }
    if (v instanceof Boolean) {
      return "bool";
    }
    if (v instanceof List<?>) {
      return "[]interface {}";
    }
    return "map[string]interface {}";
  }

  /** unstructured's accessor error. */
  static final class AccessorException extends Exception {
    private static final long serialVersionUID = 1L;

    AccessorException(String message) {
      super(message, null, false, false);
    }
  }
}
