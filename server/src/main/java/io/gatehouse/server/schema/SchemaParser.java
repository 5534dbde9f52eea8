package io.gatehouse.server.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Decodes {@code JSONSchemaProps} from decoded JSON as the v1 API's Go types do: unknown keys are
 * ignored, a value of the wrong JSON type fails with {@code encoding/json}'s {@code cannot
 * unmarshal} text (the field named by its JSON path without map keys or indices, as Go reports
 * it). Stateless.
 */
final class SchemaParser {

  private static final String STRUCT = "JSONSchemaProps";

  private SchemaParser() {}

  /** The mutable fields a {@link JsonSchema} is built from. */
  static final class Fields {
    String id = "";
    String schema = "";
    @Nullable String ref;
    String description = "";
    String type = "";
    String format = "";
    String title = "";
    boolean hasDefault;
    @Nullable Object defaultValue;
    @Nullable Double maximum;
    boolean exclusiveMaximum;
    @Nullable Double minimum;
    boolean exclusiveMinimum;
    @Nullable Long maxLength;
    @Nullable Long minLength;
    String pattern = "";
    @Nullable Long maxItems;
    @Nullable Long minItems;
    boolean uniqueItems;
    @Nullable Double multipleOf;
    @Nullable List<@Nullable Object> enumValues;
    @Nullable Long maxProperties;
    @Nullable Long minProperties;
    List<String> required = List.of();
    @Nullable JsonSchema items;
    List<JsonSchema> itemsArray = List.of();
    List<JsonSchema> allOf = List.of();
    List<JsonSchema> oneOf = List.of();
    List<JsonSchema> anyOf = List.of();
    @Nullable JsonSchema not;
    Map<String, JsonSchema> properties = Map.of();
    @Nullable SchemaOrBool additionalProperties;
    Map<String, JsonSchema> patternProperties = Map.of();
    @Nullable Map<String, Object> dependencies;
    @Nullable SchemaOrBool additionalItems;
    Map<String, JsonSchema> definitions = Map.of();
    @Nullable Map<String, Object> externalDocs;
    @Nullable Object example;
    boolean nullable;
    @Nullable Boolean xPreserveUnknownFields;
    boolean xEmbeddedResource;
    boolean xIntOrString;
    List<String> xListMapKeys = List.of();
    @Nullable String xListType;
    @Nullable String xMapType;
    List<ValidationRule> xValidations = List.of();
  }

  @SuppressWarnings("unchecked")
  static JsonSchema parse(@Nullable Object json, String path) {
    if (!(json instanceof Map<?, ?> raw)) {
      throw mismatch(json, path, "v1.JSONSchemaProps");
    }
    Map<String, Object> m = (Map<String, Object>) raw;
    Fields f = new Fields();
    f.id = string(m, "id", path);
    f.schema = string(m, "$schema", path);
    f.ref = m.containsKey("$ref") ? string(m, "$ref", path) : null;
    f.description = string(m, "description", path);
    f.type = string(m, "type", path);
    f.format = string(m, "format", path);
    f.title = string(m, "title", path);
    f.hasDefault = m.containsKey("default") && m.get("default") != null;
    f.defaultValue = m.get("default");
    f.maximum = number(m, "maximum", path);
    f.exclusiveMaximum = bool(m, "exclusiveMaximum", path);
    f.minimum = number(m, "minimum", path);
    f.exclusiveMinimum = bool(m, "exclusiveMinimum", path);
    f.maxLength = integer(m, "maxLength", path);
    f.minLength = integer(m, "minLength", path);
    f.pattern = string(m, "pattern", path);
    f.maxItems = integer(m, "maxItems", path);
    f.minItems = integer(m, "minItems", path);
    f.uniqueItems = bool(m, "uniqueItems", path);
    f.multipleOf = number(m, "multipleOf", path);
    if (m.get("enum") != null) {
      if (!(m.get("enum") instanceof List<?> l)) {
        throw mismatch(m.get("enum"), child(path, "enum"), "[]v1.JSON");
      }
      f.enumValues = new ArrayList<>(l);
    }
    f.maxProperties = integer(m, "maxProperties", path);
    f.minProperties = integer(m, "minProperties", path);
    f.required = strings(m, "required", path);
    Object items = m.get("items");
    if (items instanceof List<?> l) {
      f.itemsArray = schemas(l, child(path, "items"));
    } else if (items != null) {
      f.items = parse(items, child(path, "items"));
    }
    f.allOf = schemaList(m, "allOf", path);
    f.oneOf = schemaList(m, "oneOf", path);
    f.anyOf = schemaList(m, "anyOf", path);
    f.not = m.get("not") == null ? null : parse(m.get("not"), child(path, "not"));
    f.properties = schemaMap(m, "properties", path);
    f.additionalProperties = orBool(m, "additionalProperties", path);
    f.patternProperties = schemaMap(m, "patternProperties", path);
    f.dependencies = object(m, "dependencies", path);
    f.additionalItems = orBool(m, "additionalItems", path);
    f.definitions = schemaMap(m, "definitions", path);
    f.externalDocs = object(m, "externalDocs", path);
    f.example = m.get("example");
    f.nullable = bool(m, "nullable", path);
    if (m.get("x-kubernetes-preserve-unknown-fields") != null) {
      f.xPreserveUnknownFields = bool(m, "x-kubernetes-preserve-unknown-fields", path);
    }
    f.xEmbeddedResource = bool(m, "x-kubernetes-embedded-resource", path);
    f.xIntOrString = bool(m, "x-kubernetes-int-or-string", path);
    f.xListMapKeys = strings(m, "x-kubernetes-list-map-keys", path);
    f.xListType = m.get("x-kubernetes-list-type") == null ? null
        : string(m, "x-kubernetes-list-type", path);
    f.xMapType = m.get("x-kubernetes-map-type") == null ? null
        : string(m, "x-kubernetes-map-type", path);
    f.xValidations = rules(m, path);
    return new JsonSchema(f);
  }

