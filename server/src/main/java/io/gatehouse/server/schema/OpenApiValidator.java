package io.gatehouse.server.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * kube-openapi's {@code validate.SchemaValidator} over a CRD schema: per node the type, junctor
 * ({@code allOf}/{@code anyOf}/{@code oneOf}/{@code not}), string, format, number, slice, enum
 * and object validators, each applying by the data's JSON kind (not by the schema's type) and each
 * counting a match, in kube-openapi's order. Object properties are visited in name order (Go visits
 * map entries in random order, so upstream's order of errors of different properties varies).
 *
 * <p>Schemas are converted as apiextensions' {@code ConvertJSONSchemaProps} does: {@code
 * x-kubernetes-int-or-string} is type {@code integer,string} and unsupported formats are dropped.
 * Stateless.
 */
final class OpenApiValidator {

  private OpenApiValidator() {}

  /** Validates {@code data} (a decoded JSON value) at {@code path} ({@code ""} for the root). */
  static OpenApiResult validate(JsonSchema s, String path, @Nullable Object data) {
    OpenApiResult result = new OpenApiResult();
    List<String> types = types(s);
    String format = Formats.supported(s.format) ? s.format : "";
    if (data == null) {
      result.merge(typeOfNull(s, types, path));
      result.merge(OpenApiChecks.enumeration(s, path, null));
      return result;
    }
    if (!types.isEmpty() || !format.isEmpty()) {
      result.merge(type(types, format, path, data));
      result.inc();
    }
    result.merge(OpenApiChecks.junctors(s, path, data));
    result.inc();
    if (data instanceof String str) {
      result.merge(OpenApiChecks.string(s, path, str));
      result.inc();
      if (!format.isEmpty()) {
        result.merge(OpenApiChecks.format(format, path, str));
        result.inc();
      }
    }
    if (data instanceof Long || data instanceof Double) {
      result.merge(OpenApiChecks.number(s, path, data));
      result.inc();
    }
    if (data instanceof List<?> list) {
      result.merge(slice(s, path, list));
      result.inc();
    }
    result.merge(OpenApiChecks.enumeration(s, path, data));
    result.inc();
    if (data instanceof Map<?, ?> map) {
      result.merge(object(s, path, map));
      result.inc();
    }
    result.inc();
    return result;
  }

  static List<String> types(JsonSchema s) {
    if (s.xIntOrString) {
      return List.of("integer", "string");
    }
    return s.type.isEmpty() ? List.of() : List.of(s.type);
  }

  private static @Nullable OpenApiResult typeOfNull(JsonSchema s, List<String> types, String path) {
    if (!types.isEmpty() && !types.contains("null") && !s.nullable) {
      return OpenApiResult.of(OpenApiError.invalidType(path, String.join(",", types), "null"));
    }
    return null;
  }

  private static OpenApiResult type(List<String> types, String format, String path, Object data) {
    OpenApiResult result = new OpenApiResult();
    result.inc();
    String schType = jsonType(data);
    String dataFormat = data instanceof Long ? "int64" : data instanceof Double ? "float64" : "";
    boolean floatInt = schType.equals("number") && isJsonInteger((Double) data)
        && types.contains("integer");
    boolean intFloat = schType.equals("integer") && types.contains("number");
    boolean stringOrSlice = data instanceof String || data instanceof List<?>;
    if (!stringOrSlice && !format.isEmpty() && !(types.contains(schType)
        || format.equals(dataFormat) || floatInt || intFloat)) {
      return OpenApiResult.of(OpenApiError.invalidType(path, format, dataFormat));
    }
    if (!(types.contains("number") || types.contains("integer")) && !format.isEmpty()
        && stringOrSlice) {
      return result;
    }
    if (!(types.contains(schType) || floatInt || intFloat)) {
      return OpenApiResult.of(OpenApiError.invalidType(path, String.join(",", types), schType));
    }
    return result;
  }

