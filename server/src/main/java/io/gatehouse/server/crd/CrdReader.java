package io.gatehouse.server.crd;

import io.gatehouse.server.schema.JsonSchema;
import io.gatehouse.server.schema.SchemaDecodeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Decodes a CustomResourceDefinition's JSON as the v1 API does, and applies the API's defaults to
 * the object ({@link #applyDefaults}). A field of the wrong JSON type fails with a {@link
 * SchemaDecodeException} worded as Go's decoder words it. Stateless.
 */
public final class CrdReader {

  private CrdReader() {}

  /**
   * Sets what v1 defaulting sets: {@code spec.names.singular} (lower-cased kind), {@code
   * spec.names.listKind} (kind + {@code List}), {@code spec.conversion} ({@code strategy: None})
   * and webhook service ports (443).
   */
  @SuppressWarnings("unchecked")
  public static void applyDefaults(Map<String, @Nullable Object> crd) {
    if (!(crd.get("spec") instanceof Map<?, ?> s)) {
      return;
    }
    Map<String, Object> spec = (Map<String, Object>) s;
    if (spec.get("names") instanceof Map<?, ?> n) {
      Map<String, Object> names = (Map<String, Object>) n;
      String kind = names.get("kind") instanceof String k ? k : "";
      if (!(names.get("singular") instanceof String sg) || sg.isEmpty()) {
        names.put("singular", kind.toLowerCase(Locale.ROOT));
      }
      if ((!(names.get("listKind") instanceof String lk) || lk.isEmpty()) && !kind.isEmpty()) {
        names.put("listKind", kind + "List");
      }
    }
    if (spec.get("conversion") == null) {
      Map<String, Object> conversion = new LinkedHashMap<>();
      conversion.put("strategy", "None");
      spec.put("conversion", conversion);
    } else if (spec.get("conversion") instanceof Map<?, ?> c
        && c.get("webhook") instanceof Map<?, ?> w
        && w.get("clientConfig") instanceof Map<?, ?> cc
        && cc.get("service") instanceof Map<?, ?> svc && svc.get("port") == null) {
      ((Map<String, Object>) svc).put("port", 443L);
    }
  }

  /** Reads {@code crd} (defaults already applied, or read from storage). */
  @SuppressWarnings("unchecked")
  public static CrdDefinition read(Map<String, ?> crd) {
    Map<String, Object> metadata = map(crd.get("metadata"), "metadata");
    Map<String, Object> spec = map(crd.get("spec"), "spec");
    Map<String, Object> status = map(crd.get("status"), "status");
    List<CrdDefinition.Version> versions = new ArrayList<>();
    for (Object v : list(spec.get("versions"), "spec.versions")) {
      versions.add(version(map(v, "spec.versions")));
    }
    Map<String, Object> conversion = map(spec.get("conversion"), "spec.conversion");
    List<Map<String, Object>> conditions = new ArrayList<>();
    for (Object c : list(status.get("conditions"), "status.conditions")) {
      conditions.add(map(c, "status.conditions"));
    }
    return new CrdDefinition(string(metadata, "name", "metadata"), metadata,
        string(spec, "group", "spec"), names(map(spec.get("names"), "spec.names"), "spec.names"),
        string(spec, "scope", "spec"), versions,
        Boolean.TRUE.equals(bool(spec, "preserveUnknownFields", "spec")),
        new CrdDefinition.Conversion(string(conversion, "strategy", "spec.conversion"),
            conversion.get("webhook") == null ? null
                : map(conversion.get("webhook"), "spec.conversion.webhook")),
        new CrdDefinition.Status(conditions, names(map(status.get("acceptedNames"),
            "status.acceptedNames"), "status.acceptedNames"),
            strings(status.get("storedVersions"), "status.storedVersions")));
  }

  private static CrdDefinition.Version version(Map<String, Object> v) {
    String p = "spec.versions";
    Map<String, Object> holder = v.get("schema") == null ? null : map(v.get("schema"), p + ".schema");
    JsonSchema schema = null;
    if (holder != null && holder.get("openAPIV3Schema") != null) {
      schema = JsonSchemaReader.parse(holder.get("openAPIV3Schema"));
    }
    CrdDefinition.Subresources subresources = null;
    if (v.get("subresources") != null) {
      Map<String, Object> sub = map(v.get("subresources"), p + ".subresources");
      CrdDefinition.Scale scale = null;
      if (sub.get("scale") != null) {
        Map<String, Object> sc = map(sub.get("scale"), p + ".subresources.scale");
        String sp = p + ".subresources.scale";
        scale = new CrdDefinition.Scale(string(sc, "specReplicasPath", sp),
            string(sc, "statusReplicasPath", sp),
            sc.get("labelSelectorPath") == null ? null : string(sc, "labelSelectorPath", sp));
      }
      subresources = new CrdDefinition.Subresources(sub, sub.get("status") != null, scale);
    }
    List<CrdDefinition.Column> columns = new ArrayList<>();
    for (Object o : list(v.get("additionalPrinterColumns"), p + ".additionalPrinterColumns")) {
      Map<String, Object> c = map(o, p + ".additionalPrinterColumns");
      String cp = p + ".additionalPrinterColumns";
      columns.add(new CrdDefinition.Column(string(c, "name", cp), string(c, "type", cp),
          string(c, "format", cp), string(c, "description", cp), integer(c, "priority", cp),
          string(c, "jsonPath", cp)));
    }
    List<String> selectable = new ArrayList<>();
    for (Object o : list(v.get("selectableFields"), p + ".selectableFields")) {
      selectable.add(string(map(o, p + ".selectableFields"), "jsonPath", p + ".selectableFields"));
    }
    return new CrdDefinition.Version(string(v, "name", p), Boolean.TRUE.equals(bool(v, "served", p)),
        Boolean.TRUE.equals(bool(v, "storage", p)), Boolean.TRUE.equals(bool(v, "deprecated", p)),
        v.get("deprecationWarning") == null ? null : string(v, "deprecationWarning", p), holder,
        schema, subresources, columns, selectable);
  }

  private static CrdDefinition.Names names(Map<String, Object> n, String p) {
    return new CrdDefinition.Names(string(n, "plural", p), string(n, "singular", p),
        string(n, "kind", p), string(n, "listKind", p), strings(n.get("shortNames"),
        p + ".shortNames"), strings(n.get("categories"), p + ".categories"));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(@Nullable Object v, String path) {
    if (v == null) {
      return Map.of();
    }
    if (!(v instanceof Map<?, ?> m)) {
      throw mismatch(v, path, "map");
    }
    return (Map<String, Object>) m;
  }

  static List<?> list(@Nullable Object v, String path) {
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> l)) {
      throw mismatch(v, path, "array");
    }
    return l;
  }

  static List<String> strings(@Nullable Object v, String path) {
    List<String> out = new ArrayList<>();
    for (Object o : list(v, path)) {
      if (!(o instanceof String s)) {
        throw mismatch(o, path, "string");
      }
      out.add(s);
    }
    return out;
  }

  static String string(Map<String, Object> m, String key, String path) {
    Object v = m.get(key);
    if (v == null) {
      return "";
    }
    if (!(v instanceof String s)) {
      throw mismatch(v, path + "." + key, "string");
    }
    return s;
  }

  private static @Nullable Boolean bool(Map<String, Object> m, String key, String path) {
    Object v = m.get(key);
    if (v != null && !(v instanceof Boolean)) {
      throw mismatch(v, path + "." + key, "bool");
    }
    return (Boolean) v;
  }

  private static long integer(Map<String, Object> m, String key, String path) {
    Object v = m.get(key);
    if (v == null) {
      return 0;
    }
    if (!(v instanceof Long l)) {
      throw mismatch(v, path + "." + key, "int32");
    }
    return l;
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
    String type = goType.equals("map") ? "v1.CustomResourceDefinitionSpec" : goType;
    return new SchemaDecodeException("json: cannot unmarshal " + json
        + " into Go struct field CustomResourceDefinition." + field + " of type " + type);
  }

  /** Parses schemas with the CRD's field path in decode errors. */
  private static final class JsonSchemaReader {
    static JsonSchema parse(Object raw) {
      try {
        return JsonSchema.parse(raw);
      } catch (SchemaDecodeException e) {
        throw new SchemaDecodeException(e.getMessage().replace("Go struct field JSONSchemaProps.",
            "Go struct field CustomResourceDefinition.spec.versions.schema.openAPIV3Schema."));
      }
    }
  }
}
