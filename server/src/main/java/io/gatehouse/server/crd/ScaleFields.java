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
final class ScaleFields {

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