  static String jsonType(Object data) {
    return switch (data) {
      case Boolean b -> "boolean";
      case String s -> "string";
      case Long l -> "integer";
      case Double d -> "number";
      case List<?> l -> "array";
      default -> "object";
    };
  }

  /** go-openapi's {@code swag.IsFloat64AJSONInteger}. */
  static boolean isJsonInteger(double f) {
    if (Double.isNaN(f) || Double.isInfinite(f) || f < -9007199254740991.0
        || f > 9007199254740991.0) {
      return false;
    }
    double fa = Math.abs(f);
    double g = (double) (long) f;
    if (f == g) {
      return true;
    }
    double diff = Math.abs(f - g);
    double epsilon = 1e-9;
    return fa < epsilon ? diff < epsilon : diff / Math.min(fa + Math.abs(g), Double.MAX_VALUE)
        < epsilon;
  }

  private static OpenApiResult slice(JsonSchema s, String path, List<?> list) {
    OpenApiResult result = new OpenApiResult();
    if (s.items != null) {
      for (int i = 0; i < list.size(); i++) {
        result.merge(validate(s.items, path + "[" + i + "]", list.get(i)));
      }
    }
    long size = list.size();
    if (s.minItems != null && size < s.minItems) {
      result.add(new OpenApiError(OpenApiError.Code.MIN_ITEMS, path, size, List.of(),
          s.minItems, path + " in body should have at least " + s.minItems + " items"));
    }
    if (s.maxItems != null && size > s.maxItems) {
      result.add(new OpenApiError(OpenApiError.Code.MAX_ITEMS, path, size, List.of(),
          s.maxItems, path + " in body should have at most " + s.maxItems + " items"));
    }
    if (s.uniqueItems && OpenApiChecks.hasDuplicates(list)) {
      result.add(OpenApiError.of(OpenApiError.Code.UNIQUE, path, null,
          path + " in body shouldn't contain duplicates"));
    }
    result.inc();
    return result;
  }

  private static OpenApiResult object(JsonSchema s, String path, Map<?, ?> map) {
    long keys = map.size();
    if (s.minProperties != null && keys < s.minProperties) {
      return OpenApiResult.of(new OpenApiError(OpenApiError.Code.TOO_FEW_PROPERTIES, path, keys,
          List.of(), s.minProperties,
          path + " in body should have at least " + s.minProperties + " properties"));
    }
    if (s.maxProperties != null && keys > s.maxProperties) {
      return OpenApiResult.of(new OpenApiError(OpenApiError.Code.TOO_MANY_PROPERTIES, path, keys,
          List.of(), s.maxProperties,
          path + " in body should have at most " + s.maxProperties + " properties"));
    }
    OpenApiResult res = new OpenApiResult();
    SchemaOrBool additional = s.additionalProperties;
    List<String> sortedKeys = new ArrayList<>();
    map.keySet().forEach(k -> sortedKeys.add(String.valueOf(k)));
    sortedKeys.sort(null);
    if (additional != null && !additional.allows()) {
      for (String k : sortedKeys) {
        if (!s.properties.containsKey(k)) {
          res.add(OpenApiError.of(OpenApiError.Code.UNALLOWED_PROPERTY, path, k,
              path + "." + k + " in body is a forbidden property"));
        }
      }
    } else if (additional != null && additional.schema() != null) {
      for (String k : sortedKeys) {
        if (!s.properties.containsKey(k)) {
          res.merge(validate(additional.schema(), path + "." + k, map.get(k)));
        }
      }
    }
    for (Map.Entry<String, JsonSchema> p : new TreeMap<>(s.properties).entrySet()) {
      if (map.containsKey(p.getKey())) {
        String name = path.isEmpty() ? p.getKey() : path + "." + p.getKey();
        res.merge(validate(p.getValue(), name, map.get(p.getKey())));
      }
    }
    for (String k : s.required) {
      if (!map.containsKey(k)) {
        res.add(OpenApiError.of(OpenApiError.Code.REQUIRED, path + "." + k, null,
            path + "." + k + " in body is required"));
      }
    }
    return res;
  }
}