  private static List<ValidationRule> rules(Map<String, Object> m, String path) {
    Object v = m.get("x-kubernetes-validations");
    if (v == null) {
      return List.of();
    }
    String p = child(path, "x-kubernetes-validations");
    if (!(v instanceof List<?> l)) {
      throw mismatch(v, p, "v1.ValidationRules");
    }
    List<ValidationRule> out = new ArrayList<>();
    for (Object o : l) {
      if (!(o instanceof Map<?, ?> r)) {
        throw mismatch(o, p, "v1.ValidationRule");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> rm = (Map<String, Object>) r;
      Boolean optional = rm.get("optionalOldSelf") == null ? null
          : bool(rm, "optionalOldSelf", p);
      out.add(new ValidationRule(string(rm, "rule", p), string(rm, "message", p),
          string(rm, "messageExpression", p),
          rm.get("reason") == null ? null : string(rm, "reason", p),
          string(rm, "fieldPath", p), optional));
    }
    return out;
  }

  private static @Nullable SchemaOrBool orBool(Map<String, Object> m, String key, String path) {
    Object v = m.get(key);
    if (v == null) {
      return null;
    }
    if (v instanceof Boolean b) {
      return new SchemaOrBool(b, null);
    }
    return new SchemaOrBool(true, parse(v, child(path, key)));
  }

  private static List<JsonSchema> schemaList(Map<String, Object> m, String key, String path) {
    Object v = m.get(key);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> l)) {
      throw mismatch(v, child(path, key), "[]v1.JSONSchemaProps");
    }
    return schemas(l, child(path, key));
  }

  private static List<JsonSchema> schemas(List<?> l, String path) {
    List<JsonSchema> out = new ArrayList<>();
    for (Object o : l) {
      out.add(parse(o, path));
    }
    return out;
  }

  private static Map<String, JsonSchema> schemaMap(Map<String, Object> m, String key,
      String path) {
    Object v = m.get(key);
    if (v == null) {
      return Map.of();
    }
    if (!(v instanceof Map<?, ?> raw)) {
      throw mismatch(v, child(path, key), "map[string]v1.JSONSchemaProps");
    }
    Map<String, JsonSchema> out = new LinkedHashMap<>();
    raw.forEach((k, s) -> out.put(String.valueOf(k), parse(s, child(path, key))));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static @Nullable Map<String, Object> object(Map<String, Object> m, String key,
      String path) {
    Object v = m.get(key);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Map<?, ?> o)) {
      throw mismatch(v, child(path, key), "map[string]interface {}");
    }
    return (Map<String, Object>) o;
  }

  private static String string(Map<String, Object> m, String key, String path) {
    Object v = m.get(key);
    if (v == null) {
      return "";
    }
    if (!(v instanceof String s)) {
      throw mismatch(v, child(path, key), "string");
    }
    return s;
  }

  private static boolean bool(Map<String, Object> m, String key, String path) {
    Object v = m.get(key);
    if (v == null) {
      return false;
    }
    if (!(v instanceof Boolean b)) {
      throw mismatch(v, child(path, key), "bool");
    }
    return b;
  }

  private static @Nullable Long integer(Map<String, Object> m, String key, String path) {
    Object v = m.get(key);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Long l)) {
      throw mismatch(v, child(path, key), "int64");
    }
    return l;
  }

  private static @Nullable Double number(Map<String, Object> m, String key, String path) {
    Object v = m.get(key);
    if (v == null) {
      return null;
    }
    if (v instanceof Long l) {
      return l.doubleValue();
    }
    if (!(v instanceof Double d)) {
      throw mismatch(v, child(path, key), "float64");
    }
    return d;
  }

  private static List<String> strings(Map<String, Object> m, String key, String path) {
    Object v = m.get(key);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> l) || !l.stream().allMatch(x -> x instanceof String)) {
      throw mismatch(v instanceof List<?> l2 && !l2.isEmpty() ? firstNonString(l2) : v,
          child(path, key), v instanceof List<?> ? "string" : "[]string");
    }
    return l.stream().map(String.class::cast).toList();
  }

  private static @Nullable Object firstNonString(List<?> l) {
    return l.stream().filter(x -> !(x instanceof String)).findFirst().orElse(null);
  }

  private static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private static SchemaDecodeException mismatch(@Nullable Object v, String field, String goType) {
    String json = switch (v) {
      case null -> "null";
      case String s -> "string";
      case Boolean b -> "bool";
      case List<?> l -> "array";
      case Map<?, ?> m -> "object";
      default -> "number";
    };
    return new SchemaDecodeException("json: cannot unmarshal " + json + " into Go struct field "
        + STRUCT + "." + field + " of type " + goType);
  }
}
